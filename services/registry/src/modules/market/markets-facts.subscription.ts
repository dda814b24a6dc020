import { FEED_PATH, MarketsFactType, type FeedSubscription } from '@xgz/kit';

/**
 * What registry copies from markets: its markets (region, open or closed), so an entity's market is
 * checked against markets' own facts — it exists, lies in the caller's region, is open on the day —
 * without reading markets' tables. Nothing of registry's is derived from them.
 */
export const marketsFactsSubscription: FeedSubscription = {
  source: 'markets',
  types: [MarketsFactType.Market],
  defaultUrl: `http://127.0.0.1:4003${FEED_PATH}`,
  aboutOf: () => null,
  rederive: async () => {},
};
