import type { EntityManager } from '@mikro-orm/postgresql';
import { recordFactChange } from '../figures/figure-ledger.js';
import type { FactInterval } from '../figures/fact-interval.js';
import { applyForward, isEmptySpan, periodDiff, type Period } from '../period-algebra.js';
import { FactVersionEntity, type FactVersionRow } from './fact-version.entity.js';

/** How one kind of record turns into figures. */
export interface FactDefinition<State> {
  subjectType: string;
  regionOf(state: State): string;
  /** The metrics a record in this state counts in (none for a record that left); a metric named n times counts n (a vendor's members). */
  metricsOf(state: State): readonly string[];
  /**
   * The work list a record in this state is on, if any (at most one, ≤ 40 characters): officials
   * page through a list by region and date (see listed-facts.ts) next to the figure that counts it.
   * Also the key records are read by as of a date through an index (a vendor's market).
   */
  listOf?(state: State): string | null;
}

export interface ChangeContext {
  /** Why, in a word: REGISTERED, STATUS_CHANGED, CONVERTED, CORRECTED… */
  reason: string;
  /** Who: the token subject. */
  actor: string;
}

/** When, why and by whom a version was recorded, and whether a later change re-cut it. */
export interface RecordedVersion {
  validFrom: string;
  validTo: string | null;
  regionCode: string;
  reason: string;
  recordedAt: Date;
  recordedBy: string;
  superseded: boolean;
}

export type FactPeriod<State> = Period<State> & { id?: string; listedIn?: string | null };

/** Two periods are the same when their dates and state are (key order in the state does not matter). */
const periodKey = (period: Period<unknown>) => `${period.from}|${period.to ?? ''}|${stableJson(period.state)}`;

/** JSON with object keys sorted: jsonb returns keys in its own order. */
export function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stableJson(item)}`).join(',')}}`;
}

/**
 * The dated history of one kind of record and its figures, kept together: every write here also
 * updates the pre-aggregated figures, in the caller's transaction.
 */
export class FactHistory<State extends Record<string, unknown>> {
  constructor(
    private readonly em: EntityManager,
    private readonly definition: FactDefinition<State>,
  ) {}

  private interval(period: Period<State>): FactInterval {
    return {
      regionCode: this.definition.regionOf(period.state),
      from: period.from,
      to: period.to,
      metrics: this.definition.metricsOf(period.state),
    };
  }

  private versionRow(subjectId: string, period: Period<State>, context: ChangeContext) {
    return {
      id: crypto.randomUUID(),
      subjectType: this.definition.subjectType,
      subjectId,
      regionCode: this.definition.regionOf(period.state),
      validFrom: period.from,
      validTo: period.to,
      state: period.state,
      listedIn: this.definition.listOf?.(period.state) ?? null,
      reason: context.reason,
      recordedAt: new Date(),
      recordedBy: context.actor,
      supersededAt: null,
    };
  }

  /** Inserts versions in one statement (no unit of work): imports write thousands at once. */
  private async insert(all: ReturnType<FactHistory<State>['versionRow']>[]): Promise<void> {
    // A period that holds on no day is not stored (the table's CHECK refuses it too).
    const rows = all.filter((row) => !isEmptySpan({ from: row.validFrom, to: row.validTo }));
    if (!rows.length) return;
    await this.em.execute(
      `insert into fact_version (id, subject_type, subject_id, region_code, valid_from, valid_to, state, listed_in, reason, recorded_at, recorded_by)
       select id, subject_type, subject_id, region_code, valid_from, valid_to, state, listed_in, reason, recorded_at, recorded_by
         from jsonb_to_recordset(?::jsonb) as v(id uuid, subject_type text, subject_id uuid, region_code text, valid_from date, valid_to date,
                                                state jsonb, listed_in text, reason text, recorded_at timestamptz, recorded_by text)`,
      [
        JSON.stringify(
          rows.map((row) => ({
            id: row.id,
            subject_type: row.subjectType,
            subject_id: row.subjectId,
            region_code: row.regionCode,
            valid_from: row.validFrom,
            valid_to: row.validTo,
            state: row.state,
            listed_in: row.listedIn,
            reason: row.reason,
            recorded_at: row.recordedAt.toISOString(),
            recorded_by: row.recordedBy,
          })),
        ),
      ],
    );
  }

  /** The current periods of a record, in date order. */
  async periods(subjectId: string): Promise<FactPeriod<State>[]> {
    return (await this.periodsOf([subjectId])).get(subjectId) ?? [];
  }

  /** The current periods of many records in one statement, in date order, by subject id (every id present). */
  async periodsOf(subjectIds: readonly string[]): Promise<Map<string, FactPeriod<State>[]>> {
    const bySubject = new Map<string, FactPeriod<State>[]>(subjectIds.map((id) => [id, []]));
    if (subjectIds.length === 0) return bySubject;
    const rows = await this.em.find(
      FactVersionEntity,
      { subjectType: this.definition.subjectType, subjectId: { $in: [...subjectIds] }, supersededAt: null },
      { orderBy: { validFrom: 'asc' } },
    );
    for (const row of rows)
      bySubject.get(row.subjectId)?.push({
        id: row.id,
        from: row.validFrom,
        to: row.validTo ?? null,
        state: row.state as State,
        listedIn: row.listedIn ?? null,
      });
    return bySubject;
  }

  /** Starts a record's history on `from`. */
  start(subjectId: string, from: string, state: State, context: ChangeContext): Promise<void> {
    return this.startMany([{ subjectId, from, state }], context);
  }

  /** Starts many histories at once: one flush and one figures statement, for imports. */
  async startMany(
    items: readonly { subjectId: string; from: string; state: State }[],
    context: ChangeContext,
  ): Promise<void> {
    const periods = items.map((item) => ({
      subjectId: item.subjectId,
      period: { from: item.from, to: null, state: item.state },
    }));
    await this.insert(periods.map(({ subjectId, period }) => this.versionRow(subjectId, period, context)));
    await recordFactChange(this.em, { added: periods.map(({ period }) => this.interval(period)) });
  }

  /**
   * Changes a record from `date` on (see applyForward). Returns the new periods, or null when the
   * date is before the record's history starts.
   */
  async change(
    subjectId: string,
    date: string,
    patch: (state: State) => State,
    context: ChangeContext,
  ): Promise<FactPeriod<State>[] | null> {
    const current = await this.periods(subjectId);
    const change = applyForward(current, date, patch);
    if (!change) return null;
    const now = new Date();
    const removedIds = (change.removed as FactPeriod<State>[]).map((period) => period.id!);
    if (removedIds.length > 0) {
      await this.em.nativeUpdate(FactVersionEntity, { id: { $in: removedIds } }, { supersededAt: now });
    }
    await this.insert(change.added.map((period) => this.versionRow(subjectId, period, context)));
    await recordFactChange(this.em, {
      removed: change.removed.map((p) => this.interval(p)),
      added: change.added.map((p) => this.interval(p)),
    });
    return change.periods;
  }

  /**
   * Makes `periods` a record's history, touching only what differs: periods that stay exactly as
   * they were are kept, the others are superseded, new ones added, and the figures move by the
   * difference. How derived facts (and fed copies) are kept: recompute the whole history, replace.
   * Returns whether anything changed.
   */
  async replace(subjectId: string, periods: readonly Period<State>[], context: ChangeContext): Promise<boolean> {
    return (await this.replaceMany(new Map([[subjectId, periods]]), context)) > 0;
  }

  /** `replace` for many records: one read, one update, one insert, one figures statement. Returns how many changed. */
  async replaceMany(histories: ReadonlyMap<string, readonly Period<State>[]>, context: ChangeContext): Promise<number> {
    if (histories.size === 0) return 0;
    const currentBySubject = await this.periodsOf([...histories.keys()]);
    const removed: FactPeriod<State>[] = [];
    const added: { subjectId: string; period: Period<State> }[] = [];
    let changed = 0;
    // A stored period is kept only when its dates, state and work list are what the rule gives now.
    const storedKey = (period: FactPeriod<State>) => `${periodKey(period)}|${period.listedIn ?? ''}`;
    const derivedKey = (period: Period<State>) =>
      `${periodKey(period)}|${this.definition.listOf?.(period.state) ?? ''}`;
    for (const [subjectId, periods] of histories) {
      const diff = periodDiff(currentBySubject.get(subjectId) ?? [], periods, storedKey, derivedKey);
      if (diff.removed.length === 0 && diff.added.length === 0) continue;
      changed++;
      removed.push(...diff.removed);
      added.push(...diff.added.map((period) => ({ subjectId, period })));
    }
    if (removed.length > 0)
      await this.em.nativeUpdate(
        FactVersionEntity,
        { id: { $in: removed.map((period) => period.id!) } },
        { supersededAt: new Date() },
      );
    await this.insert(added.map(({ subjectId, period }) => this.versionRow(subjectId, period, context)));
    await recordFactChange(this.em, {
      removed: removed.map((p) => this.interval(p)),
      added: added.map(({ period }) => this.interval(period)),
    });
    return changed;
  }

  /**
   * Every version ever recorded for a record, superseded ones included, oldest record first: the
   * state's fields beside when, why and by whom — the shape of a subgraph's `<Record>Version` type.
   */
  async versions(subjectId: string): Promise<(RecordedVersion & State)[]> {
    return (await this.versionsOf([subjectId])).get(subjectId) ?? [];
  }

  /** `versions` of many records in one statement (DataLoader batches). */
  async versionsOf(subjectIds: readonly string[]): Promise<Map<string, (RecordedVersion & State)[]>> {
    const rows = await this.em.find(
      FactVersionEntity,
      { subjectType: this.definition.subjectType, subjectId: { $in: [...subjectIds] } },
      { orderBy: { recordedAt: 'asc', validFrom: 'asc' } },
    );
    const bySubject = new Map<string, (RecordedVersion & State)[]>(subjectIds.map((id) => [id, []]));
    for (const row of rows) bySubject.get(row.subjectId)?.push(this.recorded(row));
    return bySubject;
  }

  private recorded(row: FactVersionRow): RecordedVersion & State {
    return {
      ...(row.state as State),
      validFrom: row.validFrom,
      validTo: row.validTo ?? null,
      regionCode: row.regionCode,
      reason: row.reason,
      recordedAt: row.recordedAt,
      recordedBy: row.recordedBy,
      superseded: row.supersededAt != null,
    };
  }
}
