import { defineModule } from '@xgz/kit';
import { registryFactsSubscription } from './registry-facts.subscription.js';

/**
 * Registry's facts (entities, members) copied through the feed: coverage and organization life count
 * by this dated copy, never by registry's tables; each page re-derives what it changed.
 */
export const registryFeedModule = defineModule({ name: 'registry-feed', subscriptions: [registryFactsSubscription] });
