/** Kind and operating status of a market entity: part of the facts registry feeds others (the kit holds them once). */
export { MarketEntityKind, MarketEntityStatus } from '@xgz/kit';
