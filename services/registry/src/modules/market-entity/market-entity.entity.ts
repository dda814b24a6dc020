import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { regionScopePolicy } from '@xgz/kit';
import { MarketEntityKind, MarketEntityStatus } from './market-entity-kind.js';

/**
 * A market entity (市场主体) as it is now; its dated history lives in fact_version. Never deleted:
 * deregistration is a status. Distribution column when sharded: `id`. (Named …Table, not
 * MarketEntityEntity: the MikroORM schema of the table a market entity is kept in.)
 */
export const MarketEntityTable = defineEntity({
  name: 'MarketEntity',
  tableName: 'market_entity',
  properties: {
    id: p.uuid().primary(),
    kind: p.enum(() => MarketEntityKind),
    name: p.text(),
    /** Unique among entities that have one (individual businesses may have none). */
    creditCode: p.string().length(18).nullable().unique('market_entity_credit_code_unique'),
    regionCode: p.string().length(12).collation('C').index('market_entity_region_code_index'),
    industry: p.text().nullable(),
    address: p.text().nullable(),
    /** A market of the markets subgraph, when the entity trades inside one. */
    marketId: p.uuid().nullable().index('market_entity_market_id_index'),
    status: p.enum(() => MarketEntityStatus),
    statusSince: p.date(),
    registeredOn: p.date(),
    /** Effective date of the latest recorded change; later changes may not be dated before it. */
    lastChangeOn: p.date(),
    employees: p.integer().nullable(),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
  },
  policies: [regionScopePolicy<{ regionCode: string }>('regionCode')],
});

export type MarketEntityRow = InferEntity<typeof MarketEntityTable>;
