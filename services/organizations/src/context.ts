import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext, Viewer } from '@xgz/kit';
import { createPartyOrganizationLoaders } from './modules/party-organization/party-organization.loaders.js';

export const createOrganizationsLoaders = (em: EntityManager, viewer: Viewer) => ({
  partyOrganizations: createPartyOrganizationLoaders(em, viewer),
});

export type OrganizationsContext = RequestContext<ReturnType<typeof createOrganizationsLoaders>>;
