/**
 * Derived facts follow their current rule: periods derived under another revision (another code
 * version, another 三会一课 interval, or never recorded) are re-derived before the subgraph serves,
 * and the figures move with them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DerivedFactRevisionEntity,
  FactHistory,
  openOwnerOrm,
  rederiveStaleDefinitions,
  startSubgraph,
  type DerivedFactDefinition,
  type RunningSubgraph,
} from '@xgz/kit';
import { executeGraphQL, resolveEntities, startTestSubgraphs, tokenFor, type SubgraphHarness } from '@xgz/testkit';
import { organizationsSubgraph } from '../src/server.js';
import {
  organizationStandingFacts,
  type OrganizationStandingInputs,
  type OrganizationStandingState,
} from '../src/modules/standing/organization-standing.derived.js';
import { memberLifeFacts } from '../src/modules/organization-life/member-life.derived.js';
import { entityCoverageFacts } from '../src/modules/coverage/entity-coverage.derived.js';
import { organizationsSettings } from '../src/organizations.settings.js';

const TOWNSHIP = '330106002';
const FORM = `mutation($input: FormPartyOrganizationInput!) { formPartyOrganization(input: $input) { organization { id } } }`;
const VENUE = `mutation($id: ID!, $input: VenueCheckInput!) { recordVenueCheck(organizationId: $id, input: $input) { checkedOn } }`;
const FIGURES = `... on Region { organizationFigures(asOf: "2024-06-30") { organizations venueStandard { numerator denominator } termsOverdue { numerator denominator } } }`;

let harness: SubgraphHarness;
let organizations: RunningSubgraph;
let token: string;
const owner = () =>
  openOwnerOrm(organizationsSubgraph.database, {
    adminUrl: harness.database.adminUrl,
    rolePassword: harness.env.DB_ROLE_PASSWORD,
  });

async function figures(url = organizations.url) {
  const response = await resolveEntities(url, token, [{ __typename: 'Region', code: TOWNSHIP }], FIGURES);
  expect(response.errors).toBeUndefined();
  return response.data._entities[0].organizationFigures;
}

beforeAll(async () => {
  harness = await startTestSubgraphs([organizationsSubgraph]);
  organizations = harness.subgraphs.organizations!;
  token = await tokenFor(harness.env, '3301');
  for (const [established, meets] of [
    ['2015-03-01', true],
    ['2019-09-01', false],
    ['2022-01-01', true],
  ] as const) {
    const formed = await executeGraphQL(organizations.url, FORM, {
      token,
      variables: {
        input: {
          name: `联合党支部 ${established}`,
          level: 'BRANCH',
          formation: 'JOINT',
          regionCode: TOWNSHIP,
          hostKind: 'ASSOCIATION',
          hostName: '个私协会',
          establishedOn: established,
        },
      },
    });
    expect(formed.errors).toBeUndefined();
    const id = formed.data.formPartyOrganization.organization.id;
    const checked = await executeGraphQL(organizations.url, VENUE, {
      token,
      variables: {
        id,
        input: {
          checkedOn: '2023-05-01',
          place: true,
          facilities: true,
          sign: true,
          flag: true,
          booksAndPapers: true,
          rules: meets,
        },
      },
    });
    expect(checked.errors).toBeUndefined();
  }
});

afterAll(async () => {
  // The subgraph restarted by a test is not the one the harness started.
  await organizations?.stop().catch(() => {});
  await harness?.stop();
});

describe('derived facts and their rule', () => {
  it('records the revision each kind was derived under, and re-derives nothing when it is unchanged', async () => {
    const orm = await owner();
    try {
      const stored = await orm.em.fork().find(DerivedFactRevisionEntity, {}, { orderBy: { subjectType: 'asc' } });
      expect(stored.map((row) => [row.subjectType, row.revision])).toEqual(
        organizationsSubgraph
          .derivedFacts!.map((definition) => [definition.subjectType, definition.revision])
          .sort(([a], [b]) => a!.localeCompare(b!)),
      );
      expect(await rederiveStaleDefinitions(orm, organizationsSubgraph.derivedFacts!)).toEqual([]);
    } finally {
      await orm.close();
    }
  });

  it('re-derives records derived before revisions were kept when the subgraph starts, and the figures come back', async () => {
    const before = await figures();
    // 3 branches alive on 2024-06-30, two with all six of 六有, one formed 2015 past its 3-year term.
    expect(before).toEqual({
      organizations: 3,
      venueStandard: { numerator: 2, denominator: 3 },
      termsOverdue: { numerator: 2, denominator: 3 },
    });
    const orm = await owner();
    try {
      // As organizations formed before standing facts existed: no periods (figures moved out with them), no revision.
      const em = orm.em.fork();
      const ids = (await em.execute<{ id: string }[]>('select id from party_organization')).map((row) => row.id);
      await em.transactional((tx) =>
        new FactHistory(tx, organizationStandingFacts).replaceMany(new Map(ids.map((id) => [id, []])), {
          reason: 'TEST',
          actor: 'test',
        }),
      );
      await em.nativeDelete(DerivedFactRevisionEntity, { subjectType: organizationStandingFacts.subjectType });
    } finally {
      await orm.close();
    }
    expect((await figures()).venueStandard).toEqual({ numerator: 0, denominator: 0 });

    await organizations.stop();
    organizations = await startSubgraph(organizationsSubgraph, {
      env: harness.env,
      adminUrl: harness.database.adminUrl,
      port: 0,
      prepare: false,
    });
    harness.subgraphs.organizations = organizations;
    expect(await figures()).toEqual(before);
  });

  it('re-derives every record under a changed rule, moving the figures to it, and back', async () => {
    const before = await figures();
    // Another rule for the same kind: every venue counts as meeting the standard.
    const lenient: DerivedFactDefinition<OrganizationStandingInputs, OrganizationStandingState> = {
      ...organizationStandingFacts,
      revision: `${organizationStandingFacts.revision};lenient`,
      stateOn: (inputs, date) => {
        const state = organizationStandingFacts.stateOn(inputs, date);
        return state && { ...state, venueMeets: true };
      },
    };
    const orm = await owner();
    try {
      const changed = await rederiveStaleDefinitions(orm, [lenient]);
      expect(changed).toEqual([
        {
          subjectType: 'OrganizationStanding',
          from: organizationStandingFacts.revision,
          to: lenient.revision,
          records: 3,
          changed: 3,
        },
      ]);
      expect((await figures()).venueStandard).toEqual({ numerator: 3, denominator: 3 });
      expect(await rederiveStaleDefinitions(orm, [lenient])).toEqual([]);
      await rederiveStaleDefinitions(orm, [organizationStandingFacts]);
    } finally {
      await orm.close();
    }
    expect(await figures()).toEqual(before);
  });

  it('names every setting the standing, organization-life and coverage rules read in their revisions', async () => {
    // The settings a subgraph is started with: bound, not re-imported.
    const revisions = async (env: Record<string, string>) => {
      organizationsSettings.bind(env);
      return [organizationStandingFacts.revision, memberLifeFacts.revision, entityCoverageFacts.revision];
    };
    const defaults = await revisions({});
    for (const setting of [
      'SCHEDULE_GENERAL_MEETING_MONTHS',
      'SCHEDULE_COMMITTEE_MEETING_MONTHS',
      'SCHEDULE_GROUP_MEETING_MONTHS',
      'SCHEDULE_PARTY_LECTURE_MONTHS',
    ]) {
      // Defaults are 3, 1, 1, 3 months.
      const changed = await revisions({ [setting]: '2' });
      expect(changed[0], setting).not.toBe(defaults[0]);
    }
    expect((await revisions({ TERM_YEARS_BRANCH: '4' }))[0]).not.toBe(defaults[0]);
    expect((await revisions({ TERM_YEARS_COMMITTEE: '4' }))[0]).not.toBe(defaults[0]);
    const gap = await revisions({ ORGANIZATION_LIFE_GAP_MONTHS: '9' });
    expect(gap[1]).not.toBe(defaults[1]);
    expect(gap[0]).toBe(defaults[0]);
    // Which workers bring work coverage changes the entities' coverage states; the order it is written in does not.
    const socialWorkers = await revisions({ WORK_COVERAGE_WORKER_KINDS: 'INSTRUCTOR,LIAISON,SOCIAL_WORKER' });
    expect(socialWorkers[2]).not.toBe(defaults[2]);
    expect(socialWorkers.slice(0, 2)).toEqual(defaults.slice(0, 2));
    expect((await revisions({ WORK_COVERAGE_WORKER_KINDS: 'LIAISON, INSTRUCTOR' }))[2]).toBe(defaults[2]);
    await expect(revisions({ WORK_COVERAGE_WORKER_KINDS: 'INSTRUCTOR,TEACHER' })).rejects.toThrow(
      /WORK_COVERAGE_WORKER_KINDS/,
    );
    organizationsSettings.bind(process.env);
  });
});
