import type { EntityManager } from '@mikro-orm/postgresql';
import { assertRole, rederive, WRITER_ROLES, type Viewer } from '@xgz/kit';
import { recordMarketCheck } from '../market-record/market-check.js';
import { DemonstrationRecordEntity, type DemonstrationRecordRow } from './demonstration-record.entity.js';
import { demonstrationFacts } from './demonstration.derived.js';
import type { DemonstrationCheckInput } from './demonstration.inputs.js';

/** Re-derives markets' demonstration sites, as the actor, in the caller's transaction. */
export const rederiveDemonstration = (tx: EntityManager, marketIds: readonly string[], actor: string) =>
  rederive(tx, demonstrationFacts, marketIds, { reason: 'DEMONSTRATION_CHANGED', actor });

/** Records a check of one "五个一" item (checked again the same day, it replaces the first); the site follows from that day. */
export function recordDemonstrationCheck(
  em: EntityManager,
  viewer: Viewer,
  marketId: string,
  input: DemonstrationCheckInput,
): Promise<DemonstrationRecordRow> {
  assertRole(viewer, WRITER_ROLES, 'record demonstration checks');
  return recordMarketCheck(em, viewer, {
    marketId,
    recordedOn: input.recordedOn,
    evidence: input.evidence,
    apply: async (row, tx, evidence) => {
      const key = { marketId: row.id, item: input.item, recordedOn: input.recordedOn };
      const earlier = await tx.findOne(DemonstrationRecordEntity, key);
      if (earlier) return Object.assign(earlier, { inPlace: input.inPlace, evidence });
      return tx.create(DemonstrationRecordEntity, {
        ...key,
        regionCode: row.regionCode,
        inPlace: input.inPlace,
        evidence,
      });
    },
    derive: rederiveDemonstration,
    action: 'RECORD_DEMONSTRATION_CHECK',
    detail: { item: input.item, inPlace: input.inPlace },
  });
}
