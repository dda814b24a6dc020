import { FEED_PATH, RegistryFactType, rederive, type FeedSubscription } from '@xgz/kit';
import { memberLifeFacts } from '../organization-life/member-life.derived.js';
import { entityCoverageFacts } from '../coverage/entity-coverage.derived.js';

/**
 * What organizations copies from registry: entities (status, kind, staff) and members (their unit,
 * category, status), each period filed under the entity it concerns — a member's change re-derives
 * the coverage of the entity it works at (before and after the change) and the member's own
 * organization-life standing.
 */
export const registryFactsSubscription: FeedSubscription = {
  source: 'registry',
  types: [RegistryFactType.MarketEntity, RegistryFactType.PartyMember],
  defaultUrl: `http://127.0.0.1:4001${FEED_PATH}`,
  aboutOf: (type, id, state) =>
    type === RegistryFactType.MarketEntity ? id : typeof state.entityId === 'string' ? state.entityId : null,
  rederive: async (em, entityIds, records) => {
    await rederive(em, entityCoverageFacts, entityIds, { reason: 'REGISTRY_FACTS', actor: 'feed:registry' });
    const members = records.filter((record) => record.type === RegistryFactType.PartyMember).map((record) => record.id);
    await rederive(em, memberLifeFacts, members, { reason: 'REGISTRY_FACTS', actor: 'feed:registry' });
  },
};
