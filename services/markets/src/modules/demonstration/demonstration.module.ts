import { defineModule, type SubgraphModule } from '@xgz/kit';
import { DemonstrationRecordEntity } from './demonstration-record.entity.js';
import { demonstrationFacts } from './demonstration.derived.js';
import { createDemonstrationLoaders } from './demonstration.loaders.js';
import { MarketDemonstrationResolver } from './demonstration.resolver.js';

type Loaders = { demonstrations: ReturnType<typeof createDemonstrationLoaders> };

/** "五个一" demonstration sites (五个一示范点): checks of the five items, and the sites derived from them. */
// Typed here, not inferred: the context type is made of the modules' loaders, and resolvers use it.
export const demonstrationModule: SubgraphModule<Loaders> = defineModule({
  name: 'demonstration',
  entities: [DemonstrationRecordEntity],
  resolvers: [MarketDemonstrationResolver],
  loaders: (em) => ({ demonstrations: createDemonstrationLoaders(em) }),
  derivedFacts: [demonstrationFacts],
  uses: ['audit'],
});
