import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { figureDate } from '@xgz/kit';
import type { LifeMembershipRow } from './life-membership.entity.js';
import { membershipsOn } from './life-membership.service.js';

/** Each member's organization-life membership on a date ("id@date" keys), one statement per date. */
export const createLifeMembershipLoaders = (em: EntityManager) => ({
  on: new DataLoader<{ memberId: string; asOf: string | null | undefined }, LifeMembershipRow | null, string>(
    async (keys) => {
      const byDate = new Map<string, string[]>();
      for (const key of keys) {
        const date = figureDate(key.asOf);
        byDate.set(date, [...(byDate.get(date) ?? []), key.memberId]);
      }
      const found = new Map<string, LifeMembershipRow>();
      for (const [date, ids] of byDate) for (const [memberId, row] of await membershipsOn(em, ids, date)) found.set(`${memberId}@${date}`, row);
      return keys.map((key) => found.get(`${key.memberId}@${figureDate(key.asOf)}`) ?? null);
    },
    { cacheKeyFn: (key) => `${key.memberId}@${key.asOf ?? ''}` },
  ),
});
