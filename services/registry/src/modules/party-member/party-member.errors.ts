import { domainError } from '@xgz/kit';

/** Domain error codes of party members; published in the schema (RegistryErrorCode), passed through by the gateway. */
export const PartyMemberErrorCode = {
  Duplicate: 'DUPLICATE_MEMBER',
  NotActive: 'MEMBER_NOT_ACTIVE',
  InvalidFindingTransition: 'INVALID_FINDING_TRANSITION',
} as const;

export const duplicateMember = () =>
  domainError(
    PartyMemberErrorCode.Duplicate,
    'This person (same name and mobile) is already registered in this unit: change the existing record instead.',
  );

export const memberNotActive = (status: string) =>
  domainError(
    PartyMemberErrorCode.NotActive,
    `The member is ${status}: a member who left or moved out cannot be changed (records are kept for the figures).`,
  );

export const invalidFindingTransition = (from: string, to: string) =>
  domainError(
    PartyMemberErrorCode.InvalidFindingTransition,
    `Cannot go from ${from} to ${to}${from === 'FALSE_RECORD' ? ': a false record is final' : ''}.`,
  );
