import type { EntityManager } from '@mikro-orm/postgresql';
import { datedLoader } from '@xgz/kit';
import DataLoader from 'dataloader';
import type { LifeMembershipRow } from './life-membership.entity.js';
import { membershipHistories, membershipsOn } from './life-membership.service.js';

export const createLifeMembershipLoaders = (em: EntityManager) => ({
  /** Each member's organization-life membership on a date. */
  on: datedLoader<LifeMembershipRow | null>((ids, date) => membershipsOn(em, ids, date), null),
  /** Each member's memberships, oldest first. */
  history: new DataLoader<string, LifeMembershipRow[]>(async (ids) => {
    const histories = await membershipHistories(em, ids);
    return ids.map((id) => histories.get(id) ?? []);
  }),
});
