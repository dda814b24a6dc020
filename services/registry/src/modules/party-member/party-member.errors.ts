import { domainError } from '@xgz/kit';

export const duplicateMember = () =>
  domainError('DUPLICATE_MEMBER', 'This person (same name and mobile) is already registered in this unit: change the existing record instead.');

export const memberNotActive = (status: string) =>
  domainError('MEMBER_NOT_ACTIVE', `The member is ${status}: a member who left or moved out cannot be changed (records are kept for the figures).`);

export const invalidFindingTransition = (from: string, to: string) =>
  domainError('INVALID_FINDING_TRANSITION', `Cannot go from ${from} to ${to}${from === 'FALSE_RECORD' ? ': a false record is final' : ''}.`);
