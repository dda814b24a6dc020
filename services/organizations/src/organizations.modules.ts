import { coverageModule } from './modules/coverage/coverage.module.js';
import { figuresModule } from './modules/figures/figures.module.js';
import { marketModule } from './modules/market/market.module.js';
import { marketEntityModule } from './modules/market-entity/market-entity.module.js';
import { meetingModule } from './modules/meeting/meeting.module.js';
import { organizationLifeModule } from './modules/organization-life/organization-life.module.js';
import { organizationRoleModule } from './modules/organization-role/organization-role.module.js';
import { partyMemberModule } from './modules/party-member/party-member.module.js';
import { partyOrganizationModule } from './modules/party-organization/party-organization.module.js';
import { partyWorkerModule } from './modules/party-worker/party-worker.module.js';
import { regionModule } from './modules/region/region.module.js';
import { registryFeedModule } from './modules/registry-feed/registry-feed.module.js';
import { standingModule } from './modules/standing/standing.module.js';
import { termModule } from './modules/term/term.module.js';
import { venueModule } from './modules/venue/venue.module.js';

/** Organizations' aggregates: a new one is its folder under modules/ and one line here. */
export const organizationsModules = [
  partyOrganizationModule,
  registryFeedModule,
  coverageModule,
  organizationRoleModule,
  organizationLifeModule,
  meetingModule,
  termModule,
  venueModule,
  standingModule,
  partyWorkerModule,
  figuresModule,
  regionModule,
  marketEntityModule,
  marketModule,
  partyMemberModule,
] as const;
