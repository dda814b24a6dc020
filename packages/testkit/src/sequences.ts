import { expect } from 'vitest';
import { executeGraphQL } from './graphql.js';
import { withConnection } from './database.js';

/** What a refused write may answer: the caller's mistakes and the domain's rules — never a failure of the service. */
const FAILURES = new Set([
  'INTERNAL_SERVER_ERROR',
  'TIMEOUT',
  'DATABASE_UNAVAILABLE',
  'SUBGRAPH_UNAVAILABLE',
  undefined,
]);

export interface SequenceOutcomes {
  accepted: number;
  refused: Map<string, number>;
  compared: number;
}

/**
 * Writes of a generated sequence: each answered within `boundMs`, accepted or refused with a code
 * that is not a failure of the service (counted in `outcomes`); returns the data or null.
 */
export function sequenceWriter(options: { url: (subgraph: string) => string; token: () => string; boundMs: number }) {
  const outcomes: SequenceOutcomes = { accepted: 0, refused: new Map(), compared: 0 };
  async function write(subgraph: string, query: string, variables: Record<string, unknown>): Promise<any> {
    const answer = await executeGraphQL(options.url(subgraph), query, {
      token: options.token(),
      variables,
      timeoutMs: options.boundMs,
    });
    const codes = (answer.errors ?? []).map((error) => error.extensions?.code as string | undefined);
    for (const code of codes)
      expect(FAILURES.has(code), `${query} ${JSON.stringify(variables)} → ${answer.raw.slice(0, 400)}`).toBe(false);
    if (codes.length === 0) {
      outcomes.accepted++;
      return answer.data;
    }
    for (const code of codes) outcomes.refused.set(code!, (outcomes.refused.get(code!) ?? 0) + 1);
    return null;
  }
  return { outcomes, write };
}

/**
 * Waits until `consumer` has applied every fact of `types` its source committed so far — its cursor
 * is past the source's last transaction writing them (it moves only on the types it copies).
 */
export async function waitForFeed(options: {
  sourceOwnerUrl: string;
  consumerOwnerUrl: string;
  source: string;
  types: readonly string[];
  /** What to add to the error when it does not catch up (the processes' output). */
  context?: () => string;
}): Promise<void> {
  const latest = await withConnection(
    options.sourceOwnerUrl,
    async (client) =>
      (
        await client.query(
          `select coalesce(max(recorded_xid)::text, '0') as xid from fact_version where subject_type = any($1::text[])`,
          [options.types],
        )
      ).rows[0].xid as string,
  );
  let cursor: string | undefined;
  for (let waited = 0; waited < 20_000; waited += 50) {
    cursor = await withConnection(
      options.consumerOwnerUrl,
      async (client) =>
        (await client.query(`select position from feed_cursor where source = $1`, [options.source])).rows[0]
          ?.position as string | undefined,
    );
    if (cursor && BigInt(cursor.split(':')[0]!) >= BigInt(latest)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(
    `the copy of ${options.source} did not catch up (${latest}; its cursor ${cursor})\n${options.context?.() ?? ''}`,
  );
}
