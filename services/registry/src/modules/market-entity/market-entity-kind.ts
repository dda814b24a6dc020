import { registerEnumType } from 'type-graphql';

/** Kind of market entity: shared with the subgraphs registry feeds (the kit holds it once). */
export { MarketEntityKind } from '@xgz/kit';

/** Operating status (经营状态). */
export enum MarketEntityStatus {
  OPERATING = 'OPERATING',
  SUSPENDED = 'SUSPENDED',
  DEREGISTERED = 'DEREGISTERED',
}

registerEnumType(MarketEntityStatus, {
  name: 'MarketEntityStatus',
  description: 'Operating status (经营状态).',
  valuesConfig: {
    OPERATING: { description: 'Operating (在营)' },
    SUSPENDED: { description: 'Suspended (停歇业)' },
    DEREGISTERED: { description: 'Deregistered (注销); final' },
  },
});
