import { extendedRegionReference, type SubgraphSchemaDefinition } from '@xgz/kit';
import { MarketEntityOrganizationsResolver } from './modules/market-entity/market-entity.resolver.js';
import { MarketEntity } from './modules/market-entity/market-entity.type.js';
import { MeetingResolver } from './modules/meeting/meeting.resolver.js';
import { OrganizationMeetingsResolver } from './modules/meeting/organization-meetings.resolver.js';
import { LifeMembershipResolver } from './modules/organization-life/life-membership.resolver.js';
import { OrganizationMembersResolver } from './modules/organization-life/organization-members.resolver.js';
import { OrganizationRoleResolver } from './modules/organization-role/organization-role.resolver.js';
import { partyMemberReference } from './modules/party-member/party-member.reference.js';
import { PartyMember } from './modules/party-member/party-member.type.js';
import { OrganizationErrorCode } from './modules/party-organization/party-organization.errors.js';
import { partyOrganizationReference } from './modules/party-organization/party-organization.reference.js';
import { PartyOrganizationResolver } from './modules/party-organization/party-organization.resolver.js';
import { PartyWorkerResolver } from './modules/party-worker/party-worker.resolver.js';
import { RegionOrganizationsResolver } from './modules/region/region.resolver.js';
import { Region } from './modules/region/region.type.js';
import { OrganizationTermResolver } from './modules/term/organization-term.resolver.js';
import { VenueCheckResolver } from './modules/venue/venue-check.resolver.js';

export const organizationsSchema: SubgraphSchemaDefinition = {
  resolvers: [
    PartyOrganizationResolver,
    OrganizationRoleResolver,
    OrganizationMembersResolver,
    OrganizationMeetingsResolver,
    OrganizationTermResolver,
    VenueCheckResolver,
    MeetingResolver,
    LifeMembershipResolver,
    PartyWorkerResolver,
    RegionOrganizationsResolver,
    MarketEntityOrganizationsResolver,
  ],
  orphanedTypes: [Region, MarketEntity, PartyMember],
  references: {
    ...partyOrganizationReference,
    ...partyMemberReference,
    ...extendedRegionReference,
    // Registry's entity: any id resolves; each field reads only rows of the viewer's region.
    MarketEntity: { __resolveReference: (reference: { id: string }) => ({ id: reference.id }) },
  },
  errorCodes: { enumName: 'OrganizationsErrorCode', codes: OrganizationErrorCode },
  // Beyond the one-line, 200-character default for text arguments:
  textRules: {
    /** A meeting's decisions (决议), several lines. */
    decisions: { maxLength: 4_000, multiline: true },
  },
};
