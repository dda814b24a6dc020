/**
 * Demo organizations for npm start, written through the gateway as a user would (so their dated
 * histories, coverage and figures follow): per demo city, joint branches in the first townships
 * that have demo entities, each covering those entities, with the members working there in its
 * organization life, a secretary, the last two quarters' 三会一课 (kept fully by every other
 * branch, so the schedule figure is neither 0 nor 100%), a 六有 check for most, and an instructor
 * per city assigned to entities no branch covers, and a standalone branch per city in an entity able
 * to form one. Idempotent: skipped when any organization exists.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { addMonths, today } from '@xgz/kit';

const DEMO_CITIES = ['3301', '4601', '4419'];
const BRANCHES_PER_CITY = 8;

type Call = (
  query: string,
  variables?: Record<string, unknown>,
) => Promise<{ data?: any; errors?: { extensions?: { code?: string } }[] }>;

/** The day the demo's joint branches were founded. */
const FOUNDED = '2016-07-01';

/** A demo entity or member, with the day registry registered it (nothing about it may be dated before). */
interface Unit {
  id: string;
  registeredOn: string;
}

const later = (a: string, b: string) => (a > b ? a : b);

/** How long a demo write waits for the fact feed to deliver what it names: 100 × 200 ms. */
const FEED_WAIT_ATTEMPTS = 100;
const FEED_WAIT_STEP_MS = 200;

const isNotYetFed = (answer: Awaited<ReturnType<Call>>) =>
  answer.errors?.some((error) => error.extensions?.code === 'NOT_FOUND') ?? false;

export async function seedOrganizationsDemo(
  gatewayUrl: string,
  tokenFor: (regionCode: string) => Promise<string>,
): Promise<number> {
  let token = await tokenFor('33');
  const send: Call = async (query, variables) =>
    (
      await fetch(gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      })
    ).json() as never;
  // Entities and members reach organizations through the fact feed moments after start-up, and later
  // still on a loaded machine: a write naming one not yet delivered (NOT_FOUND) is retried for a while,
  // and a write that still fails is said, so an empty demo figure names its cause.
  const call: Call = async (query, variables) => {
    let answer = await send(query, variables);
    for (let attempt = 1; attempt < FEED_WAIT_ATTEMPTS && isNotYetFed(answer); attempt++) {
      await sleep(FEED_WAIT_STEP_MS);
      answer = await send(query, variables);
    }
    if (answer.errors && query.trimStart().startsWith('mutation')) {
      const name = /\{\s*(\w+)/.exec(query)?.[1] ?? 'a write';
      console.error(`demo data: ${name} refused (${answer.errors[0]?.extensions?.code ?? 'no code'})`);
    }
    return answer;
  };
  const existing = await call('{ region(code: "33") { partyOrganizationCount } }');
  if ((existing.data?.region?.partyOrganizationCount ?? 0) > 0) return 0;
  // Each entity is covered from the branch's founding, or from its own registration when that came later.
  const cover = async (id: string, units: Unit[]) => {
    const byDate = new Map<string, string[]>();
    for (const unit of units.slice(0, 100)) {
      const from = later(FOUNDED, unit.registeredOn);
      byDate.set(from, [...(byDate.get(from) ?? []), unit.id]);
    }
    let last: Awaited<ReturnType<Call>> = { data: {} };
    for (const [fromDate, ids] of byDate) {
      last = await call(
        `mutation($id: ID!, $ids: [ID!]!, $on: LocalDate!) { coverMarketEntities(organizationId: $id, entityIds: $ids, fromDate: $on) { id } }`,
        {
          id,
          ids,
          on: fromDate,
        },
      );
      if (last.errors) return last;
    }
    return last;
  };
  let formed = 0;
  for (const city of DEMO_CITIES) {
    token = await tokenFor(city);
    const listed = await call(
      `query($code: ID!) { marketEntities(filter: { regionCode: $code }, first: 200) { edges { node { id regionCode registeredOn } } } }`,
      { code: city },
    );
    const byTownship = new Map<string, Unit[]>();
    for (const { node: entity } of (listed.data?.marketEntities?.edges ?? []) as {
      node: Unit & { regionCode: string };
    }[]) {
      const township = entity.regionCode.slice(0, 9);
      byTownship.set(township, [
        ...(byTownship.get(township) ?? []),
        { id: entity.id, registeredOn: entity.registeredOn },
      ]);
    }
    for (const [township, ids] of [...byTownship].slice(0, BRANCHES_PER_CITY)) {
      const result = await call(
        `mutation($input: FormPartyOrganizationInput!) { formPartyOrganization(input: $input) { organization { id } } }`,
        {
          input: {
            name: `${township}个体私营经济联合党支部`,
            level: 'BRANCH',
            formation: 'JOINT',
            regionCode: township,
            hostKind: 'ASSOCIATION',
            hostName: '个私协会分会',
            establishedOn: FOUNDED,
          },
        },
      );
      const id = result.data?.formPartyOrganization?.organization?.id;
      if (!id) continue;
      formed++;
      const covered = await cover(id, ids);
      if (covered.errors)
        console.error(
          `demo data: ${township}'s branch covers nothing (${covered.errors[0]?.extensions?.code}); is the fact feed running?`,
        );
      else await seedOrganizationLife(call, id, township, formed % 2 === 0);
    }
    if (await seedStandaloneBranch(call, city)) formed++;
    await seedInstructor(call, [...byTownship].slice(BRANCHES_PER_CITY));
  }
  return formed;
}

/** A standalone branch (单独建) in the first entity the standalone-capable list names on its founding day, so the standalone rate is not 0. */
async function seedStandaloneBranch(call: Call, city: string): Promise<boolean> {
  const establishedOn = '2024-01-01';
  // The list needs the members' employers, fed after the entities: wait for it to name one.
  let entity: { id: string; name: string; regionCode: string } | undefined;
  for (let attempt = 0; attempt < FEED_WAIT_ATTEMPTS && !entity; attempt++) {
    if (attempt > 0) await sleep(FEED_WAIT_STEP_MS);
    const listed = await call(
      `query($code: String!, $on: LocalDate!) { standaloneCapableWithoutOrganization(regionCode: $code, asOf: $on, first: 1) { edges { node { entity { id name regionCode } } } } }`,
      { code: city, on: establishedOn },
    );
    entity = listed.data?.standaloneCapableWithoutOrganization?.edges?.[0]?.node?.entity;
  }
  if (!entity) {
    console.error(`demo data: no entity in ${city} can form a standalone branch (is the fact feed running?)`);
    return false;
  }
  const formed = await call(
    `mutation($input: FormPartyOrganizationInput!) { formPartyOrganization(input: $input) { organization { id } } }`,
    {
      input: {
        name: `${entity.name}党支部`,
        level: 'BRANCH',
        formation: 'STANDALONE',
        regionCode: entity.regionCode.slice(0, 9),
        hostKind: 'MARKET_ENTITY',
        hostId: entity.id,
        establishedOn,
      },
    },
  );
  if (formed.errors)
    console.error(`demo data: no standalone branch in ${city} (${formed.errors[0]?.extensions?.code})`);
  return Boolean(formed.data?.formPartyOrganization?.organization?.id);
}

/** Members of the township in the branch's life, the first as secretary; the last two quarters' meetings. */
async function seedOrganizationLife(
  call: Call,
  organizationId: string,
  township: string,
  keepsEverySchedule: boolean,
): Promise<void> {
  const listed = await call(
    `query($code: ID!) { partyMembers(filter: { regionCode: $code }, first: 30) { edges { node { id registeredOn } } } }`,
    { code: township },
  );
  const people = ((listed.data?.partyMembers?.edges ?? []) as { node: Unit }[]).map((edge) => edge.node);
  const members = people.map((person) => person.id);
  if (members.length === 0) return;
  // Each joins from the branch's founding, or from their own registration when that came later.
  for (const person of people) {
    await call(
      `mutation($m: ID!, $o: ID!, $on: LocalDate!) { joinOrganizationLife(memberId: $m, organizationId: $o, fromDate: $on) { id } }`,
      {
        m: person.id,
        o: organizationId,
        on: later(FOUNDED, person.registeredOn),
      },
    );
  }
  await call(
    `mutation($o: ID!, $m: ID!, $on: LocalDate!) { appointOrganizationRole(organizationId: $o, memberId: $m, role: SECRETARY, fromDate: $on) { id } }`,
    {
      o: organizationId,
      m: members[0],
      on: later(FOUNDED, people[0]!.registeredOn),
    },
  );
  const meeting = (type: string, topic: string, heldOn: string, present: string[]) =>
    call(`mutation($input: RecordMeetingInput!) { recordMeeting(input: $input) { id } }`, {
      input: {
        organizationId,
        type,
        topic,
        held: { heldOn, present, absent: [], hostMemberId: members[0], recorderMemberId: members[0] },
      },
    });
  const day = today();
  for (const monthsAgo of [5, 2]) {
    const heldOn = addMonths(day, -monthsAgo);
    await meeting('BRANCH_GENERAL_MEETING', '季度党员大会', heldOn, members);
    await meeting('PARTY_LECTURE', '诚信经营专题党课', heldOn, members.slice(0, Math.ceil(members.length / 2)));
  }
  for (const monthsAgo of keepsEverySchedule ? [2, 1, 0] : [3]) {
    await meeting('BRANCH_COMMITTEE_MEETING', '支委会', addMonths(day, -monthsAgo), members.slice(0, 3));
    await meeting('GROUP_MEETING', '党小组会', addMonths(day, -monthsAgo), members.slice(0, 3));
  }
  const all = keepsEverySchedule || members.length % 3 !== 0;
  await call(
    `mutation($o: ID!, $input: VenueCheckInput!) { recordVenueCheck(organizationId: $o, input: $input) { checkedOn } }`,
    {
      o: organizationId,
      input: {
        checkedOn: addMonths(day, -4),
        place: true,
        facilities: true,
        sign: true,
        flag: true,
        booksAndPapers: all,
        rules: true,
      },
    },
  );
}

/** A party-building instructor (党建指导员) per city, serving the county of the first township no branch covers, assigned to a few of its entities (work coverage). */
async function seedInstructor(call: Call, uncovered: [string, Unit[]][]): Promise<void> {
  const [township, units] = uncovered[0] ?? [];
  if (!township || !units) return;
  const appointed = await call(
    `mutation($input: AppointPartyWorkerInput!) { appointPartyWorker(input: $input) { id } }`,
    {
      input: { name: '王指导', kind: 'INSTRUCTOR', regionCode: township.slice(0, 6), servingFrom: '2018-01-01' },
    },
  );
  const workerId = appointed.data?.appointPartyWorker?.id;
  if (!workerId) return;
  for (const unit of units.slice(0, 5)) {
    await call(
      `mutation($w: ID!, $e: ID!, $on: LocalDate!) { assignPartyWorker(workerId: $w, targetKind: MARKET_ENTITY, targetId: $e, fromDate: $on) { id } }`,
      {
        w: workerId,
        e: unit.id,
        on: later('2018-01-01', unit.registeredOn),
      },
    );
  }
}
