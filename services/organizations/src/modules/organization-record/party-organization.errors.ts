import { domainError } from '@xgz/kit';

/** Domain error codes of organizations; the gateway passes these through as they are. */
export const OrganizationsErrorCode = {
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
  /** A living organization of the same region, host, level and name exists. */
  Duplicate: 'DUPLICATE_ORGANIZATION',
  /** The host entity has a living standalone organization already: at most one per entity. */
  StandaloneExists: 'STANDALONE_ORGANIZATION_EXISTS',
  /** The parent is dissolved: no organization lives under a dissolved one. */
  ParentDissolved: 'PARENT_DISSOLVED',
  /** A dissolution dated on or before something recorded against the organization (coverage, a post, a meeting…). */
  DissolutionBeforeRecords: 'DISSOLUTION_BEFORE_RECORDS',
  /** A date before the entity or member was registered in registry. */
  BeforeRegistration: 'BEFORE_REGISTRATION',
  /** The worker is assigned to that target already. */
  AlreadyAssigned: 'ALREADY_ASSIGNED',
  /** A member placed outside the organization's region: the organization's readers could not see them. */
  MemberOutsideOrganization: 'MEMBER_OUTSIDE_ORGANIZATION_REGION',
} as const;

export const organizationDissolved = (name: string, on: string) =>
  domainError(
    OrganizationsErrorCode.Dissolved,
    `${name} was dissolved on ${on}: re-form it (reformPartyOrganization) before changing it.`,
  );

export const organizationActive = (name: string) =>
  domainError(OrganizationsErrorCode.Active, `${name} is active: only a dissolved organization can be re-formed.`);

export const parentDissolved = (name: string, on: string) =>
  domainError(
    OrganizationsErrorCode.ParentDissolved,
    `The parent ${name} was dissolved on ${on}: no organization lives under a dissolved one (re-form it, or choose another parent).`,
  );

/** Markets publish no markets to organizations yet (the markets subgraph is being built): an id that cannot be checked is refused. */

/** Nothing about a record may be dated before registry registered it. */
export const beforeRegistration = (argument: string, what: string, id: string, date: string, registeredOn: string) =>
  domainError(
    OrganizationsErrorCode.BeforeRegistration,
    `${argument} ${date} is before ${what} ${id} was registered (${registeredOn}): date it on or after ${registeredOn}.`,
    {
      field: argument,
    },
  );
