import { defineModule } from '@xgz/kit';
import { marketsFactsSubscription } from './markets-facts.subscription.js';
import { MarketPlacementErrorCode } from './market-placement.errors.js';
import { Market } from './market.type.js';

/**
 * Markets (市场) are owned by the markets subgraph; registry names the market an entity trades in,
 * checked against its copy of markets' facts (the fact feed).
 */
export const marketModule = defineModule({
  name: 'market',
  orphanedTypes: [Market],
  subscriptions: [marketsFactsSubscription],
  errorCodes: MarketPlacementErrorCode,
});
