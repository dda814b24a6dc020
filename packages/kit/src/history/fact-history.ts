import type { EntityManager } from '@mikro-orm/postgresql';
import { recordFactChange } from '../figures/figure-ledger.js';
import type { FactInterval } from '../figures/fact-interval.js';
import { applyForward, type Period } from './effective-dated.js';
import { FactVersionEntity, type FactVersionRow } from './fact-version.entity.js';

/** How one kind of record turns into figures. */
export interface FactDefinition<State> {
  subjectType: string;
  regionOf(state: State): string;
  /** The metrics a record in this state counts in (none for a record that left). */
  metricsOf(state: State): readonly string[];
}

export interface ChangeContext {
  /** Why, in a word: REGISTERED, STATUS_CHANGED, CONVERTED, CORRECTED… */
  reason: string;
  /** Who: the token subject. */
  actor: string;
}

export type FactPeriod<State> = Period<State> & { id?: string };

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
    return { regionCode: this.definition.regionOf(period.state), from: period.from, to: period.to, metrics: this.definition.metricsOf(period.state) };
  }

  private persist(subjectId: string, period: Period<State>, context: ChangeContext) {
    this.em.create(FactVersionEntity, {
      id: crypto.randomUUID(),
      subjectType: this.definition.subjectType,
      subjectId,
      regionCode: this.definition.regionOf(period.state),
      validFrom: period.from,
      validTo: period.to,
      state: period.state,
      reason: context.reason,
      recordedAt: new Date(),
      recordedBy: context.actor,
      supersededAt: null,
    });
  }

  /** The current periods of a record, in date order. */
  async periods(subjectId: string): Promise<FactPeriod<State>[]> {
    const rows = await this.em.find(
      FactVersionEntity,
      { subjectType: this.definition.subjectType, subjectId, supersededAt: null },
      { orderBy: { validFrom: 'asc' } },
    );
    return rows.map((row) => ({ id: row.id, from: row.validFrom, to: row.validTo ?? null, state: row.state as State }));
  }

  /** Starts a record's history on `from`. */
  start(subjectId: string, from: string, state: State, context: ChangeContext): Promise<void> {
    return this.startMany([{ subjectId, from, state }], context);
  }

  /** Starts many histories at once: one flush and one figures statement, for imports. */
  async startMany(items: readonly { subjectId: string; from: string; state: State }[], context: ChangeContext): Promise<void> {
    const periods = items.map((item) => ({ subjectId: item.subjectId, period: { from: item.from, to: null, state: item.state } }));
    for (const { subjectId, period } of periods) this.persist(subjectId, period, context);
    await this.em.flush();
    await recordFactChange(this.em, { added: periods.map(({ period }) => this.interval(period)) });
  }

  /**
   * Changes a record from `date` on (see applyForward). Returns the new periods, or null when the
   * date is before the record's history starts.
   */
  async change(subjectId: string, date: string, patch: (state: State) => State, context: ChangeContext): Promise<FactPeriod<State>[] | null> {
    const current = await this.periods(subjectId);
    const change = applyForward(current, date, patch);
    if (!change) return null;
    const now = new Date();
    const removedIds = (change.removed as FactPeriod<State>[]).map((period) => period.id!);
    if (removedIds.length > 0) {
      await this.em.nativeUpdate(FactVersionEntity, { id: { $in: removedIds } }, { supersededAt: now });
    }
    for (const period of change.added) this.persist(subjectId, period, context);
    await this.em.flush();
    await recordFactChange(this.em, { removed: change.removed.map((p) => this.interval(p)), added: change.added.map((p) => this.interval(p)) });
    return change.periods;
  }

  /** Every version ever recorded for a record, superseded ones included, oldest record first. */
  async audit(subjectId: string): Promise<FactVersionRow[]> {
    return this.em.find(
      FactVersionEntity,
      { subjectType: this.definition.subjectType, subjectId },
      { orderBy: { recordedAt: 'asc', validFrom: 'asc' } },
    );
  }
}
