import { defineModule } from '@xgz/kit';
import { marketMetricNames } from './market-figures.service.js';

/** Market figures (市场统计) by region, live and as of report dates. */
export const figuresModule = defineModule({
  name: 'figures',
  metrics: marketMetricNames,
});
