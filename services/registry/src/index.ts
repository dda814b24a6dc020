export { registrySubgraph } from './server.js';
import { registrySubgraph } from './server.js';
/** Its persistence (schema, entities, migrations), for tools that migrate or load in bulk. */
export const registryDatabase = registrySubgraph.database;
export { loadRegionTree } from './modules/region/region-tree.import.js';
export { EXPECTED_REGION_COUNT, isKnownRegionCode } from './modules/region/region-tree.source.js';
export { withCheckCharacter } from './modules/market-entity/credit-code.js';
export { FORM_COLUMNS } from './modules/member-import/registration-form.columns.js';
export {
  readRegistrationForm,
  formatOfFile,
  type FormFormat,
} from './modules/member-import/registration-form.reader.js';
export { writeRegistrationForm, type FormValues } from './modules/member-import/registration-form.writer.js';
export { importPartyMembers, type ImportProgress } from './modules/member-import/member-import.service.js';
export { FormFileError } from './modules/member-import/form-file-error.js';
export { MemberImportErrorCode } from './modules/member-import/member-import.errors.js';
export { marketEntityFacts } from './modules/market-entity/market-entity.facts.js';
export { partyMemberFacts } from './modules/party-member/party-member.facts.js';
export { changeMarketEntityStatus } from './modules/market-entity/market-entity.service.js';
export { recordSanliang } from './modules/party-member/party-member.service.js';
export { PartyMemberEntity } from './modules/party-member/party-member.entity.js';
export { MarketEntityTable } from './modules/market-entity/market-entity.entity.js';
export { recordFeedbackStep } from './modules/floating-feedback/feedback.service.js';
export { FeedbackStep } from './modules/floating-feedback/feedback-step.js';
export { MarketEntityStatus } from './modules/market-entity/market-entity-kind.js';
export { RelationshipType } from './modules/party-member/party-member-enums.js';
