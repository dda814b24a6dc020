import { defineModule, type SubgraphModule } from '@xgz/kit';
import { marketMetricNames } from './market-figures.service.js';
import { TownshipsWithSiteResolver } from './townships-with-site.resolver.js';

/** Market figures (市场统计) by region, live and as of report dates. */
// Typed, not inferred: its resolver is typed by the context, which is made of the modules.
export const figuresModule: SubgraphModule = defineModule({
  name: 'figures',
  resolvers: [TownshipsWithSiteResolver],
  metrics: marketMetricNames,
});
