import { defineModule } from '@xgz/kit';
import { organizationStandingFacts } from './organization-standing.derived.js';
import { organizationsSettings } from '../../organizations.settings.js';

/** An organization's standing, derived day by day: meetings on schedule, term current, venue up to standard. */
export const standingModule = defineModule({
  name: 'standing',
  settings: [organizationsSettings],
  derivedFacts: [organizationStandingFacts],
});
