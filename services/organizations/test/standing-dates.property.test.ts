/**
 * The date rules behind organizations' standing — a kind of meeting on schedule (三会一课), a term
 * ended (换届) — against a brute-force model that counts calendar months by walking the days:
 * meetings held before, on and after the day, on the same day twice, out of order, none at all;
 * month ends (Jan 31 + 1 month) and leap days included.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '@xgz/kit';
import { meetingOnSchedule } from '../src/modules/standing/meeting-schedule.js';
import { OrganizationLevel } from '../src/modules/organization-record/organization-level.js';
import { termEndsOn } from '../src/modules/standing/term-of-office.js';

const dateArb = fc.integer({ min: 0, max: 5 * 366 }).map((offset) => addDays('2019-11-30', offset));

/** The model: `months` calendar months after `from`, found by walking day by day (the month's last day when it has fewer). */
function monthsAfter(from: string, months: number): string {
  const [year, month, day] = from.split('-').map(Number) as [number, number, number];
  const targetIndex = year * 12 + month - 1 + months;
  let cursor = from;
  // Walk to the first day of the target month…
  while (Number(cursor.slice(0, 4)) * 12 + Number(cursor.slice(5, 7)) - 1 < targetIndex) cursor = addDays(cursor, 1);
  // …then to the same day of the month, or the month's last.
  let best = cursor;
  while (
    Number(cursor.slice(0, 4)) * 12 + Number(cursor.slice(5, 7)) - 1 === targetIndex &&
    Number(cursor.slice(8, 10)) <= day
  ) {
    best = cursor;
    cursor = addDays(cursor, 1);
  }
  return best;
}

/** On schedule, by the definition: alive under `months` months, or a meeting held on a day from which `months` months have not yet passed. */
const onScheduleModel = (held: string[], months: number, aliveFrom: string, date: string) =>
  date < monthsAfter(aliveFrom, months) || held.some((day) => day <= date && date < monthsAfter(day, months));

describe('standing dates against a day-by-day model', () => {
  it('a kind of meeting is on schedule exactly when the model says', () => {
    fc.assert(
      fc.property(
        fc.array(dateArb, { maxLength: 6 }),
        fc.integer({ min: 1, max: 12 }),
        dateArb,
        dateArb,
        (held, months, aliveFrom, date) => {
          // Held the same day twice, and in any order: the rule must not care.
          const meetings = [...held, ...held.slice(0, 1)].reverse();
          expect(meetingOnSchedule(meetings, months, aliveFrom, date)).toBe(
            onScheduleModel(meetings, months, aliveFrom, date),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a term ends after its years, counted in calendar months from the election', () => {
    fc.assert(
      fc.property(dateArb, fc.constantFrom(...Object.values(OrganizationLevel)), (electedOn, level) => {
        const years = level === OrganizationLevel.COMMITTEE ? 5 : 3;
        expect(termEndsOn(level, electedOn)).toBe(monthsAfter(electedOn, 12 * years));
      }),
      { numRuns: 200 },
    );
  });
});
