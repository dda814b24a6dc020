import type { EntityManager } from '@mikro-orm/postgresql';
import { assertNotBefore, assertNotFuture, badUserInput, domainError, type Viewer } from '@xgz/kit';
import type { MarketRow } from './market.entity.js';
import { MarketsErrorCode } from './market.errors.js';
import { marketWrites } from './market.writes.js';

export interface MarketCheck<Result> {
  marketId: string;
  /** The day it was checked: not in the future, not before the market opened, not once it closed. */
  recordedOn: string;
  /** What shows the answer; required, trimmed. */
  evidence: string;
  /** Writes the answer (the same item and day answered again replaces the first), given the trimmed evidence. */
  apply(market: MarketRow, tx: EntityManager, evidence: string): Promise<Result>;
  /** Re-derives what follows from the answers (standardization, the demonstration site). */
  derive(tx: EntityManager, marketIds: readonly string[], actor: string): Promise<unknown>;
  action: string;
  detail: Record<string, unknown>;
}

/**
 * An answer about a market recorded on a day with its evidence (a 六化 item, a 五个一 item): the
 * dated-write recipe's event on the market, checked against the days it was open, re-deriving what
 * follows in the same transaction.
 */
export function recordMarketCheck<Result>(
  em: EntityManager,
  viewer: Viewer,
  check: MarketCheck<Result>,
): Promise<Result> {
  assertNotFuture(check.recordedOn, 'input.recordedOn');
  const evidence = check.evidence.trim();
  if (!evidence) throw badUserInput('input.evidence must say what shows the answer.', 'input.evidence');
  return marketWrites.event(em, viewer, {
    id: check.marketId,
    effectiveOn: check.recordedOn,
    dateArgument: 'input.recordedOn',
    afterLastChange: false,
    check: (row) => {
      assertNotBefore(check.recordedOn, row.openedOn, 'input.recordedOn', 'the day the market opened');
      if (row.closedOn && row.closedOn <= check.recordedOn)
        throw domainError(MarketsErrorCode.Closed, `${row.name} closed on ${row.closedOn}: nothing is checked after.`);
    },
    apply: (row, tx) => check.apply(row, tx, evidence),
    derive: (tx, row) => check.derive(tx, [row.id], viewer.subject),
    action: check.action,
    detail: check.detail,
  });
}
