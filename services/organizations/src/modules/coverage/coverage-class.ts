import { registerEnumType } from 'type-graphql';

/** How an entity is reached by the party on a date, strongest first (an entity has one class). */
export enum CoverageClass {
  /** Covered by a living standalone organization: it has its own (单独建). */
  OWN = 'OWN',
  /** Covered by a living joint, regional-joint, sent-organizer or sector-wide organization (联合建…). */
  JOINT = 'JOINT',
  /** Covered only by a living attached organization (挂靠建). */
  ATTACHED = 'ATTACHED',
  /** No organization, but a worker of a kind in WORK_COVERAGE_WORKER_KINDS assigned (work coverage only). */
  INSTRUCTOR = 'INSTRUCTOR',
  NONE = 'NONE',
}

registerEnumType(CoverageClass, {
  name: 'CoverageClass',
  description: 'How a market entity is reached by the party on a date (覆盖情况), strongest first.',
  valuesConfig: {
    OWN: { description: 'Its own organization (单独建立党组织).' },
    JOINT: { description: 'Covered by a joint organization (联合建, 区域联建, 派员组建, 行业统建).' },
    ATTACHED: { description: 'Covered only by an attached organization (挂靠建).' },
    INSTRUCTOR: {
      description:
        'No organization; an instructor or liaison (the kinds WORK_COVERAGE_WORKER_KINDS names) is assigned (党的工作覆盖).',
    },
    NONE: { description: 'Not reached.' },
  },
});
