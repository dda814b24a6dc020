import { badUserInput } from './errors.js';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: string) => uuidPattern.test(value);

/** Record ids are UUIDs; anything else is a mistake the caller can fix. */
export function assertUuid(value: string, argument = 'id'): void {
  if (!isUuid(value))
    throw badUserInput(
      `${argument} "${value}" is not an id: ids are UUIDs like 3f2b8c4e-1d2a-4c5b-9e8f-0a1b2c3d4e5f.`,
      argument,
    );
}
