import { FEED_PATH, MarketsFactType, type FeedSubscription } from '@xgz/kit';
import { rederiveMarketOrganizations } from './market-organization.derived.js';

/**
 * What organizations copies from markets: its markets (region, open or closed), so a market an
 * organization sits in, or a worker is assigned to, is checked against markets' own facts without
 * reading markets' tables; each page re-derives whether those markets have an organization inside.
 */
export const marketsFactsSubscription: FeedSubscription = {
  source: 'markets',
  types: [MarketsFactType.Market],
  defaultUrl: `http://127.0.0.1:4003${FEED_PATH}`,
  aboutOf: (_type, id) => id,
  rederive: async (em, marketIds) => {
    await rederiveMarketOrganizations(em, marketIds, 'feed:markets');
  },
};
