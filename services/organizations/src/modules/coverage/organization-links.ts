import type { EntityManager } from '@mikro-orm/postgresql';
import { FactHistory, mergeRuns, rederive } from '@xgz/kit';
import { partyOrganizationFacts } from '../party-organization/party-organization.facts.js';
import type { PartyOrganizationRow } from '../party-organization/party-organization.entity.js';
import type { AlivePeriod } from './coverage-link.entity.js';
import { entityCoverageFacts } from './entity-coverage.facts.js';

/** The periods each organization is alive, adjacent ones merged, from their dated history: one statement. */
export async function alivePeriodsOf(tx: EntityManager, organizationIds: readonly string[]): Promise<Map<string, AlivePeriod[]>> {
  const histories = await new FactHistory(tx, partyOrganizationFacts).periodsOf(organizationIds);
  const alive = new Map<string, AlivePeriod[]>();
  for (const [id, periods] of histories) alive.set(id, mergeRuns(periods.filter((period) => period.state.active)));
  return alive;
}

/** The periods one organization is alive. */
export const alivePeriods = async (tx: EntityManager, organizationId: string) => (await alivePeriodsOf(tx, [organizationId])).get(organizationId)!;

/** Re-derives the coverage of entities, as the actor, in the caller's transaction. */
export const rederiveCoverage = (tx: EntityManager, entityIds: readonly string[], actor: string) =>
  rederive(tx, entityCoverageFacts, entityIds, { reason: 'COVERAGE_CHANGED', actor });

/**
 * After an organization's life or formation changed: copies its alive periods onto every one of its
 * links and re-derives the entities they cover.
 */
export async function refreshOrganizationLinks(tx: EntityManager, organization: PartyOrganizationRow, actor: string): Promise<void> {
  const alive = await alivePeriods(tx, organization.id);
  const rows = await tx.execute<{ entity_id: string }[]>(
    'update coverage_link set organization_alive = ?::jsonb, formation = ?, updated_at = now() where organization_id = ? returning entity_id',
    [JSON.stringify(alive), organization.formation, organization.id],
  );
  await rederiveCoverage(
    tx,
    rows.map((row) => row.entity_id),
    actor,
  );
}
