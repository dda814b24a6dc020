import { demonstrationModule } from './modules/demonstration/demonstration.module.js';
import { figuresModule } from './modules/figures/figures.module.js';
import { marketEntityModule } from './modules/market-entity/market-entity.module.js';
import { marketCategoryModule } from './modules/market-category/market-category.module.js';
import { marketScopeModule } from './modules/market-scope/market-scope.module.js';
import { marketModule } from './modules/market/market.module.js';
import { regionModule } from './modules/region/region.module.js';
import { standardModule } from './modules/standard/standard.module.js';
import { vendorModule } from './modules/vendor/vendor.module.js';

/** Markets' aggregates: a new one is its folder under modules/ and one line here. */
export const marketsModules = [
  marketModule,
  marketCategoryModule,
  marketScopeModule,
  vendorModule,
  standardModule,
  demonstrationModule,
  marketEntityModule,
  figuresModule,
  regionModule,
] as const;
