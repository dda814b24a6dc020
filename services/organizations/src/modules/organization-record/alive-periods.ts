import type { EntityManager } from '@mikro-orm/postgresql';
import { FactHistory, mergeRuns, type Span } from '@xgz/kit';
import { partyOrganizationFacts } from './party-organization.facts.js';

/** [from, to) while an organization is alive; to = null while it still is. */
export type AlivePeriod = Span;

/** The periods each organization is alive, adjacent ones merged, from their dated history: one statement. */
export async function alivePeriodsOf(
  tx: EntityManager,
  organizationIds: readonly string[],
): Promise<Map<string, AlivePeriod[]>> {
  const histories = await new FactHistory(tx, partyOrganizationFacts).periodsOf(organizationIds);
  return new Map(
    [...histories].map(([id, periods]) => [id, mergeRuns(periods.filter((period) => period.state.active))]),
  );
}

/** The periods one organization is alive. */
export const alivePeriods = async (tx: EntityManager, organizationId: string) =>
  (await alivePeriodsOf(tx, [organizationId])).get(organizationId)!;
