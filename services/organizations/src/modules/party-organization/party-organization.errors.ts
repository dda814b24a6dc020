import { domainError } from '@xgz/kit';

/** Domain error codes of organizations; the gateway passes these through as they are. */
export const OrganizationErrorCode = {
  ParentLevel: 'ORGANIZATION_PARENT_LEVEL',
  Cycle: 'ORGANIZATION_CYCLE',
  Dissolved: 'ORGANIZATION_DISSOLVED',
  Active: 'ORGANIZATION_ACTIVE',
  HasActiveChildren: 'ORGANIZATION_HAS_ACTIVE_CHILDREN',
  StandaloneTooFewMembers: 'STANDALONE_TOO_FEW_MEMBERS',
  EntityOutsideOrganization: 'ENTITY_OUTSIDE_ORGANIZATION_REGION',
  AlreadyCovered: 'ALREADY_COVERED',
  NotCovered: 'NOT_COVERED',
  MemberNotOnBooks: 'MEMBER_NOT_ON_BOOKS',
  RoleHeld: 'ROLE_ALREADY_HELD',
  RoleEnded: 'ROLE_ENDED',
  MembershipOpen: 'ALREADY_IN_ORGANIZATION_LIFE',
  NotInOrganizationLife: 'NOT_IN_ORGANIZATION_LIFE',
  MeetingHeld: 'MEETING_ALREADY_HELD',
  OrganizationNotAlive: 'ORGANIZATION_NOT_ALIVE_ON_DATE',
  ElectionRecorded: 'ELECTION_ALREADY_RECORDED',
} as const;

export const organizationDissolved = (name: string, on: string) =>
  domainError(OrganizationErrorCode.Dissolved, `${name} was dissolved on ${on}: re-form it (reformPartyOrganization) before changing it.`);

export const organizationActive = (name: string) => domainError(OrganizationErrorCode.Active, `${name} is active: only a dissolved organization can be re-formed.`);
