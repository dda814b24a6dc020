import { regionComparison } from '@xgz/kit';
import type { OrganizationsContext } from '../../context.js';
import { CoverageDenominator } from '../figures/coverage-denominator.js';
import { OrganizationFigure, organizationFigureValue } from '../figures/organization-figure.js';
import { organizationFigures } from '../figures/organization-figures.service.js';
import { Region } from './region.type.js';

/** Regions compared by organization figures over a coverage denominator: children ranked, a figure's change. */
export const { RegionComparisonResolver: RegionOrganizationComparisonResolver } = regionComparison<
  OrganizationsContext,
  OrganizationFigure,
  CoverageDenominator
>({
  region: Region,
  prefix: 'organization',
  what: 'organization figure',
  figures: OrganizationFigure,
  option: { name: 'denominator', type: CoverageDenominator, defaultValue: CoverageDenominator.OPERATING },
  valueOf: async (ctx, code, asOf, figure, denominator) =>
    organizationFigureValue(
      await organizationFigures(
        ctx.loaders.figures,
        ctx.viewer,
        code,
        asOf,
        denominator ?? CoverageDenominator.OPERATING,
      ),
      figure,
    ),
});
