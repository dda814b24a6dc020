import { addMonths } from '@xgz/kit';
import { organizationsSettings } from '../../organizations.settings.js';
import { OrganizationLevel } from '../organization-record/organization-level.js';

/** Years a committee elected at this level serves (TERM_YEARS_COMMITTEE / TERM_YEARS_BRANCH). */
export const termYears = (level: OrganizationLevel) =>
  level === OrganizationLevel.COMMITTEE
    ? organizationsSettings.get().TERM_YEARS_COMMITTEE
    : organizationsSettings.get().TERM_YEARS_BRANCH;

/** The day a term elected on `electedOn` expires: from that day on, the organization is overdue for election (换届逾期). */
export const termEndsOn = (level: OrganizationLevel, electedOn: string) => addMonths(electedOn, 12 * termYears(level));
