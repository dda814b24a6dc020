/**
 * The gateway passes through exactly the codes the subgraphs declare (their `…ErrorCode` enums in
 * the committed supergraph) and the kit's shared ones; any other code is masked. The declared enums
 * are built from the modules' constants, so a code thrown but not declared fails here, not in
 * production.
 */
import { readFileSync } from 'node:fs';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { maskGatewayError, passThroughCodes } from '@xgz/gateway';

const supergraph = readFileSync(new URL('../schema/supergraph.graphql', import.meta.url), 'utf8');
const passThrough = passThroughCodes(supergraph);
const coded = (code: string) =>
  new GraphQLError(`refused: ${code}`, { path: ['x'], extensions: { code, serviceName: 'organizations' } });

describe('gateway error codes', () => {
  it('passes the declared domain codes of every subgraph and the shared codes, as they are', () => {
    for (const code of [
      'ORGANIZATION_CYCLE',
      'MEMBER_NOT_ON_BOOKS',
      'DUPLICATE_MEMBER',
      'IMPORT_REJECTED',
      'FEEDBACK_STEP_OUT_OF_ORDER',
      'BAD_USER_INPUT',
      'FORBIDDEN',
      'NOT_FOUND',
      'DATABASE_UNAVAILABLE',
    ]) {
      const masked = maskGatewayError(coded(code), passThrough) as GraphQLError;
      expect(masked.extensions.code, code).toBe(code);
      expect(masked.message).toBe(`refused: ${code}`);
    }
  });

  it('masks a code no subgraph declares, and the plumbing codes', () => {
    for (const code of ['SOMETHING_UNDECLARED', 'INTERNAL_SERVER_ERROR', 'DOWNSTREAM_SERVICE_ERROR']) {
      const masked = maskGatewayError(coded(code), passThrough) as GraphQLError;
      expect(masked.extensions.code, code).toBe('INTERNAL_SERVER_ERROR');
      expect(masked.message).toBe('Internal server error');
    }
  });
});
