import { addMonths, withinMonthsAfterAny } from '@xgz/kit';
import { organizationsSettings } from '../../organizations.settings.js';
import { MeetingType } from './meeting-kind.js';
import { OrganizationLevel } from '../organization-record/organization-level.js';

/** Months allowed between two meetings of each required 三会一课 kind (configuration; 0 = not required), as the settings in force say. */
export const scheduleMonths = (): ReadonlyMap<MeetingType, number> => {
  const settings = organizationsSettings.get();
  // Asked per organization while deriving: built once per binding of the settings.
  if (cached?.settings === settings) return cached.months;
  const months = new Map<MeetingType, number>([
    [MeetingType.BRANCH_GENERAL_MEETING, settings.SCHEDULE_GENERAL_MEETING_MONTHS],
    [MeetingType.BRANCH_COMMITTEE_MEETING, settings.SCHEDULE_COMMITTEE_MEETING_MONTHS],
    [MeetingType.GROUP_MEETING, settings.SCHEDULE_GROUP_MEETING_MONTHS],
    [MeetingType.PARTY_LECTURE, settings.SCHEDULE_PARTY_LECTURE_MONTHS],
  ]);
  for (const [type, value] of months) if (value === 0) months.delete(type);
  cached = { settings, months };
  return months;
};

let cached:
  { settings: ReturnType<typeof organizationsSettings.get>; months: ReadonlyMap<MeetingType, number> } | undefined;

/** 三会一课 is the branch-level system: branches and general branches keep it, committees do not. */
export const keepsMeetingSchedule = (level: OrganizationLevel) =>
  level !== OrganizationLevel.COMMITTEE && scheduleMonths().size > 0;

/**
 * Whether a kind of meeting is on schedule on `date`: one was held within the last `months`
 * months (held ≤ date < held + months), or the organization has lived fewer than `months` months
 * since it was (re-)formed on `aliveFrom` — nothing was due yet.
 */
export function meetingOnSchedule(
  heldDates: readonly string[],
  months: number,
  aliveFrom: string,
  date: string,
): boolean {
  if (date < addMonths(aliveFrom, months)) return true;
  return withinMonthsAfterAny(heldDates, months, date);
}
