import { defineModule } from '@xgz/kit';
import { organizationMetricNames } from './organization-figures.service.js';
import { organizationsSettings } from '../../organizations.settings.js';

/** Organization figures (覆盖率, 规范化…) by region, live and as of report dates. */
export const figuresModule = defineModule({
  name: 'figures',
  settings: [organizationsSettings],
  metrics: organizationMetricNames,
});
