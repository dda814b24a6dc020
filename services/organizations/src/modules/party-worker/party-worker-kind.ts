import { registerEnumType } from 'type-graphql';

/** People who carry party work to entities without (or beside) an organization. */
export enum PartyWorkerKind {
  INSTRUCTOR = 'INSTRUCTOR',
  LIAISON = 'LIAISON',
  FULL_TIME_ORGANIZER = 'FULL_TIME_ORGANIZER',
  SOCIAL_WORKER = 'SOCIAL_WORKER',
}

registerEnumType(PartyWorkerKind, {
  name: 'PartyWorkerKind',
  description: 'Kind of party worker.',
  valuesConfig: {
    INSTRUCTOR: { description: 'Party-building instructor (党建指导员)' },
    LIAISON: { description: 'Liaison (联络员)' },
    FULL_TIME_ORGANIZER: { description: 'Full-time organizer (专职党务工作者), e.g. in a large market' },
    SOCIAL_WORKER: { description: 'Party-work social worker (党建社工)' },
  },
});

/** Assignments to an entity make party work reach it (work coverage, 工作覆盖). */
export enum AssignmentTargetKind {
  ORGANIZATION = 'ORGANIZATION',
  MARKET_ENTITY = 'MARKET_ENTITY',
  MARKET = 'MARKET',
}

registerEnumType(AssignmentTargetKind, {
  name: 'AssignmentTargetKind',
  description: 'What a party worker is assigned to.',
  valuesConfig: {
    ORGANIZATION: { description: 'A party organization (党组织)' },
    MARKET_ENTITY: {
      description:
        'A market entity (市场主体): an instructor or liaison assigned counts toward its work coverage (WORK_COVERAGE_WORKER_KINDS)',
    },
    MARKET: {
      description:
        'A market (市场) of the markets subgraph: full-time organizers and social workers per market; open on the day and inside your region.',
    },
  },
});
