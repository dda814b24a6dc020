import {
  AuditEventEntity,
  DerivedFactRevisionEntity,
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
import { MeetingAttendanceEntity, MeetingEntity } from './modules/meeting/meeting.entity.js';
import { LifeMembershipEntity } from './modules/organization-life/life-membership.entity.js';
import { OrganizationRoleEntity } from './modules/organization-role/organization-role.entity.js';
import { PartyOrganizationEntity } from './modules/party-organization/party-organization.entity.js';
import { PartyWorkerEntity, WorkerAssignmentEntity } from './modules/party-worker/party-worker.entity.js';
import { OrganizationElectionEntity } from './modules/term/organization-election.entity.js';
import { VenueCheckEntity } from './modules/venue/venue-check.entity.js';

/** Postgres schema `organizations`, roles organizations_owner / organizations_app. */
export const organizationsDatabase: SubgraphDatabaseDefinition = {
  name: 'organizations',
  entities: [
    PartyOrganizationEntity,
    CoverageLinkEntity,
    PartyWorkerEntity,
    WorkerAssignmentEntity,
    OrganizationRoleEntity,
    LifeMembershipEntity,
    MeetingEntity,
    MeetingAttendanceEntity,
    VenueCheckEntity,
    OrganizationElectionEntity,
    DerivedFactRevisionEntity,
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
