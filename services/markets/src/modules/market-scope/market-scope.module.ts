import { defineModule } from '@xgz/kit';
import { marketsSettings } from '../../markets.settings.js';
import { marketScopeFacts } from './market-scope.derived.js';

/** The standardization scope (规范化建设范围), derived day by day from each market's grade, stars and flags. */
export const marketScopeModule = defineModule({
  name: 'market-scope',
  settings: [marketsSettings],
  derivedFacts: [marketScopeFacts],
});
