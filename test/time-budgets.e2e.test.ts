/**
 * Every request has a time budget and every statement a statement_timeout: a write held up past
 * either answers TIMEOUT — at the subgraph and through the real gateway — and writes nothing. The
 * hold-up is real: another session locks the organization's row, as a long transaction would.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subgraphRoles, type RunningServer } from '@xgz/kit';
import {
  errorCodes,
  executeGraphQL,
  startTestSubgraphs,
  tokenFor,
  withConnection,
  type SubgraphHarness,
} from '@xgz/testkit';
import { parseGatewayEnv, startGateway } from '@xgz/gateway';
import { organizationsSubgraph } from '@xgz/organizations';
import { registrySubgraph } from '@xgz/registry';
import pg from 'pg';

const FORM = `mutation($input: FormPartyOrganizationInput!) { formPartyOrganization(input: $input) { organization { id } } }`;
const DISSOLVE = `mutation($id: ID!) { dissolvePartyOrganization(id: $id, dissolvedOn: "2024-03-01") { id dissolvedOn } }`;

/** Two harnesses: one with a short request budget, one with a short statement timeout. */
let byBudget: SubgraphHarness;
let byStatement: SubgraphHarness;
let gateway: RunningServer;

async function formBranch(harness: SubgraphHarness, name: string): Promise<string> {
  const token = await tokenFor(harness.env, '33');
  const formed = await executeGraphQL(harness.subgraphs.organizations!.url, FORM, {
    token,
    variables: {
      input: {
        name,
        level: 'BRANCH',
        formation: 'JOINT',
        regionCode: '330106001',
        hostKind: 'REGION',
        establishedOn: '2020-01-01',
      },
    },
  });
  expect(formed.errors).toBeUndefined();
  return formed.data.formPartyOrganization.organization.id;
}

/** Holds a lock on the organization's row from another session while `work` runs, then lets go. */
async function whileLocked<T>(harness: SubgraphHarness, id: string, work: () => Promise<T>): Promise<T> {
  const client = new pg.Client({
    connectionString: subgraphRoles(harness.database.adminUrl, 'organizations', harness.env.DB_ROLE_PASSWORD).ownerUrl,
  });
  await client.connect();
  try {
    await client.query('begin');
    await client.query('select id from party_organization where id = $1 for update', [id]);
    return await work();
  } finally {
    await client.query('rollback').catch(() => {});
    await client.end();
  }
}

const dissolvedOn = async (harness: SubgraphHarness, id: string) =>
  withConnection(
    subgraphRoles(harness.database.adminUrl, 'organizations', harness.env.DB_ROLE_PASSWORD).ownerUrl,
    async (client) => ({
      row: (
        await client.query<{ dissolved_on: string | null }>(
          'select dissolved_on from party_organization where id = $1',
          [id],
        )
      ).rows[0]!.dissolved_on,
      history: Number(
        (await client.query(`select count(*) from fact_version where subject_id = $1`, [id])).rows[0].count,
      ),
      audit: Number(
        (await client.query(`select count(*) from audit_event where action = 'DISSOLVE_ORGANIZATION'`)).rows[0].count,
      ),
    }),
  );

beforeAll(async () => {
  byBudget = await startTestSubgraphs([registrySubgraph, organizationsSubgraph], {
    env: { REQUEST_TIMEOUT_MS: '1200', STATEMENT_TIMEOUT_MS: '60000' },
  });
  byStatement = await startTestSubgraphs([registrySubgraph, organizationsSubgraph], {
    env: { REQUEST_TIMEOUT_MS: '60000', STATEMENT_TIMEOUT_MS: '700' },
  });
  gateway = await startGateway({
    env: parseGatewayEnv({ NODE_ENV: 'test', GATEWAY_PORT: '0', LOG_LEVEL: 'error' }),
    subgraphUrls: Object.fromEntries(
      Object.entries(byBudget.subgraphs).map(([name, subgraph]) => [name, subgraph.url]),
    ),
  });
}, 120_000);

afterAll(async () => {
  await gateway?.stop();
  await byBudget?.stop();
  await byStatement?.stop();
});

describe('time budgets', () => {
  it('answer TIMEOUT when a write outlives the request budget, at the subgraph and through the gateway, and keep nothing of it', async () => {
    const id = await formBranch(byBudget, '预算党支部');
    const before = await dissolvedOn(byBudget, id);
    const token = await tokenFor(byBudget.env, '33');
    for (const url of [byBudget.subgraphs.organizations!.url, gateway.url]) {
      // Answered while the row is still locked: the budget cut it short, it did not wait for the lock to go.
      const answer = await whileLocked(byBudget, id, () =>
        executeGraphQL(url, DISSOLVE, { token, variables: { id }, timeoutMs: 20_000 }),
      );
      expect(errorCodes(answer), answer.raw).toEqual(['TIMEOUT']);
      expect(answer.errors![0]!.message).toContain('REQUEST_TIMEOUT_MS');
    }
    expect(await dissolvedOn(byBudget, id)).toEqual(before);
    // Once nothing holds it up, the same write goes through.
    const done = await executeGraphQL(byBudget.subgraphs.organizations!.url, DISSOLVE, { token, variables: { id } });
    expect(done.errors).toBeUndefined();
    expect(done.data.dissolvePartyOrganization.dissolvedOn).toBe('2024-03-01');
  });

  it('answer TIMEOUT when one statement outlives STATEMENT_TIMEOUT_MS, and keep nothing of the write', async () => {
    const id = await formBranch(byStatement, '语句党支部');
    const before = await dissolvedOn(byStatement, id);
    const token = await tokenFor(byStatement.env, '33');
    const answer = await whileLocked(byStatement, id, () =>
      executeGraphQL(byStatement.subgraphs.organizations!.url, DISSOLVE, {
        token,
        variables: { id },
        timeoutMs: 20_000,
      }),
    );
    expect(errorCodes(answer), answer.raw).toEqual(['TIMEOUT']);
    expect(await dissolvedOn(byStatement, id)).toEqual(before);
    // The service's connections are fine afterwards: reads and writes go on.
    const done = await executeGraphQL(byStatement.subgraphs.organizations!.url, DISSOLVE, { token, variables: { id } });
    expect(done.errors).toBeUndefined();
  });
});
