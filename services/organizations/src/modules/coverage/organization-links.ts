import type { EntityManager } from '@mikro-orm/postgresql';
import { rederive } from '@xgz/kit';
import { alivePeriods } from '../organization-record/alive-periods.js';
import type { PartyOrganizationRow } from '../organization-record/party-organization.entity.js';
import { entityCoverageFacts } from './entity-coverage.derived.js';

/** Re-derives the coverage of entities, as the actor, in the caller's transaction. */
export const rederiveCoverage = (tx: EntityManager, entityIds: readonly string[], actor: string) =>
  rederive(tx, entityCoverageFacts, entityIds, { reason: 'COVERAGE_CHANGED', actor });

/**
 * After an organization's life or formation changed: copies its alive periods onto every one of its
 * links and re-derives the entities they cover.
 */
export async function refreshOrganizationLinks(
  tx: EntityManager,
  organization: PartyOrganizationRow,
  actor: string,
): Promise<void> {
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
