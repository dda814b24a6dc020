/**
 * The facts organizations publishes through the feed, as its owner defines them: markets pre-fills
 * a market's "organization coverage" (六化) from whether a living organization sits in it, by these
 * types, never by re-declared shapes or string literals.
 */
export const OrganizationsFactType = {
  MarketOrganization: 'MarketOrganization',
} as const;
export type OrganizationsFactType = (typeof OrganizationsFactType)[keyof typeof OrganizationsFactType];

/** An open market over a period, as organizations sees it: whether a living party organization sits in it. */
export interface MarketOrganizationFactState extends Record<string, unknown> {
  regionCode: string;
  withOrganization: boolean;
}
