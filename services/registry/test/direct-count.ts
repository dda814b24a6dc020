import { subgraphRoles } from '@xgz/kit';
import { withConnection, type SubgraphHarness } from '@xgz/testkit';
import type { FactDefinition } from '@xgz/kit';

/**
 * Counts metrics straight from the raw history rows (read as the owner, beneath RLS and the
 * figures): what the pre-aggregated figures must equal.
 */
export async function directCounter<State extends Record<string, unknown>>(
  harness: SubgraphHarness,
  facts: FactDefinition<State>,
) {
  const owner = subgraphRoles(harness.database.adminUrl, 'registry', harness.env.DB_ROLE_PASSWORD).ownerUrl;
  const versions = await withConnection(
    owner,
    async (client) =>
      (
        await client.query<{ region_code: string; valid_from: string; valid_to: string | null; state: State }>(
          `select region_code, to_char(valid_from, 'YYYY-MM-DD') as valid_from, to_char(valid_to, 'YYYY-MM-DD') as valid_to, state
         from fact_version where subject_type = $1 and superseded_at is null`,
          [facts.subjectType],
        )
      ).rows,
  );
  return (code: string, asOf: string) => {
    const counts = new Map<string, number>();
    for (const version of versions) {
      if (
        !version.region_code.startsWith(code) ||
        version.valid_from > asOf ||
        (version.valid_to !== null && version.valid_to <= asOf)
      )
        continue;
      for (const metric of facts.metricsOf(version.state)) counts.set(metric, (counts.get(metric) ?? 0) + 1);
    }
    return (metric: string) => counts.get(metric) ?? 0;
  };
}
