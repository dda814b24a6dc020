import { z } from 'zod';
import { defineSettings } from './settings.js';
import { badUserInput } from './errors.js';
import { spanCovers } from './period-algebra.js';

const isTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en-CA', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

/** BUSINESS_TIME_ZONE (an IANA zone, e.g. Asia/Shanghai): the calendar officials work by; bound when a subgraph starts. */
export const calendarSettings = defineSettings({
  BUSINESS_TIME_ZONE: z
    .string()
    .refine(isTimeZone, 'not an IANA time zone (e.g. Asia/Shanghai)')
    .default('Asia/Shanghai'),
});

/**
 * Today's date where the officials work (Asia/Shanghai unless BUSINESS_TIME_ZONE says otherwise):
 * "live" figures and "not in the future" checks follow their calendar, not UTC's.
 */
export function today(now = new Date()): string {
  const timeZone = calendarSettings.get().BUSINESS_TIME_ZONE;
  let format = calendars.get(timeZone);
  if (!format) {
    // Building a formatter costs far more than using one; imports ask once per row.
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    calendars.set(timeZone, format);
  }
  return format.format(now);
}

const calendars = new Map<string, Intl.DateTimeFormat>();

/** Rejects a date after today: facts are recorded when they have happened. */
export function assertNotFuture(date: string, argument: string, currentDay = today()): void {
  if (date > currentDay)
    throw badUserInput(
      `${argument} ${date} is in the future: record a change on or after the day it happens.`,
      argument,
    );
}

/** Rejects `date` before `earliest`, explaining what the earliest date means. */
export function assertNotBefore(date: string, earliest: string, argument: string, meaning: string): void {
  if (date < earliest) throw badUserInput(`${argument} ${date} is before ${earliest} (${meaning}).`, argument);
}

/**
 * The date figures are asked for: today when `asOf` is omitted; a date after today is refused —
 * figures of the future would be today's under another date.
 */
export function figureDate(asOf: string | null | undefined, currentDay = today()): string {
  if (!asOf) return currentDay;
  if (asOf > currentDay)
    throw badUserInput(
      `asOf ${asOf} is in the future: figures exist up to today, ${currentDay} (omit asOf for live figures).`,
      'asOf',
    );
  return asOf;
}

/**
 * The same day `months` later (negative: earlier), clamped to the month's last day (Jan 31 + 1 →
 * Feb 28/29), on ISO dates. Schedules and terms ("quarterly", "3 years") are counted this way.
 */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/** The day `days` later (negative: earlier), on ISO dates. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Whether one of `days` falls within the `months` before `date`: day ≤ date < day + months (a
 * meeting held on D counts until the same day `months` later). As spans: days covering `date`.
 */
export const withinMonthsAfterAny = (days: readonly string[], months: number, date: string): boolean =>
  days.some((day) => spanCovers({ from: day, to: addMonths(day, months) }, date));
