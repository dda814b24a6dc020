import { marketModule } from './modules/market/market.module.js';
import { regionModule } from './modules/region/region.module.js';

/** Markets' aggregates: a new one is its folder under modules/ and one line here. */
export const marketsModules = [marketModule, regionModule] as const;
