/**
 * A new user's journey through the gateway: register a unit and a floating member, walk the member
 * through every feedback step, and watch the figures of the township, county, city and province.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '@xgz/kit';
import { errorCodes, executeGraphQL, startTestSubgraphs, tokenFor, type SubgraphHarness } from '@xgz/testkit';
import { parseGatewayEnv, startGateway } from '@xgz/gateway';
import { assessmentsSubgraph } from '@xgz/assessments';
import { marketsSubgraph } from '@xgz/markets';
import { organizationsSubgraph } from '@xgz/organizations';
import { registrySubgraph } from '@xgz/registry';

let harness: SubgraphHarness;
let gateway: RunningServer;
let official: string;

const LEVELS = ['330110005', '330110', '3301', '33'];
const FIGURES = `query($code: ID!) { region(code: $code) { name registryFigures {
  marketEntities { existing } partyMembers { total byRelationshipType { relationshipType count } floatingFeedbackCompletion { numerator denominator } } }
  partyOrganizationCount marketCount } }`;

const gql = (query: string, variables?: Record<string, unknown>) =>
  executeGraphQL(gateway.url, query, { token: official, variables });
const figuresAt = async (code: string) => {
  const response = await gql(FIGURES, { code });
  expect(response.errors).toBeUndefined();
  return response.data.region.registryFigures;
};

beforeAll(async () => {
  harness = await startTestSubgraphs([registrySubgraph, organizationsSubgraph, marketsSubgraph, assessmentsSubgraph]);
  const urls = Object.fromEntries(Object.entries(harness.subgraphs).map(([name, subgraph]) => [name, subgraph.url]));
  gateway = await startGateway({
    env: parseGatewayEnv({ NODE_ENV: 'test', GATEWAY_PORT: '0', LOG_LEVEL: 'error' }),
    subgraphUrls: urls,
  });
  official = await tokenFor(harness.env, '33', ['official']);
});
afterAll(async () => {
  await gateway?.stop();
  await harness?.stop();
});

describe('registry journey through the gateway', () => {
  it('registers, walks the feedback chain and moves the figures at every level', async () => {
    const before = await Promise.all(LEVELS.map(figuresAt));
    const unit = await gql(
      `mutation { registerMarketEntity(input: { kind: INDIVIDUAL_BUSINESS, name: "周记水果摊", regionCode: "330110005", registeredOn: "2021-03-01" }) { id } }`,
    );
    expect(unit.errors).toBeUndefined();
    const member = await gql(
      `mutation($unit: ID!) { registerPartyMember(input: { entityId: $unit, name: "周海", mobile: "13588889999", isOwner: true, householdPlace: "江西省鄱阳县",
        category: FORMAL, distribution: INDIVIDUAL_BUSINESS, relationshipType: FLOATING, foundVia: MEMBER_REFERRAL, registeredOn: "2021-03-05" }) { id name mobile entity { name } } }`,
      { unit: unit.data.registerMarketEntity.id },
    );
    expect(member.errors).toBeUndefined();
    expect(member.data.registerPartyMember).toMatchObject({
      name: '周*',
      mobile: '135****9999',
      entity: { name: '周记水果摊' },
    });
    const id = member.data.registerPartyMember.id;

    const registered = await Promise.all(LEVELS.map(figuresAt));
    registered.forEach((figures, level) => {
      expect(figures.marketEntities.existing).toBe(before[level].marketEntities.existing + 1);
      expect(figures.partyMembers.total).toBe(before[level].partyMembers.total + 1);
      expect(figures.partyMembers.floatingFeedbackCompletion.denominator).toBe(
        before[level].partyMembers.floatingFeedbackCompletion.denominator + 1,
      );
    });

    const step = (variables: Record<string, unknown>) =>
      gql(
        `mutation($id: ID!, $step: FeedbackStep!, $on: LocalDate!, $by: String, $proof: String, $note: String) {
          recordFeedbackStep(memberId: $id, step: $step, occurredOn: $on, handledBy: $by, proofReference: $proof, note: $note) { step } }`,
        { id, ...variables },
      );
    expect(errorCodes(await step({ step: 'EVALUATION_SENT', on: '2021-04-01', by: '书记', note: '好' }))).toEqual([
      'FEEDBACK_STEP_OUT_OF_ORDER',
    ]);
    for (const variables of [
      { step: 'REGISTERED', on: '2021-03-10' },
      { step: 'IDENTITY_CONFIRMED', on: '2021-03-25', by: '鄱阳县某村党支部', proof: '证明2021-08' },
      { step: 'PARTICIPATION', on: '2021-07-01', note: '七一主题党日' },
      { step: 'EVALUATION_SENT', on: '2021-11-30', by: '分会党支部书记', note: '积极参加组织生活' },
      { step: 'RECEIPT_RETURNED', on: '2021-12-28', proof: '回执2021-08' },
    ]) {
      expect((await step(variables)).errors).toBeUndefined();
    }

    const completed = await Promise.all(LEVELS.map(figuresAt));
    completed.forEach((figures, level) => {
      expect(figures.partyMembers.floatingFeedbackCompletion.numerator).toBe(
        before[level].partyMembers.floatingFeedbackCompletion.numerator + 1,
      );
      expect(figures.partyMembers.total).toBe(registered[level].partyMembers.total);
    });
  });

  it('passes an import rejection with every problem through the gateway', async () => {
    const csv =
      '填表日期,单位名称,党员姓名,手机号码,是否业主,党员类别,党员分布\n2021-05-01,吴记茶庄,吴芳,1380000,是,正式,个体工商户\n';
    const response = await gql(
      'mutation($file: String!) { importPartyMembers(contentBase64: $file, format: CSV, regionCode: "330110005") { imported } }',
      {
        file: Buffer.from(csv).toString('base64'),
      },
    );
    expect(errorCodes(response)).toEqual(['IMPORT_REJECTED']);
    expect(response.errors![0]!.extensions!.problems).toEqual([
      { row: 2, column: '手机号码', reason: 'must be 11 digits starting with 1 (e.g. 13812341234)' },
    ]);
  });

  it('keeps other regions out, through every root field', async () => {
    const ningbo = await tokenFor(harness.env, '3302', ['admin']);
    const list = await executeGraphQL(gateway.url, '{ partyMembers { totalCount } marketEntities { totalCount } }', {
      token: ningbo,
    });
    expect(list.data).toEqual({ partyMembers: { totalCount: 0 }, marketEntities: { totalCount: 0 } });
    const figures = await executeGraphQL(gateway.url, FIGURES, { token: ningbo, variables: { code: '3301' } });
    expect(figures.data.region.registryFigures).toBeNull();
    expect(errorCodes(figures)).toContain('FORBIDDEN');
  });
});
