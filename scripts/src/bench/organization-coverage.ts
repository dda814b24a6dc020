/**
 * Organizations' coverage at the figures benchmark's scale: joint branches over Zhejiang's
 * townships covering entities of the generated registry, some dissolved. Organizations' copy of
 * registry's facts and every entity's derived coverage are built with the kit's and the subgraph's
 * own definitions and bulk-loaded (what the feed would have delivered), the consumer's cursor set to
 * the end of registry's feed. Then: coverage of 浙江省 and its counties through the gateway (p50/p95)
 * against a competent SQL query over the raw tables (entities, links, organizations), and the feed
 * delay from a registry write through the gateway to the changed coverage figure (p50/p95).
 */
import {
  derivePeriods,
  figureDeltas,
  openOwnerOrm,
  readFigures,
  regionScopedEntityManager,
  rederiveStaleDefinitions,
  signDevToken,
  startSubgraph,
  subgraphRoles,
  today,
  withConnection,
  type FactInterval,
  type Period,
  type SharedEnv,
} from '@xgz/kit';
import { parseGatewayEnv, startGateway } from '@xgz/gateway';
import {
  entityCoverageFacts,
  organizationsSubgraph,
  organizationStandingFacts,
  partyOrganizationFacts,
} from '@xgz/organizations';
import { registrySubgraph, writeRegistrationForm } from '@xgz/registry';
import { sampleRegistrationForm } from '../sample-form.js';
import { seededRandom } from '../seeded-random.js';
import { copyCsv, csvLine, latency, loadFigureDeltas, ms } from './harness.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 40);
/** Joint branches per township, each covering this many of its entities. */
const BRANCHES_PER_TOWNSHIP = 12;
const ENTITIES_PER_BRANCH = 25;
const DELAY_SAMPLES = Number(process.env.BENCH_FEED_SAMPLES ?? 20);
/** Rows of the registration form imported to time the feed's catch-up after a bulk write. */
const IMPORT_ROWS = Number(process.env.BENCH_ROWS ?? 10_000);
/** BENCH_REDERIVE=1: also time re-deriving every entity's coverage, as a start under a new rule does (minutes at 1 M). */
const REDERIVE = process.env.BENCH_REDERIVE === '1';

export interface GeneratedVersion {
  subjectType: string;
  subjectId: string;
  regionCode: string;
  from: string;
  to: string | null;
  state: Record<string, unknown>;
}

const COVERAGE = `organizationFigures { coverage { organizationCoverage { numerator denominator } } }`;
const QUERY = `{ region(code: "33") { ${COVERAGE} } regions(parentCode: "33", level: COUNTY) { code ${COVERAGE} } }`;

/**
 * The live coverage by a competent query over the raw tables, no history: operating entities
 * (registry's current rows, typed and indexed) and whether a current link of a living organization
 * covers each (organizations' rows), by county and for the province.
 */
const DIRECT = `select coalesce(left(e.region_code, 6), '33') as county, count(*) as operating,
    count(*) filter (where exists (
      select 1 from organizations.coverage_link l join organizations.party_organization o on o.id = l.organization_id
       where l.entity_id = e.id and l.to_date is null and o.dissolved_on is null)) as covered
  from registry.market_entity e
 where e.status = 'OPERATING' and e.region_code like '33%'
 group by rollup (left(e.region_code, 6))`;

/**
 * The standalone-capable list by a competent query over the raw tables: entities with ≥ 3 formal
 * members on the books (registry's current member rows of the region — members sit at their unit's
 * region — grouped by unit), operating, with no current link to a living standalone organization;
 * the first page by id and the total.
 */
const DIRECT_LIST = `with capable as (
    select e.id from registry.market_entity e
      join (select entity_id from registry.party_member
             where region_code like $1 and category = 'FORMAL' and status = 'ACTIVE' and finding_state <> 'FALSE_RECORD'
             group by entity_id having count(*) >= 3) m on m.entity_id = e.id
     where e.status = 'OPERATING'
       and not exists (select 1 from organizations.coverage_link l join organizations.party_organization o on o.id = l.organization_id
                        where l.entity_id = e.id and l.to_date is null and o.dissolved_on is null and o.formation = 'STANDALONE'))
  select (select count(*) from capable) as total, array(select id from capable order by id limit 50) as page`;

async function generate(
  adminUrl: string,
  rolePassword: string,
  registryVersions: readonly GeneratedVersion[],
  townships: readonly string[],
) {
  const random = seededRandom(1921);
  const byEntity = new Map<
    string,
    { entity: Period<Record<string, unknown>>[]; members: Period<Record<string, unknown>>[] }
  >();
  const entitiesOf = new Map<string, string[]>();
  for (const version of registryVersions) {
    const period = { from: version.from, to: version.to, state: version.state };
    if (version.subjectType === 'MarketEntity') {
      if (!byEntity.has(version.subjectId)) {
        byEntity.set(version.subjectId, { entity: [], members: [] });
        entitiesOf.set(version.regionCode, [...(entitiesOf.get(version.regionCode) ?? []), version.subjectId]);
      }
      byEntity.get(version.subjectId)!.entity.push(period);
    }
  }
  for (const version of registryVersions) {
    if (version.subjectType === 'PartyMember')
      byEntity
        .get(version.state.entityId as string)
        ?.members.push({ from: version.from, to: version.to, state: version.state });
  }
  const organizations: { id: string; regionCode: string; established: string; dissolved: string | null }[] = [];
  const links: { organization: (typeof organizations)[number]; entityId: string; regionCode: string; from: string }[] =
    [];
  for (const township of townships) {
    const inside = entitiesOf.get(township) ?? [];
    for (let i = 0; i < BRANCHES_PER_TOWNSHIP && inside.length > 0; i++) {
      const established = `${random.integer(2008, 2022)}-${String(random.integer(1, 12)).padStart(2, '0')}-01`;
      const dissolved =
        random.next() < 0.2 ? `${random.integer(Number(established.slice(0, 4)) + 1, 2025)}-06-30` : null;
      const organization = { id: crypto.randomUUID(), regionCode: township, established, dissolved };
      organizations.push(organization);
      const covered = new Set(Array.from({ length: ENTITIES_PER_BRANCH }, () => random.pick(inside)));
      for (const entityId of covered) links.push({ organization, entityId, regionCode: township, from: established });
    }
  }
  const alive = (organization: (typeof organizations)[number]) => [
    { from: organization.established, to: organization.dissolved },
  ];
  const linksOf = new Map<string, typeof links>();
  for (const link of links) linksOf.set(link.entityId, [...(linksOf.get(link.entityId) ?? []), link]);

  const history: {
    type: string;
    id: string;
    regionCode: string;
    from: string;
    to: string | null;
    state: Record<string, unknown>;
    listedIn?: string | null;
  }[] = [];
  const intervals: FactInterval[] = [];
  for (const organization of organizations) {
    const state = { regionCode: organization.regionCode, level: 'BRANCH', formation: 'JOINT', active: true };
    const periods = [{ from: organization.established, to: organization.dissolved, state }];
    if (organization.dissolved)
      periods.push({ from: organization.dissolved, to: null, state: { ...state, active: false } });
    for (const period of periods) {
      history.push({
        type: partyOrganizationFacts.subjectType,
        id: organization.id,
        regionCode: organization.regionCode,
        ...period,
      });
      intervals.push({
        regionCode: organization.regionCode,
        from: period.from,
        to: period.to,
        metrics: partyOrganizationFacts.metricsOf(period.state as never),
      });
    }
    const standing = derivePeriods(organizationStandingFacts, {
      regionCode: organization.regionCode,
      level: 'BRANCH' as never,
      alive: alive(organization),
      held: [],
      venueChecks: [],
      elections: [organization.established],
    });
    for (const period of standing) {
      history.push({
        type: organizationStandingFacts.subjectType,
        id: organization.id,
        regionCode: organization.regionCode,
        ...period,
      });
      intervals.push({
        regionCode: organization.regionCode,
        from: period.from,
        to: period.to,
        metrics: organizationStandingFacts.metricsOf(period.state),
      });
    }
  }
  for (const [entityId, inputs] of byEntity) {
    const coverage = derivePeriods(entityCoverageFacts, {
      entity: inputs.entity as never,
      members: inputs.members as never,
      links: (linksOf.get(entityId) ?? []).map((link) => ({
        from: link.from,
        to: null,
        formation: 'JOINT' as never,
        alive: alive(link.organization),
      })),
      assignments: [],
    });
    for (const period of coverage) {
      history.push({
        type: entityCoverageFacts.subjectType,
        id: entityId,
        regionCode: period.state.regionCode,
        ...period,
        listedIn: entityCoverageFacts.listOf?.(period.state),
      });
      intervals.push({
        regionCode: period.state.regionCode,
        from: period.from,
        to: period.to,
        metrics: entityCoverageFacts.metricsOf(period.state),
      });
    }
  }
  const deltas = figureDeltas({ added: intervals });
  const now = new Date().toISOString();
  const owner = subgraphRoles(adminUrl, 'organizations', rolePassword).ownerUrl;
  const registryOwner = subgraphRoles(adminUrl, 'registry', rolePassword).ownerUrl;
  const [{ end }] = (await withConnection(
    registryOwner,
    async (client) =>
      (await client.query<{ end: string }>('select max(recorded_xid)::text as end from fact_version')).rows,
  )) as [{ end: string }];
  await withConnection(owner, async (client) => {
    await copyCsv(
      client,
      `copy party_organization (id, region_code, name, level, formation, parent_id, host_kind, host_id, host_name, established_on, elected_on, dissolved_on, last_change_on, created_at, updated_at) from stdin with (format csv)`,
      (function* () {
        let n = 0;
        for (const o of organizations)
          yield csvLine(
            o.id,
            o.regionCode,
            `联合党支部${n++}`,
            'BRANCH',
            'JOINT',
            null,
            'ASSOCIATION',
            null,
            '个私协会',
            o.established,
            o.established,
            o.dissolved,
            o.dissolved ?? o.established,
            now,
            now,
          );
      })(),
    );
    await copyCsv(
      client,
      `copy coverage_link (id, region_code, organization_id, entity_id, from_date, to_date, last_change_on, formation, organization_alive, created_at, updated_at) from stdin with (format csv)`,
      (function* () {
        for (const l of links)
          yield csvLine(
            crypto.randomUUID(),
            l.regionCode,
            l.organization.id,
            l.entityId,
            l.from,
            null,
            l.from,
            'JOINT',
            JSON.stringify(alive(l.organization)),
            now,
            now,
          );
      })(),
    );
    await copyCsv(
      client,
      `copy fed_fact (subject_type, subject_id, valid_from, valid_to, source, region_code, about_id, state) from stdin with (format csv)`,
      (function* () {
        for (const v of registryVersions) {
          const about = v.subjectType === 'MarketEntity' ? v.subjectId : (v.state.entityId as string);
          yield csvLine(
            v.subjectType,
            v.subjectId,
            v.from,
            v.to,
            'registry',
            v.regionCode,
            about,
            JSON.stringify(v.state),
          );
        }
      })(),
    );
    await copyCsv(
      client,
      'copy fact_version (id, subject_type, subject_id, region_code, valid_from, valid_to, state, listed_in, reason, recorded_at, recorded_by) from stdin with (format csv)',
      (function* () {
        for (const h of history)
          yield csvLine(
            crypto.randomUUID(),
            h.type,
            h.id,
            h.regionCode,
            h.from,
            h.to,
            JSON.stringify(h.state),
            h.listedIn ?? null,
            'GENERATED',
            now,
            'bench',
          );
      })(),
    );
    await loadFigureDeltas(client, deltas);
    // Derived with the subgraph's own definitions above: their current rules, nothing to re-derive at start.
    for (const definition of organizationsSubgraph.derivedFacts ?? [])
      await client.query(
        'insert into derived_fact_revision (subject_type, revision, derived_at) values ($1, $2, now())',
        [definition.subjectType, definition.revision],
      );
    // The copy is what registry's feed holds up to now: the consumer starts at its end.
    await client.query(`insert into feed_cursor (source, position, applied_at) values ('registry', $1, now())`, [
      `${end}:ffffffff-ffff-ffff-ffff-ffffffffffff`,
    ]);
    await client.query('analyze');
  });
  return { organizations: organizations.length, links: links.length, history: history.length, linksOf };
}

export async function benchOrganizationCoverage(
  adminUrl: string,
  env: SharedEnv,
  registryVersions: readonly GeneratedVersion[],
  townships: readonly string[],
): Promise<void> {
  const started = performance.now();
  const generated = await generate(adminUrl, env.DB_ROLE_PASSWORD, registryVersions, townships);
  console.log(
    `\norganizations: ${generated.organizations} joint branches (20% dissolved), ${generated.links} coverage links, ${generated.history} history rows, built in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
  const registry = await startSubgraph(registrySubgraph, { env, adminUrl, port: 0, prepare: false });
  const organizations = await startSubgraph(organizationsSubgraph, {
    env,
    adminUrl,
    port: 0,
    prepare: false,
    feedUrls: { registry: new URL(registry.url).origin },
  });
  const gateway = await startGateway({
    env: parseGatewayEnv({ GATEWAY_PORT: '0', LOG_LEVEL: 'error' }),
    subgraphUrls: { registry: registry.url, organizations: organizations.url },
  });
  const analyst = await signDevToken(env, { regionCode: '33', roles: ['analyst'] });
  const admin = await signDevToken(env, { regionCode: '33', roles: ['admin'] });
  const ask = async (query: string, token = analyst, variables: Record<string, unknown> = {}) => {
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { errors?: unknown; data?: any };
    if (body.errors) throw new Error(`bad answer: ${JSON.stringify(body.errors).slice(0, 300)}`);
    return body.data;
  };
  try {
    await withConnection(adminUrl, async (client) => {
      const direct = (await client.query(DIRECT)).rows;
      const served = await ask(QUERY);
      const province = direct.find((row) => row.county === '33')!;
      const rate = served.region.organizationFigures.coverage.organizationCoverage;
      if (rate.numerator !== Number(province.covered) || rate.denominator !== Number(province.operating)) {
        throw new Error(
          `coverage differs from the direct count: ${JSON.stringify(rate)} vs ${province.covered}/${province.operating}`,
        );
      }
      for (const county of served.regions as {
        code: string;
        organizationFigures: { coverage: { organizationCoverage: { numerator: number; denominator: number } } };
      }[]) {
        const row = direct.find((candidate) => candidate.county === county.code);
        const counted = county.organizationFigures.coverage.organizationCoverage;
        if (counted.numerator !== Number(row?.covered ?? 0) || counted.denominator !== Number(row?.operating ?? 0))
          throw new Error(`county ${county.code} differs from the direct count`);
      }
      console.log(
        `check: 浙江省 live coverage ${rate.numerator}/${rate.denominator} (${((100 * rate.numerator) / rate.denominator).toFixed(1)}%), equal to the direct count for the province and every county`,
      );
      const servedLatency = await latency(() => ask(QUERY), RUNS);
      const directLatency = await latency(() => client.query(DIRECT), Math.min(RUNS, 10), 1);
      console.log(
        `\none operation: organization coverage of 浙江省 and its counties, live, ${RUNS} runs after 5 warm-up`,
      );
      console.log(
        '| gateway p50 | gateway p95 | direct SQL over entities, links, organizations p50 | p95 | direct ÷ gateway (p50) |\n|---|---|---|---|---|',
      );
      console.log(
        `| ${ms(servedLatency.p50)} ms | ${ms(servedLatency.p95)} ms | ${ms(directLatency.p50)} ms | ${ms(directLatency.p95)} ms | ${(directLatency.p50 / servedLatency.p50).toFixed(1)}× |`,
      );
      const pastLatency = await latency(
        () => ask(QUERY.replaceAll('organizationFigures', 'organizationFigures(asOf: "2020-12-31")')),
        RUNS,
      );
      console.log(`as of 2020-12-31 through the gateway: p50 ${ms(pastLatency.p50)} ms, p95 ${ms(pastLatency.p95)} ms`);
      // Profile of that operation: each part on its own, same run (p50 of RUNS after warm-up).
      const codes = ['33', ...(served.regions as { code: string }[]).map((region) => region.code)];
      const sqlLatency = await latency(
        () =>
          regionScopedEntityManager(organizations.orm, '33').transactional((tx) =>
            readFigures(tx, codes, organizationsSubgraph.metrics, today()),
          ),
        RUNS,
      );
      const post = async (url: string, query: string, variables: Record<string, unknown> = {}) => {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${analyst}` },
          body: JSON.stringify({ query, variables }),
        });
        const body = (await response.json()) as { errors?: unknown };
        if (body.errors) throw new Error(`bad answer: ${JSON.stringify(body.errors).slice(0, 300)}`);
      };
      const entitiesQuery = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Region { ${COVERAGE} } } }`;
      const representations = codes.map((code) => ({ __typename: 'Region', code }));
      const subgraphLatency = await latency(() => post(organizations.url, entitiesQuery, { r: representations }), RUNS);
      const registryLatency = await latency(
        () => post(registry.url, '{ region(code: "33") { code } regions(parentCode: "33", level: COUNTY) { code } }'),
        RUNS,
      );
      console.log(
        `profile (p50): the figures statement for the ${codes.length} regions ${ms(sqlLatency.p50)} ms; organizations ` +
          `subgraph alone (HTTP, parse, validate, execute, serialize) ${ms(subgraphLatency.p50)} ms; registry's part ` +
          `alone ${ms(registryLatency.p50)} ms; through the gateway ${ms(servedLatency.p50)} ms, so planning, merging ` +
          `and the hops between ≈ ${ms(servedLatency.p50 - subgraphLatency.p50 - registryLatency.p50)} ms`,
      );
      // Rankings by coverage rate (kit's rankChildren): the 11 cities of 浙江省, the counties of 杭州.
      for (const [code, level] of [
        ['33', ''],
        ['33', ', level: COUNTY'],
        ['3301', ''],
      ]) {
        const ranking = `{ region(code: "${code}") { organizationRanking(by: ORGANIZATION_COVERAGE${level}) { rank value region { code } } } }`;
        const ranked = (await ask(ranking)).region.organizationRanking as unknown[];
        const rankingLatency = await latency(() => ask(ranking), RUNS);
        console.log(
          `ranking of ${ranked.length} regions under ${code}${level ? ' (every county)' : ''} by coverage rate through the gateway: p50 ${ms(rankingLatency.p50)} ms, p95 ${ms(rankingLatency.p95)} ms`,
        );
      }
      // The "six 100%" list officials page through: first page and its total, for the province and one county.
      const county = (served.regions as { code: string }[])[0]!.code;
      for (const code of ['33', county]) {
        const list = () =>
          ask(
            `{ standaloneCapableWithoutOrganization(regionCode: "${code}", first: 50) { totalCount edges { node { entity { id } } } } }`,
          );
        const direct = () => client.query(DIRECT_LIST, [`${code}%`]);
        const servedList = (await list()).standaloneCapableWithoutOrganization;
        const directList = (await direct()).rows[0];
        if (
          servedList.totalCount !== Number(directList.total) ||
          servedList.edges.map((edge: { node: { entity: { id: string } } }) => edge.node.entity.id).join() !==
            directList.page.join()
        )
          throw new Error(`the standalone-capable list of ${code} differs from the direct query`);
        const listLatency = await latency(list, Math.min(RUNS, 20));
        const directListLatency = await latency(direct, Math.min(RUNS, 10), 1);
        console.log(
          `standalone-capable list of ${code} (first 50 of ${servedList.totalCount}, equal to the direct query): gateway p50 ${ms(listLatency.p50)} ms, p95 ${ms(listLatency.p95)} ms; ` +
            `direct SQL over entities, members, links, organizations p50 ${ms(directListLatency.p50)} ms, p95 ${ms(directListLatency.p95)} ms`,
        );
      }
    });

    // Feed delay: a covered operating entity suspended in registry, until its township's covered count drops.
    const delays: number[] = [];
    const candidates = [...generated.linksOf.keys()];
    const random = seededRandom(7);
    const day = today();
    for (let i = 0; i < DELAY_SAMPLES; i++) {
      const entityId = random.pick(candidates);
      const entity = await ask(`query($id: ID!) { marketEntity(id: $id) { status regionCode } }`, admin, {
        id: entityId,
      });
      if (entity.marketEntity.status !== 'OPERATING') continue;
      const township = entity.marketEntity.regionCode.slice(0, 9);
      const count = async () =>
        (await ask(`query($code: ID!) { region(code: $code) { ${COVERAGE} } }`, analyst, { code: township })).region
          .organizationFigures.coverage.organizationCoverage.denominator as number;
      const before = await count();
      const written = performance.now();
      await ask(
        `mutation($id: ID!, $on: LocalDate!) { changeMarketEntityStatus(id: $id, status: SUSPENDED, effectiveOn: $on) { id } }`,
        admin,
        { id: entityId, on: day },
      );
      while ((await count()) === before) {
        if (performance.now() - written > 30_000) throw new Error('the feed did not deliver a suspension within 30 s');
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      delays.push(performance.now() - written);
    }
    delays.sort((a, b) => a - b);
    const at = (q: number) => delays[Math.min(delays.length - 1, Math.floor(q * delays.length))]!;
    console.log(
      `feed delay, registry write → changed coverage figure (through the gateway, ${delays.length} suspensions): p50 ${ms(at(0.5))} ms, p95 ${ms(at(0.95))} ms`,
    );

    // Catch-up after a bulk write: a registration form imported into 西湖区 through the gateway (units
    // registered, members added), until organizations counts every new unit in its coverage base.
    const xihu = '330106';
    const form = await writeRegistrationForm(
      sampleRegistrationForm(
        IMPORT_ROWS,
        townships.filter((code) => code.startsWith(xihu)),
        9,
      ),
      'CSV',
    );
    const coverageBase = async () =>
      (await ask(`{ region(code: "${xihu}") { ${COVERAGE} } }`)).region.organizationFigures.coverage
        .organizationCoverage.denominator as number;
    const importStarted = performance.now();
    // Too large for one request (IMPORT_SYNC_MAX_ROWS): a job, followed until it is done however slow the machine.
    const started = (
      await ask(
        `mutation($file: String!) { startPartyMemberImport(contentBase64: $file, format: CSV, regionCode: "${xihu}") { id } }`,
        admin,
        {
          file: form.toString('base64'),
        },
      )
    ).startPartyMemberImport;
    let imported: { unitsCreated: number };
    for (;;) {
      const job = (
        await ask(
          `query($id: ID!) { partyMemberImport(id: $id) { status message result { accepted unitsCreated } } }`,
          admin,
          { id: started.id },
        )
      ).partyMemberImport;
      if (job.status === 'SUCCEEDED') {
        imported = job.result;
        break;
      }
      if (job.status === 'REJECTED' || job.status === 'FAILED')
        throw new Error(`the bench's import job ended ${job.status}: ${job.message}`);
      if (performance.now() - importStarted > 600_000)
        throw new Error('the import job did not finish within 10 minutes');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const answered = performance.now();
    const operating = (
      await ask(
        `{ region(code: "${xihu}") { registryFigures { marketEntities { byStatus { status count } } } } }`,
        admin,
      )
    ).region.registryFigures.marketEntities.byStatus.find((entry: { status: string }) => entry.status === 'OPERATING')
      .count as number;
    while ((await coverageBase()) !== operating) {
      if (performance.now() - answered > 300_000)
        throw new Error('organizations did not catch up with the import within 5 minutes');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const caughtUp = performance.now();
    console.log(
      `bulk write: a ${IMPORT_ROWS}-row form (${imported.unitsCreated} new units) imported through the gateway as a job in ${((answered - importStarted) / 1000).toFixed(1)} s; ` +
        `organizations' coverage of ${xihu} counted every new unit ${((caughtUp - answered) / 1000).toFixed(1)} s after the job finished`,
    );

    if (REDERIVE) {
      // What a new coverage rule costs at start: every entity re-derived (a rule giving the same states: reads, derivation, comparison).
      const owner = await openOwnerOrm(organizationsSubgraph.database, {
        adminUrl,
        rolePassword: env.DB_ROLE_PASSWORD,
      });
      try {
        const started = performance.now();
        const [done] = await rederiveStaleDefinitions(owner, [
          { ...entityCoverageFacts, revision: `${entityCoverageFacts.revision};bench` },
        ]);
        const seconds = (performance.now() - started) / 1000;
        console.log(
          `re-deriving every entity's coverage under a new rule: ${done!.records} entities in ${seconds.toFixed(1)} s (${Math.round(done!.records / seconds)}/s), ${done!.changed} changed`,
        );
      } finally {
        await owner.close();
      }
    }
  } finally {
    await gateway.stop();
    await organizations.stop();
    await registry.stop();
  }
}
