import type { EntityManager } from '@mikro-orm/postgresql';
import { periodsFromBreakpoints, type Period } from '../period-algebra.js';
import { FactHistory, stableJson, type ChangeContext, type FactDefinition } from './fact-history.js';

/**
 * A record whose dated state is computed from other dated facts — its own subgraph's and copies of
 * other subgraphs' (an entity's coverage: registry's status and members + organizations' links).
 */
export interface DerivedFactDefinition<Inputs, State extends Record<string, unknown>> extends FactDefinition<State> {
  /**
   * The rule besides the inputs: a version of this code and every setting it reads (e.g.
   * `standing-1;schedule=3,1,1,3`). Change the version with the code; when the stored periods were
   * derived under another revision, the subgraph re-derives every record at start.
   */
  revision: string;
  /** Where every record that may have periods is listed (records are never deleted): `select distinct <key> from <from> [where …]`. */
  subjects: { from: string; key: string; where?: string };
  /** Every input of each record, batched (a statement per kind of input, not per record). */
  loadInputs(em: EntityManager, subjectIds: readonly string[]): Promise<Map<string, Inputs>>;
  /** Every date on which the state may change: the starts and ends of the inputs' periods, due dates… */
  breakpoints(inputs: Inputs): Iterable<string>;
  /** The state on `date`; null while the record does not exist (it then counts nowhere). */
  stateOn(inputs: Inputs, date: string): State | null;
}

/**
 * The periods of a derived record: its state evaluated at every breakpoint, equal neighbours merged.
 * Between two breakpoints no input changes, so the state is constant there.
 */
export function derivePeriods<Inputs, State extends Record<string, unknown>>(
  definition: DerivedFactDefinition<Inputs, State>,
  inputs: Inputs,
): Period<State>[] {
  return periodsFromBreakpoints(definition.breakpoints(inputs), (date) => definition.stateOn(inputs, date), stableJson);
}

/**
 * Serialises derivations of the same records across transactions (a mutation and the feed applying
 * at once): transaction-level advisory locks, taken in one order so two batches cannot deadlock.
 */
export async function lockDerivedRecords(
  em: EntityManager,
  subjectType: string,
  subjectIds: readonly string[],
): Promise<void> {
  if (subjectIds.length === 0) return;
  await em.execute(
    `select pg_advisory_xact_lock(k) from (
       select hashtextextended(? || ':' || id, 0) as k from jsonb_array_elements_text(?::jsonb) as ids(id) order by 1
     ) ordered`,
    [subjectType, JSON.stringify([...new Set(subjectIds)])],
  );
}

/**
 * Recomputes the dated state of `subjectIds` from their inputs and replaces their history: only
 * the periods that differ are superseded and added, and the pre-aggregated figures move by the
 * difference — in the caller's transaction. Call it whenever any input of these records changed,
 * back-dated or not. Returns how many records changed.
 */
export async function rederive<Inputs, State extends Record<string, unknown>>(
  em: EntityManager,
  definition: DerivedFactDefinition<Inputs, State>,
  subjectIds: readonly string[],
  context: ChangeContext,
): Promise<number> {
  const ids = [...new Set(subjectIds)];
  if (ids.length === 0) return 0;
  await lockDerivedRecords(em, definition.subjectType, ids);
  const inputs = await definition.loadInputs(em, ids);
  const histories = new Map<string, Period<State>[]>();
  for (const id of ids) {
    const recordInputs = inputs.get(id);
    histories.set(id, recordInputs === undefined ? [] : derivePeriods(definition, recordInputs));
  }
  return new FactHistory(em, definition).replaceMany(histories, context);
}
