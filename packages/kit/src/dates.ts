import { badUserInput } from './errors.js';

/** Rejects a date after today: facts are recorded when they have happened. */
export function assertNotFuture(date: string, argument: string, today = new Date().toISOString().slice(0, 10)): void {
  if (date > today) throw badUserInput(`${argument} ${date} is in the future: record a change on or after the day it happens.`, argument);
}

/** Rejects `date` before `earliest`, explaining what the earliest date means. */
export function assertNotBefore(date: string, earliest: string, argument: string, meaning: string): void {
  if (date < earliest) throw badUserInput(`${argument} ${date} is before ${earliest} (${meaning}).`, argument);
}
