import { defineModule } from '@xgz/kit';
import { registryFactsSubscription } from './registry-facts.subscription.js';
import { vendorFacts } from './vendor.derived.js';

/**
 * Vendors (经营户) and their members, from registry's facts copied through the feed: which entities
 * trade in which market on which day, never read from registry's tables.
 */
export const vendorModule = defineModule({
  name: 'vendor',
  subscriptions: [registryFactsSubscription],
  derivedFacts: [vendorFacts],
});
