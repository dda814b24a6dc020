import { defineModule, type SubgraphModule } from '@xgz/kit';
import { VenueCheckEntity } from './venue-check.entity.js';
import { createVenueCheckLoaders } from './venue-check.loaders.js';
import { VenueCheckResolver } from './venue-check.resolver.js';

type Loaders = { venueChecks: ReturnType<typeof createVenueCheckLoaders> };

/** Venue checks against the 六有 standard (place, facilities, sign, flag, books and papers, rules). */
// Typed here, not inferred: the context type is made of the modules' loaders, and resolvers use it.
export const venueModule: SubgraphModule<Loaders> = defineModule({
  name: 'venue',
  entities: [VenueCheckEntity],
  resolvers: [VenueCheckResolver],
  loaders: (em) => ({ venueChecks: createVenueCheckLoaders(em) }),
  uses: ['audit'],
});
