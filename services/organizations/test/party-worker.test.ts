/**
 * Party workers (党建指导员, liaisons, organizers): appointed in a region, assigned to market
 * entities (work coverage, 工作覆盖) or organizations from a date, once at a time per target; when one
 * stops serving every open assignment ends that day and the work coverage it gave goes with it.
 * Names and mobiles are masked for officials; refusals are coded and write nothing.
 */
import { describe, expect, it } from 'vitest';
import { errorCodes, executeGraphQL, tokenFor } from '@xgz/testkit';
import { organizationsFixture } from './organizations-fixture.js';

const fixture = organizationsFixture();

const APPOINT = `mutation($input: AppointPartyWorkerInput!) { appointPartyWorker(input: $input) { id name mobile servingFrom servingUntil } }`;
const ASSIGN = `mutation($worker: ID!, $kind: AssignmentTargetKind!, $target: ID!, $on: LocalDate!) { assignPartyWorker(workerId: $worker, targetKind: $kind, targetId: $target, fromDate: $on) { id } }`;
const END = `mutation($worker: ID!, $on: LocalDate!) { endPartyWorkerService(workerId: $worker, endedOn: $on) { servingUntil } }`;

const instructor = (extra: Record<string, unknown> = {}) => ({
  name: '王指导',
  mobile: '13812341234',
  kind: 'INSTRUCTOR',
  regionCode: '330106',
  servingFrom: '2019-01-01',
  ...extra,
});

const assignedTo = async (entity: string, asOf: string) =>
  (await fixture.entities('MarketEntity', [entity], `assignedWorkers(asOf: "${asOf}") { id kind }`))[0].assignedWorkers;

const workCoverage = async (township: string, asOf: string) =>
  (
    await fixture.entities(
      'Region',
      [township],
      `organizationFigures(asOf: "${asOf}") { coverage { workCoverage { numerator denominator } } }`,
    )
  )[0].organizationFigures.coverage.workCoverage;

describe('party workers', () => {
  it('give work coverage from the day they are assigned until they stop serving', async () => {
    const township = '330106013';
    const { entity } = await fixture.entityWithMembers('2019-06-01', 0, { township });
    const worker = (await fixture.call('organizations', APPOINT, { input: instructor() })).appointPartyWorker.id;
    await fixture.call('organizations', ASSIGN, { worker, kind: 'MARKET_ENTITY', target: entity, on: '2020-01-01' });

    expect(await assignedTo(entity, '2019-12-31')).toEqual([]);
    expect(await assignedTo(entity, '2020-01-01')).toEqual([{ id: worker, kind: 'INSTRUCTOR' }]);
    expect(await workCoverage(township, '2020-01-01')).toEqual({ numerator: 1, denominator: 1 });

    const ended = await fixture.call('organizations', END, { worker, on: '2021-07-01' });
    expect(ended.endPartyWorkerService.servingUntil).toBe('2021-07-01');
    expect(await assignedTo(entity, '2021-06-30')).toHaveLength(1);
    expect(await assignedTo(entity, '2021-07-01')).toEqual([]);
    expect(await workCoverage(township, '2021-07-01')).toEqual({ numerator: 0, denominator: 1 });
    expect(await fixture.owner(`select to_date::text from worker_assignment where worker_id = $1`, [worker])).toEqual([
      { to_date: '2021-07-01' },
    ]);
  });

  it('show officials masked names and mobiles, an admin the full ones', async () => {
    const worker = (await fixture.call('organizations', APPOINT, { input: instructor({ name: '李联络员' }) }))
      .appointPartyWorker;
    expect(worker).toMatchObject({ name: '李联络员', mobile: '13812341234' });
    const { harness } = fixture;
    const official = await tokenFor(harness().env, '33', ['official']);
    const { data } = await executeGraphQL(
      harness().subgraphs.organizations!.url,
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on PartyWorker { name mobile } } }`,
      { token: official, variables: { reps: [{ __typename: 'PartyWorker', id: worker.id }] } },
    );
    expect(data._entities).toEqual([{ name: '李***', mobile: '138****1234' }]);
  });

  it('are refused, coded, and nothing is written', async () => {
    const { entity } = await fixture.entityWithMembers('2019-06-01', 0);
    const appoint = (extra: Record<string, unknown>) =>
      fixture.send('organizations', APPOINT, { input: instructor(extra) });
    expect(errorCodes(await appoint({ name: '  ' }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await appoint({ mobile: '12345' }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await appoint({ servingFrom: '2999-01-01' }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await appoint({ regionCode: '440300' }))).toEqual(['FORBIDDEN']);

    const worker = (await fixture.call('organizations', APPOINT, { input: instructor() })).appointPartyWorker.id;
    const assign = (kind: string, target: string, on: string) =>
      fixture.send('organizations', ASSIGN, { worker, kind, target, on });
    expect(errorCodes(await assign('MARKET_ENTITY', entity, '2018-12-31'))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await assign('MARKET_ENTITY', entity, '2019-05-31'))).toEqual(['BEFORE_REGISTRATION']);
    // Not a market organizations' copy of markets' facts holds.
    expect(errorCodes(await assign('MARKET', entity, '2020-01-01'))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await assign('ORGANIZATION', entity, '2020-01-01'))).toEqual(['NOT_FOUND']);
    await fixture.call('organizations', ASSIGN, { worker, kind: 'MARKET_ENTITY', target: entity, on: '2020-01-01' });
    expect(errorCodes(await assign('MARKET_ENTITY', entity, '2020-02-01'))).toEqual(['ALREADY_ASSIGNED']);
    await fixture.call('organizations', END, { worker, on: '2020-06-01' });
    expect(errorCodes(await fixture.send('organizations', END, { worker, on: '2020-07-01' }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    const organization = await fixture.formOrganization('指导员支部');
    expect(errorCodes(await assign('ORGANIZATION', organization, '2020-07-01'))).toEqual(['BAD_USER_INPUT']);
    expect(await fixture.owner(`select target_kind from worker_assignment where worker_id = $1`, [worker])).toEqual([
      { target_kind: 'MARKET_ENTITY' },
    ]);
  });
});
