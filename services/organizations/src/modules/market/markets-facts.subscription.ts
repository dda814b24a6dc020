import { FEED_PATH, MarketsFactType, type FeedSubscription } from '@xgz/kit';

/**
 * What organizations copies from markets: its markets (region, open or closed), so a market an
 * organization sits in, or a worker is assigned to, is checked against markets' own facts without
 * reading markets' tables. Nothing of organizations' is derived from them.
 */
export const marketsFactsSubscription: FeedSubscription = {
  source: 'markets',
  types: [MarketsFactType.Market],
  defaultUrl: `http://127.0.0.1:4003${FEED_PATH}`,
  aboutOf: () => null,
  rederive: async () => {},
};
