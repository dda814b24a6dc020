import type { EntityManager } from '@mikro-orm/postgresql';
import {
  assertNotBefore,
  assertNotFuture,
  assertRole,
  badUserInput,
  domainError,
  rederive,
  WRITER_ROLES,
  type Viewer,
} from '@xgz/kit';
import { MarketsErrorCode } from '../market-record/market.errors.js';
import { marketWrites } from '../market-record/market.writes.js';
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
  assertNotFuture(input.recordedOn, 'input.recordedOn');
  const evidence = input.evidence.trim();
  if (!evidence) throw badUserInput('input.evidence must say what shows the answer.', 'input.evidence');
  return marketWrites.event(em, viewer, {
    id: marketId,
    effectiveOn: input.recordedOn,
    dateArgument: 'input.recordedOn',
    afterLastChange: false,
    check: (row) => {
      assertNotBefore(input.recordedOn, row.openedOn, 'input.recordedOn', 'the day the market opened');
      if (row.closedOn && row.closedOn <= input.recordedOn)
        throw domainError(MarketsErrorCode.Closed, `${row.name} closed on ${row.closedOn}: nothing is checked after.`);
    },
    apply: async (row, tx) => {
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
    derive: (tx, row) => rederiveDemonstration(tx, [row.id], viewer.subject),
    action: 'RECORD_DEMONSTRATION_CHECK',
    detail: { item: input.item, inPlace: input.inPlace },
  });
}
