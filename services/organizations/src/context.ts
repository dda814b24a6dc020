import type { EntityManager } from '@mikro-orm/postgresql';
import { figuresLoader, type RequestContext, type Viewer } from '@xgz/kit';
import { organizationMetricNames } from './modules/figures/organization-figures.service.js';
import { createMeetingLoaders } from './modules/meeting/meeting.loaders.js';
import { createLifeMembershipLoaders } from './modules/organization-life/life-membership.loaders.js';
import { createOrganizationRoleLoaders } from './modules/organization-role/organization-role.loaders.js';
import { createPartyOrganizationLoaders } from './modules/party-organization/party-organization.loaders.js';
import { createPartyWorkerLoaders } from './modules/party-worker/party-worker.loaders.js';
import { createOrganizationTermLoaders } from './modules/term/organization-term.loaders.js';
import { createVenueCheckLoaders } from './modules/venue/venue-check.loaders.js';

export const createOrganizationsLoaders = (em: EntityManager, viewer: Viewer) => ({
  partyOrganizations: createPartyOrganizationLoaders(em, viewer),
  lifeMemberships: createLifeMembershipLoaders(em),
  meetings: createMeetingLoaders(em),
  organizationRoles: createOrganizationRoleLoaders(em),
  venueChecks: createVenueCheckLoaders(em),
  terms: createOrganizationTermLoaders(em),
  partyWorkers: createPartyWorkerLoaders(em, viewer),
  figures: figuresLoader(em, organizationMetricNames),
});

export type OrganizationsContext = RequestContext<ReturnType<typeof createOrganizationsLoaders>>;
