import type { EntityName } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from './auth.js';
import { writeAudit } from './audit/audit-log.js';
import { assertNotBefore, assertNotFuture } from './dates.js';
import { FactHistory, type FactDefinition } from './history/fact-history.js';
import { lockForUpdate } from './writes.js';

/** A record a dated change applies to: placed at a region, with the date of its last change. */
export interface DatedRecord {
  id: string;
  regionCode: string;
  lastChangeOn: string;
  updatedAt: Date;
}

export interface DatedChange<Row extends DatedRecord, State extends Record<string, unknown>, Result = void> {
  entity: EntityName<Row>;
  id: string;
  /** What the record is called in a NOT_FOUND message ("market entity"). */
  what: string;
  /** When the change takes effect; `dateArgument` names it in errors (default effectiveOn). */
  effectiveOn: string;
  dateArgument?: string;
  /**
   * Whether this changes the record's dated state (default true): then it may not be dated before
   * the record's last change, and becomes the last change. False for an event recorded against the
   * record (a feedback step) that changes none of its facts.
   */
  afterLastChange?: boolean;
  /** Refuses the change (coded errors) on the locked, freshly read record. */
  check?(row: Row, tx: EntityManager): void | Promise<void>;
  /** Changes the row (and writes anything that goes with it); what it returns is the event's answer (writeDatedEvent). */
  apply(row: Row, tx: EntityManager): Result | Promise<Result>;
  /** The record's dated history, when figures follow the change: its state after the change. */
  history?: { facts: FactDefinition<State>; stateOf(row: Row): State; reason: string };
  /** Re-derives records whose state depends on this one (derived dated facts), given what apply made. */
  derive?(tx: EntityManager, row: Row, result: Result): Promise<unknown>;
  audit: { action: string; subjectType: string; detail?: Record<string, unknown> };
}

/** The recipe, returning the locked record as changed and what `apply` made. */
async function runDatedChange<Row extends DatedRecord, State extends Record<string, unknown>, Result>(
  em: EntityManager,
  viewer: Viewer,
  change: DatedChange<Row, State, Result>,
): Promise<{ row: Row; result: Result }> {
  const argument = change.dateArgument ?? 'effectiveOn';
  assertNotFuture(change.effectiveOn, argument);
  return em.transactional(async (tx) => {
    const row = await lockForUpdate(tx, change.entity, change.id, change.what);
    await change.check?.(row, tx);
    if (change.afterLastChange !== false)
      assertNotBefore(change.effectiveOn, row.lastChangeOn, argument, 'the date of the last recorded change');
    const result = await change.apply(row, tx);
    if (change.afterLastChange !== false) row.lastChangeOn = change.effectiveOn;
    row.updatedAt = new Date();
    await tx.flush();
    if (change.history) {
      const { facts, stateOf, reason } = change.history;
      const state = stateOf(row);
      await new FactHistory(tx, facts).change(row.id, change.effectiveOn, (old) => ({ ...old, ...state }), {
        reason,
        actor: viewer.subject,
      });
    }
    await change.derive?.(tx, row, result);
    await writeAudit(tx, viewer, [
      {
        action: change.audit.action,
        subjectType: change.audit.subjectType,
        subjectId: row.id,
        regionCode: row.regionCode,
        detail: { [argument]: change.effectiveOn, ...change.audit.detail },
      },
    ]);
    return { row, result };
  });
}

/**
 * The one recipe for a dated write: lock the record → check → apply → history → figures → audit,
 * all in one transaction, so a refused change writes nothing and two changes to one record queue
 * (each checks what the other wrote). Dates: not in the future, not before the last change.
 * Returns the record as changed.
 */
export async function writeDatedChange<Row extends DatedRecord, State extends Record<string, unknown>, Result = void>(
  em: EntityManager,
  viewer: Viewer,
  change: DatedChange<Row, State, Result>,
): Promise<Row> {
  return (await runDatedChange(em, viewer, change)).row;
}

/**
 * The same recipe for something recorded against a record (a link, a post, a meeting): the record
 * is locked and checked as for a change, and the answer is what `apply` made.
 */
export async function writeDatedEvent<Row extends DatedRecord, State extends Record<string, unknown>, Result>(
  em: EntityManager,
  viewer: Viewer,
  change: DatedChange<Row, State, Result>,
): Promise<Result> {
  return (await runDatedChange(em, viewer, change)).result;
}

export interface DatedStart<Row extends DatedRecord, State extends Record<string, unknown>> {
  /** Refuses the start (coded errors) inside the transaction, before anything is written: lock what it depends on here (a parent). */
  check?(tx: EntityManager): void | Promise<void>;
  /** Creates (persists) the new row in the transaction. */
  create(tx: EntityManager): Row | Promise<Row>;
  /** The day its history starts. */
  from: string;
  history?: { facts: FactDefinition<State>; stateOf(row: Row): State; reason: string };
  derive?(tx: EntityManager, row: Row): Promise<unknown>;
  audit: { action: string; subjectType: string; detail?: Record<string, unknown> };
}

/** The recipe for a new dated record: check → create → history from its first day → figures → derived → audit, in one transaction. */
export async function writeDatedStart<Row extends DatedRecord, State extends Record<string, unknown>>(
  em: EntityManager,
  viewer: Viewer,
  start: DatedStart<Row, State>,
): Promise<Row> {
  return em.transactional(async (tx) => {
    await start.check?.(tx);
    const row = await start.create(tx);
    await tx.flush();
    if (start.history) {
      const { facts, stateOf, reason } = start.history;
      await new FactHistory(tx, facts).start(row.id, start.from, stateOf(row), { reason, actor: viewer.subject });
    }
    await start.derive?.(tx, row);
    await writeAudit(tx, viewer, [
      {
        action: start.audit.action,
        subjectType: start.audit.subjectType,
        subjectId: row.id,
        regionCode: row.regionCode,
        detail: start.audit.detail,
      },
    ]);
    return row;
  });
}
