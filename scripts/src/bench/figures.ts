/**
 * Figures benchmark: 1 M market entities and 100 k members over Zhejiang's townships, with dated
 * status changes, 三亮 and feedback completions; their history and pre-aggregated figures are
 * built with the kit's own functions and bulk-loaded. Then p50/p95 of one operation asking the
 * province and all its counties through the gateway, against the same figures by a direct GROUP BY
 * over the raw history rows.
 */
import {
  figureDeltas,
  signDevToken,
  startSubgraph,
  subgraphRoles,
  today,
  withConnection,
  type FactInterval,
} from '@xgz/kit';
import { parseGatewayEnv, startGateway } from '@xgz/gateway';
import { marketEntityFacts, partyMemberFacts, registrySubgraph } from '@xgz/registry';
import { seededRandom } from '../seeded-random.js';
import { copyCsv, csvLine, latency, loadFigureDeltas, ms, withScratchDatabase } from './harness.js';
import { benchOrganizationCoverage } from './organization-coverage.js';
import { benchMarketFigures } from './market-figures.js';

const ENTITIES = Number(process.env.BENCH_ENTITIES ?? 1_000_000);
const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const DAY = 86_400_000;
const START = Date.UTC(2000, 0, 1);
const END = Date.UTC(2025, 11, 31);
const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);

const FIGURES = `registryFigures(asOf: $asOf) {
  marketEntities { existing byKind { kind count } byStatus { status count } }
  partyMembers { total byCategory { count } byRelationshipType { count } byFindingState { count }
    identityDisclosure { numerator denominator } floatingFeedbackCompletion { numerator denominator } } }`;
export const FIGURES_BENCH_QUERY = `query($asOf: LocalDate) { region(code: "33") { ${FIGURES} } regions(parentCode: "33", level: COUNTY) { code ${FIGURES} } }`;

/** The same figures as of any date by one GROUP BY over the raw history rows (the only raw source for a past date), province and counties. */
const DIRECT = `select left(region_code, 6) as county, count(*) filter (where subject_type = 'MarketEntity' and state->>'status' <> 'DEREGISTERED') as existing,
  ${['INDIVIDUAL_BUSINESS', 'SMALL_MICRO_ENTERPRISE', 'MARKET_OPERATOR'].map((k) => `count(*) filter (where subject_type = 'MarketEntity' and state->>'status' <> 'DEREGISTERED' and state->>'kind' = '${k}')`).join(',\n  ')},
  ${['OPERATING', 'SUSPENDED', 'DEREGISTERED'].map((s) => `count(*) filter (where subject_type = 'MarketEntity' and state->>'status' = '${s}')`).join(',\n  ')},
  count(*) filter (where subject_type = 'PartyMember' and state->>'status' = 'ACTIVE' and state->>'findingState' <> 'FALSE_RECORD') as members,
  ${['FORMAL', 'PROBATIONARY'].map((c) => `count(*) filter (where subject_type = 'PartyMember' and state->>'status' = 'ACTIVE' and state->>'findingState' <> 'FALSE_RECORD' and state->>'category' = '${c}')`).join(',\n  ')},
  ${['AFFILIATED', 'LOCAL', 'FLOATING'].map((r) => `count(*) filter (where subject_type = 'PartyMember' and state->>'status' = 'ACTIVE' and state->>'findingState' <> 'FALSE_RECORD' and state->>'relationshipType' = '${r}')`).join(',\n  ')},
  ${['POCKET', 'HIDDEN', 'LOST_CONTACT', 'FOUND', 'VERIFIED', 'FALSE_RECORD'].map((f) => `count(*) filter (where subject_type = 'PartyMember' and state->>'status' = 'ACTIVE' and state->>'findingState' = '${f}')`).join(',\n  ')},
  count(*) filter (where subject_type = 'PartyMember' and state->>'status' = 'ACTIVE' and state->>'findingState' <> 'FALSE_RECORD' and (state->>'sanliangDone')::boolean),
  count(*) filter (where subject_type = 'PartyMember' and state->>'status' = 'ACTIVE' and state->>'findingState' <> 'FALSE_RECORD' and state->>'relationshipType' = 'FLOATING' and (state->>'floatingFeedbackComplete')::boolean)
from fact_version
where superseded_at is null and starts_with(region_code, '33') and valid_from <= $1 and (valid_to is null or valid_to > $1)
group by rollup (left(region_code, 6))`;

/**
 * Live figures the way a competent query gets them without pre-aggregation: one GROUP BY each over
 * the current entity and member rows, by their typed (indexed) columns — no history needed for today.
 */
const DIRECT_LIVE = `with entities as (
  select coalesce(left(region_code, 6), '33') as county, count(*) filter (where status <> 'DEREGISTERED') as existing,
    ${['INDIVIDUAL_BUSINESS', 'SMALL_MICRO_ENTERPRISE', 'MARKET_OPERATOR'].map((k) => `count(*) filter (where status <> 'DEREGISTERED' and kind = '${k}')`).join(',\n    ')},
    ${['OPERATING', 'SUSPENDED', 'DEREGISTERED'].map((s) => `count(*) filter (where status = '${s}')`).join(',\n    ')}
  from market_entity where region_code like '33%' group by rollup (left(region_code, 6))
), members as (
  select coalesce(left(region_code, 6), '33') as county, count(*) filter (where status = 'ACTIVE' and finding_state <> 'FALSE_RECORD') as members,
    ${['FORMAL', 'PROBATIONARY'].map((c) => `count(*) filter (where status = 'ACTIVE' and finding_state <> 'FALSE_RECORD' and category = '${c}')`).join(',\n    ')},
    ${['AFFILIATED', 'LOCAL', 'FLOATING'].map((r) => `count(*) filter (where status = 'ACTIVE' and finding_state <> 'FALSE_RECORD' and relationship_type = '${r}')`).join(',\n    ')},
    ${['POCKET', 'HIDDEN', 'LOST_CONTACT', 'FOUND', 'VERIFIED', 'FALSE_RECORD'].map((f) => `count(*) filter (where status = 'ACTIVE' and finding_state = '${f}')`).join(',\n    ')},
    count(*) filter (where status = 'ACTIVE' and finding_state <> 'FALSE_RECORD' and sanliang_done),
    count(*) filter (where status = 'ACTIVE' and finding_state <> 'FALSE_RECORD' and relationship_type = 'FLOATING' and floating_feedback_complete)
  from party_member where region_code like '33%' group by rollup (left(region_code, 6))
)
select * from entities full join members using (county)`;

interface Version {
  id: string;
  subjectType: string;
  subjectId: string;
  regionCode: string;
  from: string;
  to: string | null;
  state: Record<string, unknown>;
}

/** Two periods when the record changes on `at`, else one. */
function periods(
  subjectType: string,
  subjectId: string,
  regionCode: string,
  from: number,
  state: Record<string, unknown>,
  change?: { at: number; state: Record<string, unknown> },
): Version[] {
  const first = {
    id: crypto.randomUUID(),
    subjectType,
    subjectId,
    regionCode,
    from: isoDay(from),
    to: change ? isoDay(change.at) : null,
    state,
  };
  return change
    ? [first, { ...first, id: crypto.randomUUID(), from: isoDay(change.at), to: null, state: change.state }]
    : [first];
}

async function generate(adminUrl: string, rolePassword: string) {
  const owner = subgraphRoles(adminUrl, 'registry', rolePassword).ownerUrl;
  const townships = await withConnection(owner, async (client) =>
    (
      await client.query<{ code: string }>(
        `select code from region where level = 'TOWNSHIP' and starts_with(code, '33') order by code`,
      )
    ).rows.map((r) => r.code),
  );
  const random = seededRandom(1949);
  const dayBetween = (from: number, to: number) => from + Math.floor(random.next() * ((to - from) / DAY)) * DAY;
  const versions: Version[] = [];
  const entities: {
    id: string;
    regionCode: string;
    kind: string;
    status: string;
    registered: number;
    changed: number;
    employees: number;
  }[] = [];
  const kinds = [
    'INDIVIDUAL_BUSINESS',
    'INDIVIDUAL_BUSINESS',
    'INDIVIDUAL_BUSINESS',
    'SMALL_MICRO_ENTERPRISE',
    'SMALL_MICRO_ENTERPRISE',
    'MARKET_OPERATOR',
  ];
  for (let i = 0; i < ENTITIES; i++) {
    const id = crypto.randomUUID();
    const regionCode = random.pick(townships);
    const kind = random.pick(kinds);
    const registered = dayBetween(START, END);
    const state = { kind, status: 'OPERATING', regionCode, employees: random.integer(0, 120) };
    const change =
      random.next() < 0.3
        ? {
            at: dayBetween(registered + DAY, END + DAY),
            state: { ...state, status: random.next() < 0.5 ? 'SUSPENDED' : 'DEREGISTERED' },
          }
        : undefined;
    versions.push(...periods('MarketEntity', id, regionCode, registered, state, change));
    entities.push({
      id,
      regionCode,
      kind,
      status: change?.state.status ?? 'OPERATING',
      registered,
      changed: change?.at ?? registered,
      employees: state.employees,
    });
  }
  const members: {
    id: string;
    entity: (typeof entities)[number];
    state: Record<string, unknown>;
    registered: number;
    changed: number;
  }[] = [];
  for (let i = 0; i < MEMBERS; i++) {
    const id = crypto.randomUUID();
    const entity = random.pick(entities);
    const registered = dayBetween(entity.registered, END);
    const state = {
      regionCode: entity.regionCode,
      entityId: entity.id,
      category: random.next() < 0.9 ? 'FORMAL' : 'PROBATIONARY',
      relationshipType: random.pick(['AFFILIATED', 'AFFILIATED', 'LOCAL', 'FLOATING']),
      findingState: random.pick(['FOUND', 'FOUND', 'VERIFIED', 'POCKET', 'HIDDEN', 'LOST_CONTACT']),
      sanliangDone: false,
      status: 'ACTIVE',
      floatingFeedbackComplete: false,
    };
    const roll = random.next();
    const change =
      roll < 0.3
        ? {
            at: dayBetween(registered + DAY, END + DAY),
            state: { ...state, sanliangDone: true, floatingFeedbackComplete: state.relationshipType === 'FLOATING' },
          }
        : roll < 0.35
          ? { at: dayBetween(registered + DAY, END + DAY), state: { ...state, status: 'LEFT' } }
          : undefined;
    versions.push(...periods('PartyMember', id, entity.regionCode, registered, state, change));
    members.push({ id, entity, state: change?.state ?? state, registered, changed: change?.at ?? registered });
  }
  const toInterval =
    (facts: typeof marketEntityFacts | typeof partyMemberFacts) =>
    (v: Version): FactInterval => ({
      regionCode: v.regionCode,
      from: v.from,
      to: v.to,
      metrics: facts.metricsOf(v.state as never),
    });
  const deltas = figureDeltas({
    added: [
      ...versions.filter((v) => v.subjectType === 'MarketEntity').map(toInterval(marketEntityFacts)),
      ...versions.filter((v) => v.subjectType === 'PartyMember').map(toInterval(partyMemberFacts)),
    ],
  });

  const now = new Date().toISOString();
  const csv = csvLine;
  await withConnection(owner, async (client) => {
    await copyCsv(
      client,
      'copy market_entity (id, kind, name, credit_code, region_code, status, status_since, registered_on, last_change_on, employees, created_at, updated_at) from stdin with (format csv)',
      (function* () {
        let n = 0;
        for (const e of entities)
          yield csv(
            e.id,
            e.kind,
            `测试商户${n++}`,
            null,
            e.regionCode,
            e.status,
            isoDay(e.changed),
            isoDay(e.registered),
            isoDay(e.changed),
            e.employees,
            now,
            now,
          );
      })(),
    );
    await copyCsv(
      client,
      `copy party_member (id, entity_id, region_code, name, mobile, person_key, is_owner, category, distribution, relationship_type, finding_state, finding_state_on,
         sanliang_done, transfer_status, status, status_since, floating_feedback_complete, registered_on, last_change_on, created_at, updated_at) from stdin with (format csv)`,
      (function* () {
        let n = 0;
        for (const m of members) {
          const s = m.state as Record<string, string | boolean>;
          const name = `党员${n++}`;
          yield csv(
            m.id,
            m.entity.id,
            m.entity.regionCode,
            name,
            null,
            `${name}|`,
            false,
            s.category as string,
            'INDIVIDUAL_BUSINESS',
            s.relationshipType as string,
            s.findingState as string,
            isoDay(m.registered),
            s.sanliangDone as boolean,
            'NOT_NEEDED',
            s.status as string,
            isoDay(m.changed),
            s.floatingFeedbackComplete as boolean,
            isoDay(m.registered),
            isoDay(m.changed),
            now,
            now,
          );
        }
      })(),
    );
    await copyCsv(
      client,
      'copy fact_version (id, subject_type, subject_id, region_code, valid_from, valid_to, state, reason, recorded_at, recorded_by) from stdin with (format csv)',
      (function* () {
        for (const v of versions)
          yield csv(
            v.id,
            v.subjectType,
            v.subjectId,
            v.regionCode,
            v.from,
            v.to,
            JSON.stringify(v.state),
            'GENERATED',
            now,
            'bench',
          );
      })(),
    );
    await loadFigureDeltas(client, deltas);
    await client.query('analyze');
  });
  return { versions, deltas: deltas.length, townships };
}

export async function benchFigures() {
  await withScratchDatabase(async (adminUrl, env) => {
    const started = performance.now();
    const generated = await generate(adminUrl, env.DB_ROLE_PASSWORD);
    console.log(
      `generated ${ENTITIES} entities and ${MEMBERS} members over ${generated.townships.length} townships of 浙江省: ${generated.versions.length} history rows, ${generated.deltas} figure rows, in ${((performance.now() - started) / 1000).toFixed(0)} s`,
    );
    const registry = await startSubgraph(registrySubgraph, { env, adminUrl, port: 0, prepare: false });
    const gateway = await startGateway({
      env: parseGatewayEnv({ GATEWAY_PORT: '0', LOG_LEVEL: 'error' }),
      subgraphUrls: { registry: registry.url },
    });
    const token = await signDevToken(env, { regionCode: '33', roles: ['analyst'] });
    const owner = subgraphRoles(adminUrl, 'registry', env.DB_ROLE_PASSWORD).ownerUrl;
    try {
      const viaGateway = (asOf?: string) => async () => {
        const response = await fetch(gateway.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: FIGURES_BENCH_QUERY, variables: { asOf } }),
        });
        const body = (await response.json()) as { errors?: unknown; data?: { regions?: unknown[] } };
        if (body.errors || !body.data?.regions?.length)
          throw new Error(`bad answer: ${JSON.stringify(body).slice(0, 300)}`);
      };
      // Sanity first: the figures served equal the brute-force count.
      await withConnection(owner, async (client) => {
        const date = today();
        const direct = await client.query(DIRECT, [date]);
        const province = direct.rows.find((row) => row.county === null);
        const response = await fetch(gateway.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: FIGURES_BENCH_QUERY }),
        });
        const served = (
          (await response.json()) as {
            data: {
              region: { registryFigures: { marketEntities: { existing: number }; partyMembers: { total: number } } };
            };
          }
        ).data.region.registryFigures;
        if (
          served.marketEntities.existing !== Number(province.existing) ||
          served.partyMembers.total !== Number(province.members)
        ) {
          throw new Error(
            `figures differ from the direct count: ${JSON.stringify(served)} vs ${province.existing}/${province.members}`,
          );
        }
        const live = (await client.query(DIRECT_LIVE)).rows.find((row) => row.county === '33');
        if (
          Number(live.existing) !== served.marketEntities.existing ||
          Number(live.members) !== served.partyMembers.total
        ) {
          throw new Error(`figures differ from the count over the current rows: ${live.existing}/${live.members}`);
        }
        console.log(
          `check: 浙江省 live — ${served.marketEntities.existing} existing entities, ${served.partyMembers.total} members, equal to both direct counts`,
        );
      });
      console.log(`\none operation: 浙江省 and its counties, ${RUNS} runs after 5 warm-up`);
      console.log(
        '| as of | gateway p50 | gateway p95 | direct GROUP BY p50 | direct p95 | direct ÷ gateway (p50) |\n|---|---|---|---|---|---|',
      );
      await withConnection(owner, async (client) => {
        for (const asOf of [undefined, '2015-06-30', '2020-12-31']) {
          const date = asOf ?? today();
          const served = await latency(viaGateway(asOf), RUNS);
          const direct = await latency(() => client.query(DIRECT, [date]), Math.min(RUNS, 10), 1);
          console.log(
            `| ${asOf ?? 'live'} | ${ms(served.p50)} ms | ${ms(served.p95)} ms | ${ms(direct.p50)} ms | ${ms(direct.p95)} ms | ${(direct.p50 / served.p50).toFixed(1)}× |`,
          );
          if (!asOf) {
            const current = await latency(() => client.query(DIRECT_LIVE), Math.min(RUNS, 10), 1);
            console.log(
              `| live, direct over the current rows | ${ms(served.p50)} ms | ${ms(served.p95)} ms | ${ms(current.p50)} ms | ${ms(current.p95)} ms | ${(current.p50 / served.p50).toFixed(1)}× |`,
            );
          }
        }
      });
    } finally {
      await gateway.stop();
      await registry.stop();
    }
    await benchOrganizationCoverage(adminUrl, env, generated.versions, generated.townships);
    await benchMarketFigures(adminUrl, env);
  });
}
