import { defineSettings } from '@xgz/kit';
import { z } from 'zod';
import { PartyWorkerKind } from './modules/party-worker/party-worker-kind.js';

/** Months between two meetings of a kind that "on schedule" (按期) allows; 0 = not required. */
const scheduleMonths = (fallback: number) => z.coerce.number().int().min(0).max(12).default(fallback);

/**
 * Definitions officials argue about, as configuration with documented defaults (README,
 * "Configuration"). Bound when the subgraph starts (see defineSettings), failing fast with the variable's name.
 */
export const organizationsSettings = defineSettings({
  /** Whether entities covered only by an attached (挂靠) organization count as organization-covered. Local targets usually do. */
  COVERAGE_COUNTS_ATTACHED: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true'),
  /**
   * Kinds of party worker whose assignment to an entity without an organization counts as work coverage (工作覆盖):
   * comma-separated; by default instructors (党建指导员) and liaisons (联络员), as common practice counts them.
   */
  WORK_COVERAGE_WORKER_KINDS: z
    .string()
    .default(`${PartyWorkerKind.INSTRUCTOR},${PartyWorkerKind.LIAISON}`)
    .transform((value) => [...new Set(value.split(',').map((kind) => kind.trim()))].sort())
    .pipe(z.array(z.enum(PartyWorkerKind)).min(1)),
  /** A standalone branch with fewer than 3 formal members working in its host entity: REFUSE the formation, or WARN and record it. */
  STANDALONE_MEMBER_RULE: z.enum(['REFUSE', 'WARN']).default('WARN'),
  /** Term (任期) of a base committee (党委), in years: 5 under the 2022 Party Constitution. */
  TERM_YEARS_COMMITTEE: z.coerce.number().int().min(1).max(10).default(5),
  /** Term of a general branch (党总支) or branch (党支部) committee, in years: 3. */
  TERM_YEARS_BRANCH: z.coerce.number().int().min(1).max(10).default(3),
  /** 三会一课 schedule: branch general meeting (支部党员大会) at least every N months. */
  SCHEDULE_GENERAL_MEETING_MONTHS: scheduleMonths(3),
  /** Branch committee meeting (支委会): monthly. */
  SCHEDULE_COMMITTEE_MEETING_MONTHS: scheduleMonths(1),
  /** Party group meeting (党小组会): monthly. */
  SCHEDULE_GROUP_MEETING_MONTHS: scheduleMonths(1),
  /** Party lecture (党课): quarterly. */
  SCHEDULE_PARTY_LECTURE_MONTHS: scheduleMonths(3),
  /** A member with no organization life (attended no meeting) for longer than this many months is counted out of it. */
  ORGANIZATION_LIFE_GAP_MONTHS: z.coerce.number().int().min(1).max(24).default(6),
});
