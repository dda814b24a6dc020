/**
 * What a module test of organizations needs: registry and organizations on this file's own
 * database, a writer's token, calls to either subgraph directly, entities with formal members known
 * to organizations through the feed, organizations formed, and the owner's view of the tables.
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
import { registrySubgraph, withCheckCharacter } from '@xgz/registry';
import { organizationsSubgraph } from '../src/server.js';

export type SubgraphName = 'registry' | 'organizations';

/** A township of 西湖区 the fixtures place things in unless told otherwise. */
export const TOWNSHIP = '330106011';

const FORM = `mutation($input: FormPartyOrganizationInput!) { formPartyOrganization(input: $input) { organization { id } } }`;
const REGISTER_ENTITY = `mutation($input: RegisterMarketEntityInput!) { registerMarketEntity(input: $input) { id } }`;
const REGISTER_MEMBER = `mutation($input: RegisterPartyMemberInput!) { registerPartyMember(input: $input) { id } }`;

export interface OrganizationsFixture {
  harness(): SubgraphHarness;
  /** The answer as it comes, errors included. */
  send(subgraph: SubgraphName, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse>;
  /** The data of an answer that must have no errors. */
  call(subgraph: SubgraphName, query: string, variables?: Record<string, unknown>): Promise<any>;
  /** A selection on entities of organizations (`Region` by code, others by id), as the gateway asks it. */
  entities(typename: string, keys: string[], selection: string): Promise<any[]>;
  /** The organizations owner's rows for a statement (what the tables hold, RLS aside). */
  owner(query: string, values?: unknown[]): Promise<any[]>;
  /** An entity registered on `registeredOn` with `formal` formal members, fed to organizations. */
  entityWithMembers(
    registeredOn: string,
    formal: number,
    options?: { township?: string; kind?: 'SMALL_MICRO_ENTERPRISE' | 'INDIVIDUAL_BUSINESS'; employees?: number },
  ): Promise<{ entity: string; members: string[] }>;
  /** A joint branch of an association in `TOWNSHIP` formed on 2018-01-01, changed by `extra`. */
  formOrganization(name: string, extra?: Record<string, unknown>): Promise<string>;
  /** Waits until organizations has every registry fact written so far. */
  caughtUp(): Promise<void>;
}

export const jointBranch = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  level: 'BRANCH',
  formation: 'JOINT',
  regionCode: TOWNSHIP,
  hostKind: 'ASSOCIATION',
  hostName: '个私协会分会',
  establishedOn: '2018-01-01',
  ...extra,
});

/** Registers the hooks that start both subgraphs for this file (a token for `tokenRegion`) and stop them. */
export function organizationsFixture(tokenRegion = '33'): OrganizationsFixture {
  let harness: SubgraphHarness | undefined;
  let token = '';
  let serial = 0;
  beforeAll(async () => {
    harness = await startTestSubgraphs([registrySubgraph, organizationsSubgraph]);
    token = await tokenFor(harness.env, tokenRegion);
  });
  afterAll(() => harness?.stop());

  const running = () => {
    if (!harness) throw new Error('The organizations fixture is used before its beforeAll ran.');
    return harness;
  };
  const send = (subgraph: SubgraphName, query: string, variables: Record<string, unknown> = {}) =>
    executeGraphQL(running().subgraphs[subgraph]!.url, query, { token, variables });
  const call = async (subgraph: SubgraphName, query: string, variables: Record<string, unknown> = {}) => {
    const answer = await send(subgraph, query, variables);
    expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
    return answer.data;
  };
  const caughtUp = () => running().subgraphs.organizations!.feeds[0]!.caughtUp();

  return {
    harness: running,
    send,
    call,
    caughtUp,
    entities: (typename, keys, selection) =>
      entitiesOf(running().subgraphs.organizations!.url, token, typename, keys, selection),
    async owner(query, values = []) {
      const { ownerUrl } = subgraphRoles(running().database.adminUrl, 'organizations', running().env.DB_ROLE_PASSWORD);
      return (await withConnection(ownerUrl, (client) => client.query(query, values))).rows;
    },
    async entityWithMembers(registeredOn, formal, options = {}) {
      serial += 1;
      const { registerMarketEntity } = await call('registry', REGISTER_ENTITY, {
        input: {
          kind: options.kind ?? 'SMALL_MICRO_ENTERPRISE',
          name: `模块商贸${serial}`,
          // 92… for individual businesses (个体工商户), 91… for enterprises.
          creditCode: withCheckCharacter(
            `${options.kind === 'INDIVIDUAL_BUSINESS' ? '92' : '91'}330106MA2X${String(serial).padStart(5, '0')}`,
          ),
          regionCode: options.township ?? TOWNSHIP,
          registeredOn,
          employees: options.employees ?? 8,
        },
      });
      const members: string[] = [];
      for (let index = 0; index < formal; index++) {
        const { registerPartyMember } = await call('registry', REGISTER_MEMBER, {
          input: {
            entityId: registerMarketEntity.id,
            name: `模块党员${serial}-${index}`,
            isOwner: index === 0,
            category: 'FORMAL',
            distribution: options.kind ?? 'SMALL_MICRO_ENTERPRISE',
            relationshipType: 'AFFILIATED',
            foundVia: 'PHONE',
            registeredOn,
          },
        });
        members.push(registerPartyMember.id);
      }
      await caughtUp();
      return { entity: registerMarketEntity.id, members };
    },
    async formOrganization(name, extra = {}) {
      const data = await call('organizations', FORM, { input: jointBranch(name, extra) });
      return data.formPartyOrganization.organization.id;
    },
  };
}
