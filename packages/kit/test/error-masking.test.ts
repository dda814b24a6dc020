/**
 * What a subgraph answers for an error nobody coded: a statement out of time is TIMEOUT, a lost race
 * (deadlock, serialization failure) CONFLICT, an unreachable database DATABASE_UNAVAILABLE — each
 * found anywhere in the cause chain — and anything else an INTERNAL_SERVER_ERROR with no detail.
 */
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { maskFormattedError } from '../src/index.js';

/** As a resolver error reaches Apollo's formatError: the driver's error wrapped in a GraphQLError. */
const masked = (cause: unknown) => {
  const error = new GraphQLError('select … from party_organization where id = $1', {
    path: ['dissolvePartyOrganization'],
    originalError: cause as Error,
  });
  return maskFormattedError(error.toJSON(), error);
};
const driverError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('uncoded errors', () => {
  it('are coded by what they mean, keeping the path and none of the SQL', () => {
    const cases: [unknown, string][] = [
      [driverError('57014', 'canceling statement due to statement timeout'), 'TIMEOUT'],
      [new Error('The operation was aborted due to timeout'), 'TIMEOUT'],
      [driverError('40P01', 'deadlock detected'), 'CONFLICT'],
      [{ cause: driverError('40001', 'could not serialize access due to concurrent update') }, 'CONFLICT'],
      [driverError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5433'), 'DATABASE_UNAVAILABLE'],
      [driverError('23502', 'null value in column "name" violates not-null constraint'), 'INTERNAL_SERVER_ERROR'],
    ];
    for (const [cause, code] of cases) {
      const answer = masked(cause);
      expect(answer.extensions?.code, String((cause as Error).message)).toBe(code);
      expect(answer.path).toEqual(['dissolvePartyOrganization']);
      expect(JSON.stringify(answer)).not.toMatch(/select|party_organization|deadlock|127\.0\.0\.1/);
    }
  });
});
