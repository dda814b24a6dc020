import { registerEnumType } from 'type-graphql';

/** Level of a party organization (党组织层级). */
export enum OrganizationLevel {
  COMMITTEE = 'COMMITTEE',
  GENERAL_BRANCH = 'GENERAL_BRANCH',
  BRANCH = 'BRANCH',
}

registerEnumType(OrganizationLevel, {
  name: 'OrganizationLevel',
  description: 'Level of a party organization (党组织层级).',
  valuesConfig: {
    COMMITTEE: { description: 'Party committee (党委)' },
    GENERAL_BRANCH: { description: 'General branch (党总支)' },
    BRANCH: { description: 'Branch (党支部)' },
  },
});
