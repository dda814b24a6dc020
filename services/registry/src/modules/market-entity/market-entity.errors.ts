import { domainError } from '@xgz/kit';

export const duplicateCreditCode = (code: string) =>
  domainError('DUPLICATE_CREDIT_CODE', `An entity with credit code ${code} is already registered: look it up instead of registering it again.`, { field: 'creditCode' });

export const invalidStatusTransition = (from: string, to: string) =>
  domainError('INVALID_STATUS_TRANSITION', `Cannot change status from ${from} to ${to}: ${from === 'DEREGISTERED' ? 'a deregistered entity stays deregistered' : 'it already has that status'}.`);

export const invalidConversion = (reason: string) => domainError('INVALID_CONVERSION', `Cannot convert to an enterprise (个转企): ${reason}.`);
