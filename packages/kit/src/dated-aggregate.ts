import type { EntityName } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from './auth.js';
import {
  writeDatedChange,
  writeDatedEvent,
  writeDatedStart,
  type DatedChange,
  type DatedRecord,
  type DatedStart,
} from './dated-write.js';
import type { FactDefinition } from './history/fact-history.js';

/** What is the same for every dated write of one aggregate: its table, its name, its history, its audit subject. */
export interface DatedAggregateDefinition<Row extends DatedRecord, State extends Record<string, unknown>> {
  entity: EntityName<Row>;
  /** What the record is called in a NOT_FOUND message ("market entity"). */
  what: string;
  /** Its audit subject type ("MarketEntity"). */
  subjectType: string;
  /** Its dated history, when figures follow it: the facts and the state of a row. */
  history?: { facts: FactDefinition<State>; stateOf(row: Row): State };
}

/** One write's own part: what it does, why (the history's reason), and how it is audited. */
interface WriteParts {
  /** The reason its history records; a write without one leaves the history as it is. */
  reason?: string;
  action: string;
  detail?: Record<string, unknown>;
}

export type AggregateChange<Row extends DatedRecord, State extends Record<string, unknown>, Result> = Omit<
  DatedChange<Row, State, Result>,
  'entity' | 'what' | 'history' | 'audit'
> &
  WriteParts;

export type AggregateStart<Row extends DatedRecord, State extends Record<string, unknown>> = Omit<
  DatedStart<Row, State>,
  'history' | 'audit'
> &
  WriteParts;

/**
 * The dated-write recipe bound once per aggregate: `start` a record, `change` its dated state,
 * record an `event` against it. Each answers what it made — the row, or what `apply` returned.
 */
export function datedAggregate<Row extends DatedRecord, State extends Record<string, unknown>>(
  aggregate: DatedAggregateDefinition<Row, State>,
) {
  const historyFor = (reason: string | undefined) =>
    aggregate.history && reason ? { ...aggregate.history, reason } : undefined;
  const auditOf = (write: WriteParts) => ({
    action: write.action,
    subjectType: aggregate.subjectType,
    detail: write.detail,
  });
  const bound = <Result>({ reason, action, detail, ...change }: AggregateChange<Row, State, Result>) => ({
    ...change,
    entity: aggregate.entity,
    what: aggregate.what,
    history: historyFor(reason),
    audit: auditOf({ action, detail }),
  });
  return {
    start(em: EntityManager, viewer: Viewer, { reason, action, detail, ...start }: AggregateStart<Row, State>) {
      return writeDatedStart<Row, State>(em, viewer, {
        ...start,
        history: historyFor(reason),
        audit: auditOf({ action, detail }),
      });
    },
    change<Result = void>(
      em: EntityManager,
      viewer: Viewer,
      change: AggregateChange<Row, State, Result>,
    ): Promise<Row> {
      return writeDatedChange<Row, State, Result>(em, viewer, bound(change));
    },
    event<Result>(em: EntityManager, viewer: Viewer, event: AggregateChange<Row, State, Result>): Promise<Result> {
      return writeDatedEvent<Row, State, Result>(em, viewer, bound(event));
    },
  };
}
