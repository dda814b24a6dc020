import type { SubgraphSchemaDefinition } from '@xgz/kit';
import { AuditEventResolver } from './modules/audit/audit-event.resolver.js';
import { FeedbackResolver } from './modules/floating-feedback/feedback.resolver.js';
import { Market } from './modules/market/market.type.js';
import { MemberImportResolver } from './modules/member-import/member-import.resolver.js';
import { marketEntityReference } from './modules/market-entity/market-entity.reference.js';
import { MarketEntityResolver } from './modules/market-entity/market-entity.resolver.js';
import { partyMemberReference } from './modules/party-member/party-member.reference.js';
import { PartyMemberResolver } from './modules/party-member/party-member.resolver.js';
import { PartyOrganization } from './modules/party-organization/party-organization.type.js';
import { regionReference } from './modules/region/region.reference.js';
import { RegionResolver } from './modules/region/region.resolver.js';

export const registrySchema: SubgraphSchemaDefinition = {
  resolvers: [RegionResolver, MarketEntityResolver, PartyMemberResolver, FeedbackResolver, AuditEventResolver, MemberImportResolver],
  orphanedTypes: [Market, PartyOrganization],
  references: { ...regionReference, ...marketEntityReference, ...partyMemberReference },
};
