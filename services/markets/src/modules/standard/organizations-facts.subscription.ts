import { FEED_PATH, OrganizationsFactType, type FeedSubscription } from '@xgz/kit';

/**
 * What markets copies from organizations: whether each market has a living party organization
 * inside, dated — the "organization coverage" item of 六化 is pre-filled from it. Nothing is derived
 * from it (an answer stays the official's; the copy only suggests and flags).
 */
export const organizationsFactsSubscription: FeedSubscription = {
  source: 'organizations',
  types: [OrganizationsFactType.MarketOrganization],
  defaultUrl: `http://127.0.0.1:4002${FEED_PATH}`,
  aboutOf: () => null,
  rederive: async () => {},
};
