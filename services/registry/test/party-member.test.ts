import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statementCount, subgraphRoles, today } from '@xgz/kit';
import {
  errorCodes,
  executeGraphQL,
  resolveEntities,
  startTestSubgraphs,
  tokenFor,
  withConnection,
  type SubgraphHarness,
} from '@xgz/testkit';
import { partyMemberFacts } from '../src/modules/party-member/party-member.facts.js';
import { registrySubgraph } from '../src/server.js';
import { directCounter } from './direct-count.js';

let harness: SubgraphHarness;
let url: string;
let admin: string;
let official: string;
let ningbo: string;
let unitId: string;
let mobileSerial = 13800000000;

const TOWNSHIP = '330106004';
const MEMBER_FIELDS =
  'id name mobile householdPlace personalDataMasked category relationshipType findingState sanliangDone status floatingFeedbackComplete';
const REGISTER = `mutation($input: RegisterPartyMemberInput!) { registerPartyMember(input: $input) { ${MEMBER_FIELDS} } }`;
const MEMBER_FIGURES = `query($code: ID!, $asOf: LocalDate) { region(code: $code) { registryFigures(asOf: $asOf) { partyMembers {
  total byCategory { category count } byRelationshipType { relationshipType count } byFindingState { findingState count }
  identityDisclosure { numerator denominator value } floatingFeedbackCompletion { numerator denominator value } } } } }`;

const registerMember = (input: Record<string, unknown> = {}, token = official) =>
  executeGraphQL(url, REGISTER, {
    token,
    variables: {
      input: {
        entityId: unitId,
        name: '王建国',
        mobile: String(mobileSerial++),
        isOwner: true,
        householdPlace: '安徽省阜阳市临泉县',
        category: 'FORMAL',
        distribution: 'IN_MARKET_INDIVIDUAL_BUSINESS',
        relationshipType: 'AFFILIATED',
        foundVia: 'VISIT',
        registeredOn: '2015-04-01',
        ...input,
      },
    },
  });

const memberFigures = async (code: string, asOf?: string) => {
  const response = await executeGraphQL(url, MEMBER_FIGURES, { token: admin, variables: { code, asOf } });
  expect(response.errors).toBeUndefined();
  return response.data.region.registryFigures.partyMembers;
};

const mutate = (mutation: string, variables: Record<string, unknown> = {}, token = official) =>
  executeGraphQL(url, mutation, { token, variables });

beforeAll(async () => {
  harness = await startTestSubgraphs([registrySubgraph]);
  url = harness.subgraphs.registry!.url;
  admin = await tokenFor(harness.env, '33', ['admin']);
  official = await tokenFor(harness.env, '3301', ['official']);
  ningbo = await tokenFor(harness.env, '3302', ['admin']);
  const unit = await executeGraphQL(
    url,
    `mutation { registerMarketEntity(input: { kind: INDIVIDUAL_BUSINESS, name: "王记五金", regionCode: "${TOWNSHIP}", registeredOn: "2014-01-01" }) { id } }`,
    { token: official },
  );
  unitId = unit.data.registerMarketEntity.id;
});
afterAll(() => harness?.stop());

describe('registering members', () => {
  it('registers a member and counts it at every level; personal data masked for officials', async () => {
    const before = await Promise.all([TOWNSHIP, '330106', '3301', '33'].map((code) => memberFigures(code)));
    const response = await registerMember({ name: '李小红', mobile: '13912345678' });
    expect(response.errors).toBeUndefined();
    expect(response.data.registerPartyMember).toMatchObject({
      name: '李**',
      mobile: '139****5678',
      householdPlace: '安徽省***',
      personalDataMasked: true,
      findingState: 'FOUND',
    });
    const after = await Promise.all([TOWNSHIP, '330106', '3301', '33'].map((code) => memberFigures(code)));
    after.forEach((figures, level) => expect(figures.total).toBe(before[level]!.total + 1));
  });

  it('shows personal data to admins and audits every unmasked read', async () => {
    const created = await registerMember({ name: '赵大海', mobile: '13712345678' });
    const id = created.data.registerPartyMember.id;
    const read = await executeGraphQL(
      url,
      `{ partyMember(id: "${id}") { name mobile householdPlace personalDataMasked } }`,
      { token: admin },
    );
    expect(read.data.partyMember).toEqual({
      name: '赵大海',
      mobile: '13712345678',
      householdPlace: '安徽省阜阳市临泉县',
      personalDataMasked: false,
    });
    const owner = subgraphRoles(harness.database.adminUrl, 'registry', harness.env.DB_ROLE_PASSWORD).ownerUrl;
    const audit = await withConnection(
      owner,
      async (client) =>
        (
          await client.query(
            `select action, actor, detail::text as detail from audit_event where subject_id = $1 order by at`,
            [id],
          )
        ).rows,
    );
    expect(audit.map((row) => row.action)).toEqual(['REGISTER_MEMBER', 'READ_PERSONAL_DATA']);
    expect(audit[1].actor).toBe('dev-admin@33');
    expect(JSON.stringify(audit)).not.toContain('13712345678');
  });

  it('rejects bad fields with a coded error and writes nothing', async () => {
    const listed = async () =>
      (await executeGraphQL(url, '{ partyMembers(first: 1) { totalCount } }', { token: official })).data.partyMembers
        .totalCount;
    const before = await memberFigures(TOWNSHIP);
    const listedBefore = await listed();
    expect(errorCodes(await registerMember({ mobile: '12345' }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await registerMember({ name: '  ' }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await registerMember({ foundVia: null }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await registerMember({ entityId: '00000000-0000-4000-8000-000000000000' }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(errorCodes(await registerMember({ householdCountyCode: '341221999' }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await registerMember({}, await tokenFor(harness.env, '3301', ['analyst'])))).toEqual([
      'FORBIDDEN',
    ]);
    expect(await memberFigures(TOWNSHIP)).toEqual(before);
    expect(await listed()).toBe(listedBefore);
  });

  it('refuses the same person twice in the same unit, to an official too, and audits each refusal without the person', async () => {
    await registerMember({ name: '孙悟', mobile: '13611112222' });
    const refusals = async () =>
      (
        await withConnection(
          subgraphRoles(harness.database.adminUrl, 'registry', harness.env.DB_ROLE_PASSWORD).ownerUrl,
          (client) =>
            client.query(
              `select actor, subject_id, detail::text as detail from audit_event where action = 'REGISTER_MEMBER_REFUSED_DUPLICATE'`,
            ),
        )
      ).rows;
    const before = (await refusals()).length;
    expect(errorCodes(await registerMember({ name: '孙悟', mobile: '13611112222' }))).toEqual(['DUPLICATE_MEMBER']);
    const after = await refusals();
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)).toMatchObject({ actor: 'dev-official@3301', subject_id: unitId });
    expect(JSON.stringify(after)).not.toMatch(/孙悟|13611112222/);
  });
});

describe('member states', () => {
  it('finds, verifies and marks false records; a false record is final and leaves the totals', async () => {
    const created = await registerMember({ findingState: 'POCKET', foundVia: null, registeredOn: '2015-01-10' });
    const id = created.data.registerPartyMember.id;
    const find =
      'mutation($id: ID!, $state: FindingState!, $on: LocalDate!, $via: FoundVia) { changeFindingState(id: $id, state: $state, effectiveOn: $on, foundVia: $via) { findingState } }';
    expect(errorCodes(await mutate(find, { id, state: 'FOUND', on: '2015-02-01' }))).toEqual(['BAD_USER_INPUT']);
    expect(
      (await mutate(find, { id, state: 'FOUND', on: '2015-02-01', via: 'ANNUAL_REPORT' })).data.changeFindingState
        .findingState,
    ).toBe('FOUND');
    expect((await mutate(find, { id, state: 'VERIFIED', on: '2015-03-01' })).data.changeFindingState.findingState).toBe(
      'VERIFIED',
    );
    const before = await memberFigures(TOWNSHIP);
    await mutate(find, { id, state: 'FALSE_RECORD', on: '2015-06-01' });
    const after = await memberFigures(TOWNSHIP);
    expect(after.total).toBe(before.total - 1);
    const falseRecords = (figures: { byFindingState: { findingState: string; count: number }[] }) =>
      figures.byFindingState.find((f) => f.findingState === 'FALSE_RECORD')!.count;
    expect(falseRecords(after)).toBe(falseRecords(before) + 1);
    expect(errorCodes(await mutate(find, { id, state: 'FOUND', on: '2015-07-01', via: 'PHONE' }))).toEqual([
      'INVALID_FINDING_TRANSITION',
    ]);
    const history = await executeGraphQL(
      url,
      `{ partyMember(id: "${id}") { history { validFrom findingState superseded } } }`,
      { token: official },
    );
    const current = history.data.partyMember.history
      .filter((v: { superseded: boolean }) => !v.superseded)
      .map((v: { findingState: string }) => v.findingState);
    expect(current).toEqual(['POCKET', 'FOUND', 'VERIFIED', 'FALSE_RECORD']);
  });

  it('records 三亮 and shows the disclosure rate with its parts', async () => {
    const before = await memberFigures(TOWNSHIP);
    const created = await registerMember();
    const id = created.data.registerPartyMember.id;
    const done = await mutate(
      'mutation($id: ID!) { recordSanliang(id: $id, commitment: "诚信经营，不卖假货", effectiveOn: "2016-05-01") { sanliangDone } }',
      { id },
    );
    expect(done.data.recordSanliang.sanliangDone).toBe(true);
    const after = await memberFigures(TOWNSHIP);
    expect(after.identityDisclosure.numerator).toBe(before.identityDisclosure.numerator + 1);
    expect(after.identityDisclosure.denominator).toBe(before.identityDisclosure.denominator + 1);
    expect(after.identityDisclosure.value).toBeCloseTo(
      after.identityDisclosure.numerator / after.identityDisclosure.denominator,
    );
  });

  it('keeps members who leave, drops them from the figures from that date, and refuses later changes', async () => {
    const created = await registerMember({ registeredOn: '2015-01-01' });
    const id = created.data.registerPartyMember.id;
    const before = await memberFigures(TOWNSHIP, '2016-12-31');
    const left = await mutate(
      'mutation($id: ID!) { recordMemberDeparture(id: $id, status: MOVED_OUT, effectiveOn: "2016-06-30", reason: "回原籍经营") { status statusReason } }',
      {
        id,
      },
    );
    expect(left.data.recordMemberDeparture).toEqual({ status: 'MOVED_OUT', statusReason: '回原籍经营' });
    expect((await memberFigures(TOWNSHIP, '2016-12-31')).total).toBe(before.total - 1);
    expect((await memberFigures(TOWNSHIP, '2016-06-29')).total).toBe(
      (await memberFigures(TOWNSHIP, '2016-06-29')).total,
    );
    expect(
      errorCodes(
        await mutate(
          'mutation($id: ID!) { changeMemberCategory(id: $id, category: PROBATIONARY, effectiveOn: "2017-01-01") { id } }',
          { id },
        ),
      ),
    ).toEqual(['MEMBER_NOT_ACTIVE']);
    const listed = await executeGraphQL(
      url,
      `{ partyMembers(first: 200, filter: { includeDeparted: true, regionCode: "${TOWNSHIP}" }) { edges { node { id status } } } }`,
      {
        token: official,
      },
    );
    expect(listed.data.partyMembers.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(id);
    const active = await executeGraphQL(
      url,
      `{ partyMembers(first: 200, filter: { regionCode: "${TOWNSHIP}" }) { edges { node { id } } } }`,
      { token: official },
    );
    expect(active.data.partyMembers.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(id);
  });
});

describe('floating-member two-way feedback (双向互动反馈)', () => {
  const STEP = `mutation($id: ID!, $step: FeedbackStep!, $on: LocalDate!, $by: String, $proof: String, $note: String) {
    recordFeedbackStep(memberId: $id, step: $step, occurredOn: $on, handledBy: $by, proofReference: $proof, note: $note) { step occurredOn } }`;

  it('walks the chain in order, refuses steps out of order, and completes the figure with the receipt', async () => {
    const before = await memberFigures(TOWNSHIP);
    const created = await registerMember({ relationshipType: 'FLOATING', registeredOn: '2020-03-01' });
    const id = created.data.registerPartyMember.id;
    const step = (variables: Record<string, unknown>) => mutate(STEP, { id, ...variables });
    expect(
      errorCodes(
        await step({ step: 'IDENTITY_CONFIRMED', on: '2020-03-05', by: '临泉县某村党支部', proof: '证明2020-17' }),
      ),
    ).toEqual(['FEEDBACK_STEP_OUT_OF_ORDER']);
    expect((await step({ step: 'REGISTERED', on: '2020-03-02' })).errors).toBeUndefined();
    expect(errorCodes(await step({ step: 'IDENTITY_CONFIRMED', on: '2020-03-10', by: '临泉县某村党支部' }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(
      (await step({ step: 'IDENTITY_CONFIRMED', on: '2020-03-10', by: '临泉县某村党支部', proof: '证明2020-17' }))
        .errors,
    ).toBeUndefined();
    expect(
      errorCodes(await step({ step: 'EVALUATION_SENT', on: '2020-04-01', by: '分会书记', note: '表现良好' })),
    ).toEqual(['FEEDBACK_STEP_OUT_OF_ORDER']);
    expect(
      (await step({ step: 'PARTICIPATION', on: '2020-04-15', note: '主题党日：诚信经营' })).errors,
    ).toBeUndefined();
    expect((await step({ step: 'PARTICIPATION', on: '2020-06-20', note: '党课' })).errors).toBeUndefined();
    expect(
      errorCodes(await step({ step: 'EVALUATION_SENT', on: '2020-06-01', by: '分会书记', note: '表现良好' })),
    ).toEqual(['BAD_USER_INPUT']);
    expect(
      (await step({ step: 'EVALUATION_SENT', on: '2020-11-20', by: '分会书记', note: '积极参加组织生活，表现良好' }))
        .errors,
    ).toBeUndefined();
    const midway = await memberFigures(TOWNSHIP);
    expect(midway.floatingFeedbackCompletion.denominator).toBe(before.floatingFeedbackCompletion.denominator + 1);
    expect(midway.floatingFeedbackCompletion.numerator).toBe(before.floatingFeedbackCompletion.numerator);
    expect((await step({ step: 'RECEIPT_RETURNED', on: '2020-12-15', proof: '回执2020-03' })).errors).toBeUndefined();
    expect(errorCodes(await step({ step: 'PARTICIPATION', on: '2020-12-20', note: 'x' }))).toEqual([
      'FEEDBACK_STEP_OUT_OF_ORDER',
    ]);
    const done = await memberFigures(TOWNSHIP);
    expect(done.floatingFeedbackCompletion.numerator).toBe(before.floatingFeedbackCompletion.numerator + 1);
    for (const level of ['330106', '3301', '33']) {
      expect((await memberFigures(level)).floatingFeedbackCompletion.numerator).toBeGreaterThanOrEqual(1);
    }
    const chain = await executeGraphQL(
      url,
      `{ partyMember(id: "${id}") { floatingFeedbackComplete feedbackSteps { step occurredOn } } }`,
      { token: official },
    );
    expect(chain.data.partyMember.floatingFeedbackComplete).toBe(true);
    expect(chain.data.partyMember.feedbackSteps.map((s: { step: string }) => s.step)).toEqual([
      'REGISTERED',
      'IDENTITY_CONFIRMED',
      'PARTICIPATION',
      'PARTICIPATION',
      'EVALUATION_SENT',
      'RECEIPT_RETURNED',
    ]);
    expect(
      errorCodes(
        await mutate(STEP, {
          id: (await registerMember()).data.registerPartyMember.id,
          step: 'REGISTERED',
          on: '2020-03-02',
        }),
      ),
    ).toEqual(['FEEDBACK_NOT_APPLICABLE']);
  });

  it('lists floating members whose next step is overdue', async () => {
    const stale = await registerMember({ relationshipType: 'FLOATING', registeredOn: '2019-01-01' });
    const staleId = stale.data.registerPartyMember.id;
    await mutate(STEP, { id: staleId, step: 'REGISTERED', on: '2019-01-05' });
    const fresh = await registerMember({ relationshipType: 'FLOATING', registeredOn: '2019-06-01' });
    const overdue = await executeGraphQL(
      url,
      `{ overdueFeedback(regionCode: "3301", asOf: "2019-06-10") { member { id } nextStep dueOn daysOverdue } }`,
      { token: official },
    );
    const entry = overdue.data.overdueFeedback.find((o: { member: { id: string } }) => o.member.id === staleId);
    expect(entry).toMatchObject({ nextStep: 'IDENTITY_CONFIRMED', dueOn: '2019-02-04' });
    expect(entry.daysOverdue).toBe(126);
    expect(overdue.data.overdueFeedback.map((o: { member: { id: string } }) => o.member.id)).not.toContain(
      fresh.data.registerPartyMember.id,
    );
  });
});

describe('lists and scope', () => {
  it('lists members with their units in a constant number of SQL statements', async () => {
    for (let i = 0; i < 100; i++) await registerMember({ registeredOn: '2018-01-01' });
    const query = `query($first: Int!) { partyMembers(first: $first, filter: { regionCode: "${TOWNSHIP}" }) {
      edges { node { name mobile entity { id name kind history { validFrom } } history { validFrom reason } feedbackSteps { step } } } } }`;
    const cost = async (first: number) => {
      const before = statementCount();
      const response = await executeGraphQL(url, query, { token: admin, variables: { first } });
      expect(response.data.partyMembers.edges).toHaveLength(first);
      return statementCount() - before;
    };
    const ten = await cost(10);
    const hundred = await cost(100);
    // Same cost for 10 and 100 rows: members, count, units, both histories, feedback chains, audit
    // of unmasked reads — each with its RLS set_config — whatever the page size.
    expect(hundred).toBe(ten);
    expect(hundred).toBeLessThanOrEqual(20);
  });

  it('never shows a member outside the viewer region', async () => {
    const created = await registerMember();
    const id = created.data.registerPartyMember.id;
    expect(
      (await executeGraphQL(url, `{ partyMember(id: "${id}") { id } }`, { token: ningbo })).data.partyMember,
    ).toBeNull();
    const list = await executeGraphQL(url, '{ partyMembers(first: 200) { totalCount edges { node { id } } } }', {
      token: ningbo,
    });
    expect(list.data.partyMembers.totalCount).toBe(0);
    expect(
      (await resolveEntities(url, ningbo, [{ __typename: 'PartyMember', id }], '... on PartyMember { id }')).data
        ._entities,
    ).toEqual([null]);
    expect(
      errorCodes(await executeGraphQL(url, MEMBER_FIGURES, { token: ningbo, variables: { code: TOWNSHIP } })),
    ).toEqual(['FORBIDDEN']);
    expect(
      errorCodes(await executeGraphQL(url, '{ overdueFeedback(regionCode: "3301") { nextStep } }', { token: ningbo })),
    ).toEqual(['FORBIDDEN']);
  });
});

describe('member figures against a direct count', () => {
  it('equal the raw history at every level and date, after random writes', async () => {
    let seed = 11;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]!;
    const ningboUnit = await executeGraphQL(
      url,
      'mutation { registerMarketEntity(input: { kind: INDIVIDUAL_BUSINESS, name: "宁波杂货铺", regionCode: "330203001", registeredOn: "2012-01-01" }) { id } }',
      { token: admin },
    );
    for (let i = 0; i < 30; i++) {
      const year = 2013 + Math.floor(random() * 8);
      const created = await registerMember(
        {
          entityId: random() < 0.3 ? ningboUnit.data.registerMarketEntity.id : unitId,
          category: pick(['FORMAL', 'PROBATIONARY']),
          relationshipType: pick(['AFFILIATED', 'LOCAL', 'FLOATING']),
          findingState: pick(['POCKET', 'HIDDEN', 'FOUND']),
          foundVia: 'PHONE',
          registeredOn: `${year}-03-15`,
        },
        admin,
      );
      const id = created.data.registerPartyMember.id;
      const later = `${year + 1 + Math.floor(random() * 4)}-0${1 + Math.floor(random() * 9)}-10`;
      const change = pick([
        `changeFindingState(id: "${id}", state: VERIFIED, effectiveOn: "${later}", foundVia: VISIT) { id }`,
        `recordSanliang(id: "${id}", commitment: "诚信经营", effectiveOn: "${later}") { id }`,
        `recordMemberDeparture(id: "${id}", status: LEFT, effectiveOn: "${later}", reason: "歇业离开") { id }`,
        `changeRelationshipType(id: "${id}", relationshipType: FLOATING, effectiveOn: "${later}") { id }`,
      ]);
      await executeGraphQL(url, `mutation { ${change} }`, { token: admin });
    }
    const direct = await directCounter(harness, partyMemberFacts);
    for (const code of ['33', '3301', '330106', TOWNSHIP, '3302']) {
      for (const asOf of ['2015-03-31', '2015-12-31', '2016-06-30', '2020-12-31', today()]) {
        const served = await memberFigures(code, asOf);
        const count = direct(code, asOf);
        expect(served.total, `${code} ${asOf}`).toBe(count('member.total'));
        for (const c of served.byCategory) expect(c.count).toBe(count(`member.category.${c.category}`));
        for (const r of served.byRelationshipType)
          expect(r.count).toBe(count(`member.relationship.${r.relationshipType}`));
        for (const f of served.byFindingState) expect(f.count).toBe(count(`member.finding.${f.findingState}`));
        expect(served.identityDisclosure.numerator).toBe(count('member.sanliang.done'));
        expect(served.floatingFeedbackCompletion.numerator).toBe(count('member.floating.feedbackComplete'));
      }
    }
  });
});

describe('audit trail', () => {
  it('lets admins page through who did what, and no one else', async () => {
    const page = await executeGraphQL(
      url,
      '{ auditEvents(first: 5, filter: { action: "READ_PERSONAL_DATA" }) { totalCount pageInfo { hasNextPage endCursor } edges { node { actor action subjectType detail } } } }',
      { token: admin },
    );
    expect(page.errors).toBeUndefined();
    expect(page.data.auditEvents.totalCount).toBeGreaterThan(0);
    expect(
      page.data.auditEvents.edges.every((e: { node: { action: string } }) => e.node.action === 'READ_PERSONAL_DATA'),
    ).toBe(true);
    const writes = await executeGraphQL(
      url,
      '{ auditEvents(first: 3) { pageInfo { endCursor } edges { node { id at } } } }',
      { token: admin },
    );
    const next = await executeGraphQL(
      url,
      `{ auditEvents(first: 3, after: "${writes.data.auditEvents.pageInfo.endCursor}") { edges { node { id at } } } }`,
      { token: admin },
    );
    const ids = [...writes.data.auditEvents.edges, ...next.data.auditEvents.edges].map(
      (e: { node: { id: string } }) => e.node.id,
    );
    expect(new Set(ids).size).toBe(6);
    expect(errorCodes(await executeGraphQL(url, '{ auditEvents { totalCount } }', { token: official }))).toEqual([
      'FORBIDDEN',
    ]);
  });
});
