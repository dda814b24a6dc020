import { defineModule, type SubgraphModule } from '@xgz/kit';
import { MarketEntityTable } from './market-entity.entity.js';
import { MarketEntityErrorCode } from './market-entity.errors.js';
import { entityMetrics, marketEntityFacts } from './market-entity.facts.js';
import { createMarketEntityLoaders } from './market-entity.loaders.js';
import { marketEntityReference } from './market-entity.reference.js';
import { MarketEntityResolver } from './market-entity.resolver.js';

/** Market entities (市场主体): enterprises, individual businesses and market operators. */
// Typed here, not inferred: the context type is made of the modules' loaders, and resolvers use it.
export const marketEntityModule: SubgraphModule<{ marketEntities: ReturnType<typeof createMarketEntityLoaders> }> =
  defineModule({
    name: 'market-entity',
    entities: [MarketEntityTable],
    resolvers: [MarketEntityResolver],
    references: marketEntityReference,
    loaders: (em, viewer) => ({ marketEntities: createMarketEntityLoaders(em, viewer) }),
    errorCodes: MarketEntityErrorCode,
    facts: [marketEntityFacts],
    metrics: entityMetrics.all(),
    // Organizations (and later assessments) count by these facts without reading registry's tables.
    publishes: [marketEntityFacts.subjectType],
  });
