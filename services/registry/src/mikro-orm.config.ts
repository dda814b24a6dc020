import {
  AuditEventEntity,
  FactVersionEntity,
  FigureDeltaEntity,
  FigureSnapshotDateEntity,
  FigureSnapshotEntity,
  type SubgraphDatabaseDefinition,
} from '@xgz/kit';
import { migrations } from './migrations/index.js';
import { FeedbackStepEntity } from './modules/floating-feedback/feedback-step.entity.js';
import { MarketEntityEntity } from './modules/market-entity/market-entity.entity.js';
import { MemberImportJobEntity } from './modules/member-import-job/member-import-job.entity.js';
import { PartyMemberEntity } from './modules/party-member/party-member.entity.js';
import { RegionEntity } from './modules/region/region.entity.js';

/** The registry's persistence: Postgres schema `registry`, roles registry_owner / registry_app. */
export const registryDatabase: SubgraphDatabaseDefinition = {
  name: 'registry',
  entities: [
    RegionEntity,
    MarketEntityEntity,
    PartyMemberEntity,
    FeedbackStepEntity,
    MemberImportJobEntity,
    FactVersionEntity,
    FigureDeltaEntity,
    FigureSnapshotEntity,
    FigureSnapshotDateEntity,
    AuditEventEntity,
  ],
  migrations,
};
