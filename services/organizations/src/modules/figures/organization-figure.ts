import { registerEnumType } from 'type-graphql';
import type { OrganizationFigures } from './organization-figures.type.js';

/** A single organization figure, to rank regions by or follow over time. */
export enum OrganizationFigure {
  ORGANIZATIONS = 'ORGANIZATIONS',
  ORGANIZATION_COVERAGE = 'ORGANIZATION_COVERAGE',
  STANDALONE_RATE = 'STANDALONE_RATE',
  WORK_COVERAGE = 'WORK_COVERAGE',
  STANDALONE_CAPABLE_WITHOUT_OWN = 'STANDALONE_CAPABLE_WITHOUT_OWN',
  MEETING_SCHEDULE = 'MEETING_SCHEDULE',
  VENUE_STANDARD = 'VENUE_STANDARD',
  TERMS_OVERDUE = 'TERMS_OVERDUE',
  MEMBERS_OUT_OF_LIFE = 'MEMBERS_OUT_OF_LIFE',
}

registerEnumType(OrganizationFigure, {
  name: 'OrganizationFigure',
  description: 'One organization figure (a count, or a rate 0–1), as organizationFigures answers it.',
  valuesConfig: {
    ORGANIZATIONS: { description: 'Living party organizations (党组织数).' },
    ORGANIZATION_COVERAGE: { description: 'Organization coverage rate (组织覆盖率).' },
    STANDALONE_RATE: { description: 'Standalone rate (单独组建率).' },
    WORK_COVERAGE: { description: 'Work coverage rate (工作覆盖率).' },
    STANDALONE_CAPABLE_WITHOUT_OWN: {
      description: 'Entities able to form their own organization that have none (应建未建).',
    },
    MEETING_SCHEDULE: { description: '三会一课 on schedule (按期开展率).' },
    VENUE_STANDARD: { description: '"六有" venue standard (六有达标率).' },
    TERMS_OVERDUE: { description: 'Terms overdue (逾期未换届率).' },
    MEMBERS_OUT_OF_LIFE: { description: 'Members out of organization life (未参加组织生活率).' },
  },
});

/** The figure's value in a region's figures: the count, or the rate's value (null without a denominator). */
export function organizationFigureValue(figures: OrganizationFigures, figure: OrganizationFigure): number | null {
  switch (figure) {
    case OrganizationFigure.ORGANIZATIONS:
      return figures.organizations;
    case OrganizationFigure.ORGANIZATION_COVERAGE:
      return figures.coverage.organizationCoverage.value;
    case OrganizationFigure.STANDALONE_RATE:
      return figures.coverage.standaloneRate.value;
    case OrganizationFigure.WORK_COVERAGE:
      return figures.coverage.workCoverage.value;
    case OrganizationFigure.STANDALONE_CAPABLE_WITHOUT_OWN:
      return figures.standaloneCapableWithoutOwn;
    case OrganizationFigure.MEETING_SCHEDULE:
      return figures.meetingSchedule.value;
    case OrganizationFigure.VENUE_STANDARD:
      return figures.venueStandard.value;
    case OrganizationFigure.TERMS_OVERDUE:
      return figures.termsOverdue.value;
    case OrganizationFigure.MEMBERS_OUT_OF_LIFE:
      return figures.membersOutOfLife.value;
  }
}
