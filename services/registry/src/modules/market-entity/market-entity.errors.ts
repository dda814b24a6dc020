import { domainError } from '@xgz/kit';

/** Domain error codes of market entities; published in the schema (RegistryErrorCode), passed through by the gateway. */
export const MarketEntityErrorCode = {
  DuplicateCreditCode: 'DUPLICATE_CREDIT_CODE',
  InvalidStatusTransition: 'INVALID_STATUS_TRANSITION',
  InvalidConversion: 'INVALID_CONVERSION',
  /** The entity trades in no market: there is nothing to clear. */
  NotInMarket: 'NOT_IN_MARKET',
} as const;

export const duplicateCreditCode = (code: string) =>
  domainError(
    MarketEntityErrorCode.DuplicateCreditCode,
    `An entity with credit code ${code} is already registered: look it up instead of registering it again.`,
    {
      field: 'creditCode',
    },
  );

export const invalidStatusTransition = (from: string, to: string) =>
  domainError(
    MarketEntityErrorCode.InvalidStatusTransition,
    `Cannot change status from ${from} to ${to}: ${from === 'DEREGISTERED' ? 'a deregistered entity stays deregistered' : 'it already has that status'}.`,
  );

export const invalidConversion = (reason: string) =>
  domainError(MarketEntityErrorCode.InvalidConversion, `Cannot convert to an enterprise (个转企): ${reason}.`);
