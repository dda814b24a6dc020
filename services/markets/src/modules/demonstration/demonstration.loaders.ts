import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { figureDate } from '@xgz/kit';
import { DemonstrationRecordEntity, type DemonstrationRecordRow } from './demonstration-record.entity.js';
import { townshipsWithSiteOn } from './demonstration.derived.js';

/** Each market's checks, and the townships with a site under each region on a date, batched. */
export const createDemonstrationLoaders = (em: EntityManager) => ({
  checks: new DataLoader<string, DemonstrationRecordRow[]>(async (ids) => {
    const rows = await em.find(
      DemonstrationRecordEntity,
      { marketId: { $in: [...ids] } },
      { orderBy: { recordedOn: 'asc' } },
    );
    return ids.map((id) => rows.filter((row) => row.marketId === id));
  }),
  townshipsWithSite: new DataLoader<{ code: string; asOf: string }, number, string>(
    async (keys) => {
      const byDate = new Map<string, string[]>();
      for (const key of keys) byDate.set(key.asOf, [...(byDate.get(key.asOf) ?? []), key.code]);
      const found = new Map<string, number>();
      for (const [date, codes] of byDate)
        for (const [code, count] of await townshipsWithSiteOn(em, [...new Set(codes)], figureDate(date)))
          found.set(`${code}@${date}`, count);
      return keys.map((key) => found.get(`${key.code}@${key.asOf}`) ?? 0);
    },
    { cacheKeyFn: (key) => `${key.code}@${key.asOf}` },
  ),
});
