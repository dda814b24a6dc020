import { domainError } from '@xgz/kit';

/** Error codes of naming a market (an organization's host, a worker's target); published in OrganizationsErrorCode. */
export const MarketReferenceErrorCode = {
  /** The market was closed (or not yet open) on the day. */
  MarketNotOpen: 'MARKET_NOT_OPEN',
  /** The market lies outside the organization's region: the organization's readers could not see it. */
  MarketOutsideOrganization: 'MARKET_OUTSIDE_ORGANIZATION_REGION',
} as const;

export const marketNotOpen = (argument: string, marketId: string, on: string) =>
  domainError(MarketReferenceErrorCode.MarketNotOpen, `${argument}: market ${marketId} was not open on ${on}.`);

export const marketOutsideOrganization = (marketRegion: string, organizationRegion: string) =>
  domainError(
    MarketReferenceErrorCode.MarketOutsideOrganization,
    `The market lies at ${marketRegion}, outside the organization's region ${organizationRegion}.`,
  );
