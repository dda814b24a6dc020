import {
  AuditEventEntity,
  FactVersionEntity,
  FedFactEntity,
  FeedCursorEntity,
  FigureDeltaEntity,
  FigureSnapshotDateEntity,
  FigureSnapshotEntity,
  type SubgraphDatabaseDefinition,
} from '@xgz/kit';
import { migrations } from './migrations/index.js';
import { CoverageLinkEntity } from './modules/coverage/coverage-link.entity.js';
import { PartyOrganizationEntity } from './modules/party-organization/party-organization.entity.js';
import { PartyWorkerEntity, WorkerAssignmentEntity } from './modules/party-worker/party-worker.entity.js';

/** Postgres schema `organizations`, roles organizations_owner / organizations_app. */
export const organizationsDatabase: SubgraphDatabaseDefinition = {
  name: 'organizations',
  entities: [
    PartyOrganizationEntity,
    CoverageLinkEntity,
    PartyWorkerEntity,
    WorkerAssignmentEntity,
    FactVersionEntity,
    FedFactEntity,
    FeedCursorEntity,
    FigureDeltaEntity,
    FigureSnapshotEntity,
    FigureSnapshotDateEntity,
    AuditEventEntity,
  ],
  migrations,
};
