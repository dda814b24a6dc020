/**
 * What a module test of markets needs: the markets subgraph on this file's own database, a writer's
 * token, calls to it directly, markets registered, their figures as the gateway asks them, and the
 * owner's view of the tables.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import { subgraphRoles } from '@xgz/kit';
import {
  executeGraphQL,
  entitiesOf,
  startTestSubgraphs,
  tokenFor,
  withConnection,
  type GraphQLResponse,
  type SubgraphHarness,
} from '@xgz/testkit';
import { marketsSubgraph } from '../src/server.js';

/** 西湖区's 北山街道, where the fixtures place markets unless told otherwise. */
export const TOWNSHIP = '330106002';

const REGISTER = `mutation($input: RegisterMarketInput!) { registerMarket(input: $input) { id } }`;

export interface MarketsFixture {
  harness(): SubgraphHarness;
  send(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse>;
  call(query: string, variables?: Record<string, unknown>): Promise<any>;
  entities(typename: string, keys: string[], selection: string): Promise<any[]>;
  owner(query: string, values?: unknown[]): Promise<any[]>;
  /** A comprehensive market of TOWNSHIP opened on 2018-01-01, changed by `extra`. */
  registerMarket(name: string, extra?: Record<string, unknown>): Promise<string>;
}

export const marketInput = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  type: 'COMPREHENSIVE',
  category: 'GENERAL_MERCHANDISE',
  regionCode: TOWNSHIP,
  openedOn: '2018-01-01',
  ...extra,
});

/** Registers the hooks that start markets for this file (an admin token for `tokenRegion`) and stop it. */
export function marketsFixture(tokenRegion = '33'): MarketsFixture {
  let harness: SubgraphHarness | undefined;
  let token = '';
  beforeAll(async () => {
    harness = await startTestSubgraphs([marketsSubgraph]);
    token = await tokenFor(harness.env, tokenRegion);
  });
  afterAll(() => harness?.stop());

  const running = () => {
    if (!harness) throw new Error('The markets fixture is used before its beforeAll ran.');
    return harness;
  };
  const url = () => running().subgraphs.markets!.url;
  const send = (query: string, variables: Record<string, unknown> = {}, as = token) =>
    executeGraphQL(url(), query, { token: as, variables });
  const call = async (query: string, variables: Record<string, unknown> = {}) => {
    const answer = await send(query, variables);
    expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
    return answer.data;
  };
  return {
    harness: running,
    send,
    call,
    entities: (typename, keys, selection) => entitiesOf(url(), token, typename, keys, selection),
    async owner(query, values = []) {
      const { ownerUrl } = subgraphRoles(running().database.adminUrl, 'markets', running().env.DB_ROLE_PASSWORD);
      return (await withConnection(ownerUrl, (client) => client.query(query, values))).rows;
    },
    async registerMarket(name, extra = {}) {
      return (await call(REGISTER, { input: marketInput(name, extra) })).registerMarket.id;
    },
  };
}
