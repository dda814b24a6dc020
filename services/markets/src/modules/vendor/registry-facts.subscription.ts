import { FEED_PATH, RegistryFactType, type FeedSubscription } from '@xgz/kit';
import { rederiveVendors } from './rederive-vendors.js';

/**
 * What markets copies from registry: entities (status, the market they trade in) and members (their
 * unit, status, 三亮 plate), each period filed under the entity it concerns — a change re-derives that
 * entity as a vendor, before and after (a move leaves one market and enters the other).
 */
export const registryFactsSubscription: FeedSubscription = {
  source: 'registry',
  types: [RegistryFactType.MarketEntity, RegistryFactType.PartyMember],
  defaultUrl: `http://127.0.0.1:4001${FEED_PATH}`,
  aboutOf: (type, id, state) =>
    type === RegistryFactType.MarketEntity ? id : typeof state.entityId === 'string' ? state.entityId : null,
  rederive: async (em, entityIds) => {
    await rederiveVendors(em, entityIds, 'feed:registry');
  },
};
