import type { SubgraphDatabaseDefinition } from '@xgz/kit';
import { migrations } from './migrations/index.js';
import { PartyOrganizationEntity } from './modules/party-organization/party-organization.entity.js';

/** Postgres schema `organizations`, roles organizations_owner / organizations_app. */
export const organizationsDatabase: SubgraphDatabaseDefinition = {
  name: 'organizations',
  entities: [PartyOrganizationEntity],
  migrations,
};
