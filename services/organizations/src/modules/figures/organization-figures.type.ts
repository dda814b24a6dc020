import { Field, Int, ObjectType } from 'type-graphql';
import { ListSize, MarketEntityKind, Rate } from '@xgz/kit';
import { OrganizationFormation } from '../organization-record/organization-formation.js';
import { OrganizationLevel } from '../organization-record/organization-level.js';
import { PartyWorkerKind } from '../party-worker/party-worker-kind.js';
import { CoverageDenominator } from './coverage-denominator.js';

@ObjectType('OrganizationLevelCount')
export class OrganizationLevelCount {
  @Field(() => OrganizationLevel)
  level!: OrganizationLevel;

  @Field(() => Int)
  count!: number;
}

@ObjectType('OrganizationFormationCount')
export class OrganizationFormationCount {
  @Field(() => OrganizationFormation)
  formation!: OrganizationFormation;

  @Field(() => Int)
  count!: number;
}

@ObjectType('PartyWorkerKindCount')
export class PartyWorkerKindCount {
  @Field(() => PartyWorkerKind)
  kind!: PartyWorkerKind;

  @Field(() => Int)
  count!: number;
}

@ObjectType('CoverageRates', {
  description: 'The two coverages (两个覆盖) over one denominator; every rate with its numerator and denominator.',
})
export class CoverageRates {
  @Field(() => Rate, {
    description:
      'Organization coverage rate (党的组织覆盖率): entities with their own organization or covered by a joint one (and attached, unless COVERAGE_COUNTS_ATTACHED=false) ÷ denominator.',
  })
  organizationCoverage!: Rate;

  @Field(() => Rate, {
    description: 'Standalone rate (单独组建率): entities with their own organization ÷ denominator.',
  })
  standaloneRate!: Rate;

  @Field(() => Rate, {
    description:
      'Work coverage rate (党的工作覆盖率): entities covered by any organization or with an instructor/liaison assigned ÷ denominator.',
  })
  workCoverage!: Rate;
}

@ObjectType('KindCoverage')
export class KindCoverage extends CoverageRates {
  @Field(() => MarketEntityKind)
  kind!: MarketEntityKind;
}

@ObjectType('OrganizationFigures', {
  description: 'Party organization figures (党组织统计) of a region subtree, live or as of a date.',
})
export class OrganizationFigures {
  @Field(() => String, { description: 'The date the figures are as of.' })
  asOf!: string;

  @Field(() => CoverageDenominator, { description: 'The denominator the coverage rates are taken over.' })
  denominator!: CoverageDenominator;

  @Field(() => Int, { description: 'Active organizations (党组织数).' })
  organizations!: number;

  @ListSize(3)
  @Field(() => [OrganizationLevelCount], { description: 'Active organizations by level.' })
  byLevel!: OrganizationLevelCount[];

  @ListSize(6)
  @Field(() => [OrganizationFormationCount], { description: 'Active organizations by how they were formed.' })
  byFormation!: OrganizationFormationCount[];

  @Field(() => CoverageRates, { description: 'Coverage over the chosen denominator, all kinds together.' })
  coverage!: CoverageRates;

  @ListSize(3)
  @Field(() => [KindCoverage], { description: 'Coverage over the chosen denominator, by entity kind.' })
  coverageByKind!: KindCoverage[];

  @Field(() => Int, {
    description:
      'Entities able to form their own branch (≥ 3 formal members) that have none (具备条件未单独组建) — operating entities.',
  })
  standaloneCapableWithoutOwn!: number;

  @ListSize(4)
  @Field(() => [PartyWorkerKindCount], { description: 'Serving party workers by kind (党建指导员, 联络员…).' })
  workers!: PartyWorkerKindCount[];

  @Field(() => Rate, {
    description:
      '三会一课 on schedule (按期开展率): branches and general branches that held each kind within its configured interval (general meeting 3 months, committee 1, group 1, lecture 3 by default; nothing is due in the first interval after forming) ÷ living branches and general branches.',
  })
  meetingSchedule!: Rate;

  @Field(() => Rate, {
    description:
      '"六有" venue standard (六有达标率): living organizations whose latest check has all six items ÷ living organizations.',
  })
  venueStandard!: Rate;

  @Field(() => Rate, {
    description:
      'Terms overdue (逾期未换届): living organizations whose term (from the latest election) has ended ÷ living organizations.',
  })
  termsOverdue!: Rate;

  @Field(() => Rate, {
    description:
      "Members out of organization life (未参加组织生活): members on the books who belong to an organization's life and attended no meeting in the last ORGANIZATION_LIFE_GAP_MONTHS (6) months, having belonged that long ÷ members who belong to one. Counted at the member's region.",
  })
  membersOutOfLife!: Rate;

  @Field(() => Rate, {
    description:
      "Markets with a party organization inside (市场党组织覆盖): open markets (from organizations' copy of markets' facts) where a living organization sits (hostKind MARKET) ÷ open markets. Counted at the market's region.",
  })
  marketsWithOrganization!: Rate;
}
