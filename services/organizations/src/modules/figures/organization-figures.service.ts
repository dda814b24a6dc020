import type DataLoader from 'dataloader';
import { figureRequest, MarketEntityKind, Rate, type FigureRequest, type Viewer, keptFigure } from '@xgz/kit';
import { organizationsSettings } from '../../organizations.settings.js';
import { CoverageClass } from '../coverage/coverage-class.js';
import { coverageMetric, CoverageSegment } from '../coverage/entity-coverage.derived.js';
import { ENTERPRISE_KINDS } from './enterprise-kinds.js';
import { OrganizationFormation } from '../organization-record/organization-formation.js';
import { OrganizationLevel } from '../organization-record/organization-level.js';
import { organizationMetrics } from '../organization-record/party-organization.facts.js';
import { PartyWorkerKind } from '../party-worker/party-worker-kind.js';
import { workerMetrics } from '../party-worker/party-worker.facts.js';
import { memberLifeMetrics } from '../organization-life/member-life.derived.js';
import { standingMetrics } from '../standing/organization-standing.derived.js';
import { marketOrganizationMetrics } from '../market/market-organization.derived.js';
import { CoverageDenominator } from './coverage-denominator.js';
import type { CoverageRates, OrganizationFigures } from './organization-figures.type.js';

const PARTS = [
  'base',
  CoverageClass.OWN,
  CoverageClass.JOINT,
  CoverageClass.ATTACHED,
  CoverageClass.INSTRUCTOR,
] as const;

/** Every metric organizations pre-aggregates. */
export const organizationMetricNames: string[] = [
  ...organizationMetrics.all(),
  ...workerMetrics.all(),
  ...standingMetrics.all(),
  ...memberLifeMetrics.all(),
  ...marketOrganizationMetrics.all(),
  ...Object.values(CoverageSegment).flatMap((segment) =>
    Object.values(MarketEntityKind).flatMap((kind) => PARTS.map((part) => coverageMetric(segment, kind, part))),
  ),
];

const SEGMENT_OF: Record<CoverageDenominator, CoverageSegment> = {
  [CoverageDenominator.OPERATING]: CoverageSegment.OPERATING,
  [CoverageDenominator.ENTERPRISES]: CoverageSegment.OPERATING,
  [CoverageDenominator.STANDALONE_CAPABLE]: CoverageSegment.STANDALONE_CAPABLE,
  [CoverageDenominator.LARGE_STAFF]: CoverageSegment.LARGE_STAFF,
};

/** Classes counted as organization coverage: own and joint always, attached unless configured out. */
const organizationCovered = () => [
  CoverageClass.OWN,
  CoverageClass.JOINT,
  ...(organizationsSettings.get().COVERAGE_COUNTS_ATTACHED ? [CoverageClass.ATTACHED] : []),
];

/** Rates over a set of kinds: Σ numerators ÷ Σ denominators, never averages. */
function coverageRates(
  values: Map<string, number>,
  segment: CoverageSegment,
  kinds: readonly MarketEntityKind[],
): CoverageRates {
  const value = keptFigure(values, 'organizations');
  const sum = (parts: readonly (CoverageClass | 'base')[]) =>
    kinds.reduce(
      (total, kind) => total + parts.reduce((s, part) => s + value(coverageMetric(segment, kind, part)), 0),
      0,
    );
  const base = sum(['base']);
  return {
    organizationCoverage: Rate.of(sum(organizationCovered()), base),
    standaloneRate: Rate.of(sum([CoverageClass.OWN]), base),
    workCoverage: Rate.of(
      sum([CoverageClass.OWN, CoverageClass.JOINT, CoverageClass.ATTACHED, CoverageClass.INSTRUCTOR]),
      base,
    ),
  };
}

/** Figures of a region subtree, live (asOf omitted) or as of a date, over the chosen denominator. */
export async function organizationFigures(
  figures: DataLoader<FigureRequest, Map<string, number>, string>,
  viewer: Viewer,
  regionCode: string,
  asOf: string | null | undefined,
  denominator: CoverageDenominator,
): Promise<OrganizationFigures> {
  const request = figureRequest(viewer, regionCode, asOf, 'organization figures');
  const values = await figures.load(request);
  const value = keptFigure(values, 'organizations');
  const segment = SEGMENT_OF[denominator];
  const kinds = denominator === CoverageDenominator.ENTERPRISES ? ENTERPRISE_KINDS : Object.values(MarketEntityKind);
  const capable = (part: CoverageClass | 'base') =>
    Object.values(MarketEntityKind).reduce(
      (total, kind) => total + value(coverageMetric(CoverageSegment.STANDALONE_CAPABLE, kind, part)),
      0,
    );
  return {
    asOf: request.asOf,
    denominator,
    organizations: value(organizationMetrics.total),
    byLevel: Object.values(OrganizationLevel).map((level) => ({
      level,
      count: value(organizationMetrics.level(level)),
    })),
    byFormation: Object.values(OrganizationFormation).map((formation) => ({
      formation,
      count: value(organizationMetrics.formation(formation)),
    })),
    coverage: coverageRates(values, segment, kinds),
    coverageByKind: kinds.map((kind) => ({ kind, ...coverageRates(values, segment, [kind]) })),
    standaloneCapableWithoutOwn: capable('base') - capable(CoverageClass.OWN),
    workers: Object.values(PartyWorkerKind).map((kind) => ({ kind, count: value(workerMetrics.kind(kind)) })),
    meetingSchedule: Rate.of(value(standingMetrics.scheduleMet), value(standingMetrics.scheduleBase)),
    venueStandard: Rate.of(value(standingMetrics.venueMet), value(standingMetrics.base)),
    termsOverdue: Rate.of(value(standingMetrics.termOverdue), value(standingMetrics.base)),
    membersOutOfLife: Rate.of(value(memberLifeMetrics.out), value(memberLifeMetrics.members)),
    marketsWithOrganization: Rate.of(
      value(marketOrganizationMetrics.withOrganization),
      value(marketOrganizationMetrics.markets),
    ),
  };
}
