import type { SubgraphSchemaDefinition } from '@xgz/kit';
import { AuditEventResolver } from './modules/audit/audit-event.resolver.js';
import { FeedbackErrorCode } from './modules/floating-feedback/feedback.errors.js';
import { FeedbackResolver } from './modules/floating-feedback/feedback.resolver.js';
import { Market } from './modules/market/market.type.js';
import { MemberImportErrorCode } from './modules/member-import/member-import.errors.js';
import { importLimits } from './modules/member-import/member-import.limits.js';
import { MemberImportResolver } from './modules/member-import/member-import.resolver.js';
import { MemberImportJobResolver } from './modules/member-import-job/member-import-job.resolver.js';
import { MarketEntityErrorCode } from './modules/market-entity/market-entity.errors.js';
import { marketEntityReference } from './modules/market-entity/market-entity.reference.js';
import { MarketEntityResolver } from './modules/market-entity/market-entity.resolver.js';
import { PartyMemberErrorCode } from './modules/party-member/party-member.errors.js';
import { partyMemberReference } from './modules/party-member/party-member.reference.js';
import { PartyMemberResolver } from './modules/party-member/party-member.resolver.js';
import { PartyOrganization } from './modules/party-organization/party-organization.type.js';
import { regionReference } from './modules/region/region.reference.js';
import { RegionResolver } from './modules/region/region.resolver.js';

export const registrySchema: SubgraphSchemaDefinition = {
  resolvers: [
    RegionResolver,
    MarketEntityResolver,
    PartyMemberResolver,
    FeedbackResolver,
    AuditEventResolver,
    MemberImportResolver,
    MemberImportJobResolver,
  ],
  orphanedTypes: [Market, PartyOrganization],
  references: { ...regionReference, ...marketEntityReference, ...partyMemberReference },
  errorCodes: {
    enumName: 'RegistryErrorCode',
    codes: { ...PartyMemberErrorCode, ...MarketEntityErrorCode, ...FeedbackErrorCode, ...MemberImportErrorCode },
  },
  // Beyond the one-line, 200-character default for text arguments:
  textRules: {
    /** An import file, base64 (4 characters per 3 bytes); the import itself says when it is over IMPORT_MAX_FILE_BYTES. */
    contentBase64: { maxLength: Math.ceil((importLimits.IMPORT_MAX_FILE_BYTES / 3) * 4 * 1.2), multiline: true },
    /** A feedback step's note or evaluation (评语). */
    note: { maxLength: 2_000, multiline: true },
    /** Why a member left or moved. */
    reason: { maxLength: 1_000, multiline: true },
  },
};
