import { defineModule } from '@xgz/kit';
import { Market } from './market.type.js';

/** Markets (市场) are owned by the markets subgraph; registry names the market an entity trades in. */
export const marketModule = defineModule({ name: 'market', orphanedTypes: [Market] });
