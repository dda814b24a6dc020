import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  datedLoader,
  FactHistory,
  fedPeriods,
  OrganizationsFactType,
  type MarketOrganizationFactState,
} from '@xgz/kit';
import { marketStandardFacts } from './market-standard.derived.js';
import type { MarketStandardRecordRow } from './market-standard-record.entity.js';
import { standardRecordsOf } from './market-standard.service.js';

/** Each market's answers of a year, and whether it is standardized on a date, batched. */
export const createStandardLoaders = (em: EntityManager) => ({
  records: new DataLoader<{ marketId: string; year: number }, MarketStandardRecordRow[], string>(
    async (keys) => {
      const found = await standardRecordsOf(em, keys);
      return keys.map((key) => found.get(`${key.marketId}@${key.year}`) ?? []);
    },
    { cacheKeyFn: (key) => `${key.marketId}@${key.year}` },
  ),
  /** Whether organizations' copy says a living organization sits in each market on a date (null: not known). */
  organizationOn: datedLoader<boolean | null>(async (ids, date) => {
    const found = await fedPeriods<MarketOrganizationFactState>(em, OrganizationsFactType.MarketOrganization, ids);
    return new Map(
      ids.map((id) => [
        id,
        found.get(id)?.find((period) => period.from <= date && (period.to === null || date < period.to))?.state
          .withOrganization ?? null,
      ]),
    );
  }, null),
  standardizedOn: datedLoader<boolean | null>(async (ids, date) => {
    const found = await new FactHistory(em, marketStandardFacts).periodsOf(ids);
    return new Map(
      ids.map((id) => [
        id,
        found.get(id)?.find((period) => period.from <= date && (period.to === null || date < period.to))?.state
          .standardized ?? null,
      ]),
    );
  }, null),
});
