import { regionComparison } from '@xgz/kit';
import type { RegistryContext } from '../../context.js';
import { Region } from '../region/region.type.js';
import { RegistryFigure, registryFigureValue } from './registry-figure.js';
import { registryFigures } from './registry-figures.service.js';

/** Regions compared by registry figures: children ranked (registryRanking), a figure's change (registryFigureChange). */
export const { RegionComparisonResolver: RegionRegistryComparisonResolver } = regionComparison<
  RegistryContext,
  RegistryFigure
>({
  region: Region,
  prefix: 'registry',
  what: 'registry figure',
  figures: RegistryFigure,
  valueOf: async (ctx, code, asOf, figure) =>
    registryFigureValue(await registryFigures(ctx.loaders.figures, ctx.viewer, code, asOf), figure),
  // Registry owns Region: each ranked region is its row (name, level…), read in one batch.
  regionsOf: (ctx, codes) => ctx.loaders.regions.byCode.loadMany(codes),
});
