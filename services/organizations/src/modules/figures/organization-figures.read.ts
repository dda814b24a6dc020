import { assertRegionInScope, figureDate } from '@xgz/kit';
import type { OrganizationsContext } from '../../context.js';
import type { CoverageDenominator } from './coverage-denominator.js';
import { organizationFigures } from './organization-figures.service.js';

/** A region's figures for the viewer: scope checked, the date checked, values from the pre-aggregated township rows. */
export async function readOrganizationFigures(ctx: OrganizationsContext, regionCode: string, asOf: string | null | undefined, denominator: CoverageDenominator) {
  assertRegionInScope(ctx.viewer, regionCode, 'organization figures');
  const date = figureDate(asOf);
  const values = await ctx.loaders.figures.load({ regionCode, asOf: date });
  return organizationFigures(values, date, denominator);
}
