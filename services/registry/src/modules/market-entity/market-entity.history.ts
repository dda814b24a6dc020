import type { EntityManager } from '@mikro-orm/postgresql';
import { FactHistory } from '@xgz/kit';
import { marketEntityFacts } from './market-entity.facts.js';
import type { MarketEntityVersion } from './market-entity.type.js';

/** The entity's versions as GraphQL objects. */
export async function marketEntityHistory(em: EntityManager, id: string): Promise<MarketEntityVersion[]> {
  const rows = await new FactHistory(em, marketEntityFacts).audit(id);
  return rows.map((row) => ({
    validFrom: row.validFrom,
    validTo: row.validTo ?? null,
    kind: row.state.kind as MarketEntityVersion['kind'],
    status: row.state.status as MarketEntityVersion['status'],
    regionCode: row.regionCode,
    reason: row.reason,
    recordedAt: row.recordedAt,
    recordedBy: row.recordedBy,
    superseded: row.supersededAt != null,
  }));
}
