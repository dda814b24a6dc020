import { defineModule, type SubgraphModule } from '@xgz/kit';
import { marketsSettings } from '../../markets.settings.js';
import { MarketStandardRecordEntity } from './market-standard-record.entity.js';
import { marketStandardFacts } from './market-standard.derived.js';
import { createStandardLoaders } from './market-standard.loaders.js';
import { MarketStandardResolver } from './market-standard.resolver.js';
import { organizationsFactsSubscription } from './organizations-facts.subscription.js';

type Loaders = { standards: ReturnType<typeof createStandardLoaders> };

/** The "六化" standard (规范化建设): answers per market, item and year, pre-filled from the data, and standardization derived from them. */
// Typed here, not inferred: the context type is made of the modules' loaders, and resolvers use it.
export const standardModule: SubgraphModule<Loaders> = defineModule({
  name: 'standard',
  settings: [marketsSettings],
  entities: [MarketStandardRecordEntity],
  resolvers: [MarketStandardResolver],
  loaders: (em) => ({ standards: createStandardLoaders(em) }),
  derivedFacts: [marketStandardFacts],
  subscriptions: [organizationsFactsSubscription],
  textRules: { evidence: { maxLength: 2000, multiline: true } },
  uses: ['audit'],
});
