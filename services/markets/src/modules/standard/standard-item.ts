import { registerEnumType } from 'type-graphql';

/** The six items of the "六化" standard for party building in a market (seed 002). */
export enum StandardItem {
  MEMBER_INFORMATION = 'MEMBER_INFORMATION',
  ORGANIZATION_COVERAGE = 'ORGANIZATION_COVERAGE',
  RULES = 'RULES',
  ROLE = 'ROLE',
  EDUCATION = 'EDUCATION',
  SUPPORT = 'SUPPORT',
}

export const STANDARD_ITEMS = Object.values(StandardItem);

registerEnumType(StandardItem, {
  name: 'StandardItem',
  description: 'An item of the "六化" standard (规范化建设 六化标准).',
  valuesConfig: {
    MEMBER_INFORMATION: { description: 'Member information kept current (党员信息动态化).' },
    ORGANIZATION_COVERAGE: { description: 'Organization coverage effective (组织覆盖有效化).' },
    RULES: { description: 'Rules standardized: 三会一课, democratic discussion (制度建设规范化).' },
    ROLE: { description: 'Role substantive: 三亮 plates at the stalls (作用发挥实质化).' },
    EDUCATION: { description: 'Education institutionalized: at least 2 trainings a year (教育培训制度化).' },
    SUPPORT: {
      description: 'Support normal: 1–2 party workers, a notice board, an activity room, funding (工作保障常态化).',
    },
  },
});
