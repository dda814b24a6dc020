import { registerEnumType } from 'type-graphql';

/** Kinds of organization-life meeting: the four of 三会一课, the themed party day and the organization life meeting. */
export enum MeetingType {
  BRANCH_GENERAL_MEETING = 'BRANCH_GENERAL_MEETING',
  BRANCH_COMMITTEE_MEETING = 'BRANCH_COMMITTEE_MEETING',
  GROUP_MEETING = 'GROUP_MEETING',
  PARTY_LECTURE = 'PARTY_LECTURE',
  THEMED_DAY = 'THEMED_DAY',
  ORGANIZATION_LIFE_MEETING = 'ORGANIZATION_LIFE_MEETING',
}

registerEnumType(MeetingType, {
  name: 'MeetingType',
  description: 'Kind of organization-life meeting (组织生活).',
  valuesConfig: {
    BRANCH_GENERAL_MEETING: { description: 'Branch general meeting (支部党员大会), 三会一课' },
    BRANCH_COMMITTEE_MEETING: { description: 'Branch committee meeting (支委会), 三会一课' },
    GROUP_MEETING: { description: 'Party group meeting (党小组会), 三会一课' },
    PARTY_LECTURE: { description: 'Party lecture (党课), 三会一课' },
    THEMED_DAY: { description: 'Themed party day (主题党日)' },
    ORGANIZATION_LIFE_MEETING: { description: 'Organization life meeting (组织生活会)' },
  },
});

/** Why an expected member was absent (缺席原因). */
export enum AbsenceReason {
  ILLNESS = 'ILLNESS',
  BUSINESS = 'BUSINESS',
  UNEXCUSED = 'UNEXCUSED',
}

registerEnumType(AbsenceReason, {
  name: 'AbsenceReason',
  description: 'Why an expected member was absent (缺席原因).',
  valuesConfig: {
    ILLNESS: { description: 'Illness (病假)' },
    BUSINESS: { description: 'Business (事假)' },
    UNEXCUSED: { description: 'Unexcused (无故缺席)' },
  },
});
