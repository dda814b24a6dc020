import { parseSettings } from '@xgz/kit';
import { z } from 'zod';

/**
 * Definitions officials argue about, as configuration with documented defaults (README,
 * "Configuration"). Parsed once, failing fast with the variable's name.
 */
export const organizationsSettings = parseSettings({
  /** Whether entities covered only by an attached (挂靠) organization count as organization-covered. Local targets usually do. */
  COVERAGE_COUNTS_ATTACHED: z.enum(['true', 'false']).default('true').transform((value) => value === 'true'),
  /** A standalone branch with fewer than 3 formal members working in its host entity: REFUSE the formation, or WARN and record it. */
  STANDALONE_MEMBER_RULE: z.enum(['REFUSE', 'WARN']).default('WARN'),
});
