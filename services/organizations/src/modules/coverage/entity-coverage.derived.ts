import type { EntityManager } from '@mikro-orm/postgresql';
import {
  anyCovers,
  periodOn,
  spanBounds,
  spanCovers,
  FindingState,
  MarketEntityStatus,
  MemberCategory,
  MembershipStatus,
  RegistryFactType,
  type DerivedFactDefinition,
  type MarketEntityFactState,
  type MarketEntityKind,
  type PartyMemberFactState,
  type Period,
} from '@xgz/kit';
import { organizationsSettings } from '../../organizations.settings.js';
import { OrganizationFormation } from '../organization-record/organization-formation.js';
import { CoverageClass } from './coverage-class.js';
import type { AlivePeriod } from '../organization-record/alive-periods.js';

/** Registry's facts about an entity, as fed (MarketEntity): the state registry publishes. */
export type FedEntityState = MarketEntityFactState;

/** Registry's facts about a member, as fed (PartyMember): the state registry publishes. */
export type FedMemberState = PartyMemberFactState;

/** Formal members working in an entity that make it able to form its own branch (党章: 正式党员 3 人以上). */
export const STANDALONE_CAPABLE_MEMBERS = 3;
/** Staff from which an entity falls in the "≥ 50 staff" denominator (党内统计年报 table 27). */
export const LARGE_STAFF = 50;

export interface EntityCoverageInputs {
  entity: Period<FedEntityState>[];
  members: Period<FedMemberState>[];
  links: { from: string; to: string | null; formation: OrganizationFormation; alive: AlivePeriod[] }[];
  assignments: { from: string; to: string | null; workerKind: string }[];
}

/** The work list of operating entities able to stand alone that have no organization of their own (具备条件未单独组建). */
export const STANDALONE_CAPABLE_WITHOUT_OWN = 'STANDALONE_CAPABLE_WITHOUT_OWN';

/** An operating entity's coverage on a date; non-operating entities have no state (they count nowhere). */
export interface EntityCoverageState extends Record<string, unknown> {
  regionCode: string;
  kind: MarketEntityKind;
  standaloneCapable: boolean;
  largeStaff: boolean;
  coverage: CoverageClass;
}

/** The denominators a coverage rate may be taken over; each entity falls in one or more segments. */
export enum CoverageSegment {
  OPERATING = 'operating',
  STANDALONE_CAPABLE = 'capable',
  LARGE_STAFF = 'staff50',
}

/** metric name: coverage.<segment>.<kind>.<class|base> */
export const coverageMetric = (segment: CoverageSegment, kind: MarketEntityKind, part: CoverageClass | 'base') =>
  `coverage.${segment}.${kind}.${part}`;

const JOINT_FORMATIONS = new Set([
  OrganizationFormation.JOINT,
  OrganizationFormation.REGIONAL_JOINT,
  OrganizationFormation.SENT_ORGANIZER,
  OrganizationFormation.SECTOR_WIDE,
]);

/** The strongest coverage on `date`: own > joint > attached > instructor > none. */
function coverageOn(inputs: EntityCoverageInputs, date: string): CoverageClass {
  let best = CoverageClass.NONE;
  const rank = [
    CoverageClass.OWN,
    CoverageClass.JOINT,
    CoverageClass.ATTACHED,
    CoverageClass.INSTRUCTOR,
    CoverageClass.NONE,
  ];
  const consider = (candidate: CoverageClass) => {
    if (rank.indexOf(candidate) < rank.indexOf(best)) best = candidate;
  };
  for (const link of inputs.links) {
    if (!spanCovers(link, date) || !anyCovers(link.alive, date)) continue;
    if (link.formation === OrganizationFormation.STANDALONE) consider(CoverageClass.OWN);
    else if (JOINT_FORMATIONS.has(link.formation)) consider(CoverageClass.JOINT);
    else consider(CoverageClass.ATTACHED);
  }
  const workKinds: readonly string[] = organizationsSettings.get().WORK_COVERAGE_WORKER_KINDS;
  if (
    best === CoverageClass.NONE &&
    inputs.assignments.some((assignment) => workKinds.includes(assignment.workerKind) && spanCovers(assignment, date))
  ) {
    best = CoverageClass.INSTRUCTOR;
  }
  return best;
}

/** Formal members (正式党员) on the books (active, not a false record) working in the entity on `date`. */
export function formalMembersOn(members: readonly Period<FedMemberState>[], date: string): number {
  return members.filter(
    (period) =>
      spanCovers(period, date) &&
      period.state.category === MemberCategory.FORMAL &&
      period.state.status === MembershipStatus.ACTIVE &&
      period.state.findingState !== FindingState.FALSE_RECORD,
  ).length;
}

/**
 * An entity's coverage (组织覆盖 / 工作覆盖) as a derived dated fact: registry's status, kind, staff
 * and formal members (fed) combined with organizations' coverage links and worker assignments.
 */
export const entityCoverageFacts: DerivedFactDefinition<EntityCoverageInputs, EntityCoverageState> = {
  subjectType: 'EntityCoverage',
  regionOf: (state) => state.regionCode,
  metricsOf: (state) => {
    const segments = [CoverageSegment.OPERATING];
    if (state.standaloneCapable) segments.push(CoverageSegment.STANDALONE_CAPABLE);
    if (state.largeStaff) segments.push(CoverageSegment.LARGE_STAFF);
    return segments.flatMap((segment) => {
      const metrics = [coverageMetric(segment, state.kind, 'base')];
      if (state.coverage !== CoverageClass.NONE) metrics.push(coverageMetric(segment, state.kind, state.coverage));
      return metrics;
    });
  },
  // Attached coverage is chosen when figures are read; which workers bring work coverage is part of the state.
  // A getter: the rule follows settings bound when the subgraph starts.
  get revision() {
    return `coverage-2;work=${organizationsSettings.get().WORK_COVERAGE_WORKER_KINDS.join(',')}`;
  },
  subjects: { from: 'fed_fact', key: 'subject_id', where: `subject_type = '${RegistryFactType.MarketEntity}'` },
  listOf: (state) =>
    state.standaloneCapable && state.coverage !== CoverageClass.OWN ? STANDALONE_CAPABLE_WITHOUT_OWN : null,
  breakpoints: (inputs) => {
    return spanBounds([
      ...inputs.entity,
      ...inputs.members,
      ...inputs.assignments,
      ...inputs.links,
      ...inputs.links.flatMap((link) => link.alive),
    ]);
  },
  stateOn: (inputs, date) => {
    const entity = periodOn(inputs.entity, date)?.state;
    if (!entity || entity.status !== MarketEntityStatus.OPERATING) return null;
    return {
      regionCode: entity.regionCode,
      kind: entity.kind,
      standaloneCapable: formalMembersOn(inputs.members, date) >= STANDALONE_CAPABLE_MEMBERS,
      largeStaff: (entity.employees ?? 0) >= LARGE_STAFF,
      coverage: coverageOn(inputs, date),
    };
  },
  loadInputs: (em, entityIds) => loadEntityCoverageInputs(em, entityIds),
};

/** Three statements whatever the number of entities: fed facts, coverage links, assignments. */
async function loadEntityCoverageInputs(
  em: EntityManager,
  entityIds: readonly string[],
): Promise<Map<string, EntityCoverageInputs>> {
  const ids = JSON.stringify(entityIds);
  const inputs = new Map<string, EntityCoverageInputs>(
    entityIds.map((id) => [id, { entity: [], members: [], links: [], assignments: [] }]),
  );
  const fed = await em.execute<
    {
      about_id: string;
      subject_type: string;
      valid_from: string;
      valid_to: string | null;
      state: Record<string, unknown>;
    }[]
  >(
    `select about_id, subject_type, to_char(valid_from, 'YYYY-MM-DD') as valid_from, to_char(valid_to, 'YYYY-MM-DD') as valid_to, state
       from fed_fact where about_id in (select jsonb_array_elements_text(?::jsonb)::uuid)`,
    [ids],
  );
  for (const row of fed) {
    const target = inputs.get(row.about_id)!;
    const period = { from: row.valid_from, to: row.valid_to, state: row.state };
    if (row.subject_type === RegistryFactType.MarketEntity) target.entity.push(period as Period<FedEntityState>);
    else target.members.push(period as Period<FedMemberState>);
  }
  const links = await em.execute<
    {
      entity_id: string;
      from_date: string;
      to_date: string | null;
      formation: OrganizationFormation;
      organization_alive: AlivePeriod[];
    }[]
  >(
    `select entity_id, to_char(from_date, 'YYYY-MM-DD') as from_date, to_char(to_date, 'YYYY-MM-DD') as to_date, formation, organization_alive
       from coverage_link where entity_id in (select jsonb_array_elements_text(?::jsonb)::uuid)`,
    [ids],
  );
  for (const link of links) {
    inputs.get(link.entity_id)!.links.push({
      from: link.from_date,
      to: link.to_date,
      formation: link.formation,
      alive: link.organization_alive,
    });
  }
  const assignments = await em.execute<
    { target_id: string; from_date: string; to_date: string | null; worker_kind: string }[]
  >(
    `select target_id, to_char(from_date, 'YYYY-MM-DD') as from_date, to_char(to_date, 'YYYY-MM-DD') as to_date, worker_kind
       from worker_assignment where target_kind = 'MARKET_ENTITY' and target_id in (select jsonb_array_elements_text(?::jsonb)::uuid)`,
    [ids],
  );
  for (const assignment of assignments) {
    inputs
      .get(assignment.target_id)!
      .assignments.push({ from: assignment.from_date, to: assignment.to_date, workerKind: assignment.worker_kind });
  }
  return inputs;
}
