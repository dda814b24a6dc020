import { expect } from 'vitest';
import type { SharedEnv } from '@xgz/kit';
import { errorCodes, executeGraphQL, tokenFor } from './graphql.js';

export interface Operation {
  query: string;
  variables: Record<string, unknown>;
}

/** The words of another region's records found in an answer's data (none may be). */
export const leaks = (answer: unknown, secrets: readonly string[]) =>
  secrets.filter((secret) => JSON.stringify((answer as { data?: unknown }).data ?? null).includes(secret));

/**
 * Asks every reading and tries every write that names another region's records, as viewers of each
 * region given and each role: no answer may carry one of `secrets`, readings are refused only with
 * FORBIDDEN or NOT_FOUND, writes always are, with no data. Returns the number of attempts.
 */
export async function probeOutOfRegion(options: {
  url: string;
  env: SharedEnv;
  viewers: readonly string[];
  readings: readonly Operation[];
  writings: readonly Operation[];
  secrets: readonly string[];
}): Promise<number> {
  let attempts = 0;
  for (const region of options.viewers) {
    for (const roles of [['admin'], ['official'], ['analyst']] as const) {
      const token = await tokenFor(options.env, region, [...roles]);
      for (const { query, variables } of options.readings) {
        const answer = await executeGraphQL(options.url, query, { token, variables });
        attempts++;
        expect(leaks(answer, options.secrets), `${region} ${roles} ${query}`).toEqual([]);
        for (const code of errorCodes(answer)) expect(['FORBIDDEN', 'NOT_FOUND']).toContain(code);
      }
      for (const { query, variables } of options.writings) {
        const answer = await executeGraphQL(options.url, query, { token, variables });
        attempts++;
        expect(answer.data ?? null, `${region} ${roles} ${query}`).toBeNull();
        expect(['FORBIDDEN', 'NOT_FOUND']).toContain(errorCodes(answer)[0]);
      }
    }
  }
  return attempts;
}
