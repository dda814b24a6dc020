import type { EntityManager } from '@mikro-orm/postgresql';
import { datedLoader } from '@xgz/kit';
import type { OrganizationRoleRow } from './organization-role.entity.js';
import { postsOn } from './organization-role.service.js';

/** Each organization's posts on a date (its committee and secretary fields share one batch). */
export const createOrganizationRoleLoaders = (em: EntityManager) => ({
  postsOn: datedLoader<OrganizationRoleRow[]>((ids, date) => postsOn(em, ids, date), []),
});
