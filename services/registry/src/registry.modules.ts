import { auditModule } from './modules/audit/audit.module.js';
import { figuresModule } from './modules/figures/figures.module.js';
import { floatingFeedbackModule } from './modules/floating-feedback/floating-feedback.module.js';
import { marketEntityModule } from './modules/market-entity/market-entity.module.js';
import { marketModule } from './modules/market/market.module.js';
import { memberImportJobModule } from './modules/member-import-job/member-import-job.module.js';
import { memberImportModule } from './modules/member-import/member-import.module.js';
import { partyMemberModule } from './modules/party-member/party-member.module.js';
import { partyOrganizationModule } from './modules/party-organization/party-organization.module.js';
import { regionModule } from './modules/region/region.module.js';

/** Registry's aggregates: a new one is its folder under modules/ and one line here. */
export const registryModules = [
  regionModule,
  marketEntityModule,
  partyMemberModule,
  floatingFeedbackModule,
  figuresModule,
  auditModule,
  memberImportModule,
  memberImportJobModule,
  marketModule,
  partyOrganizationModule,
] as const;
