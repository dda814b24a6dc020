import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import type { RegistryContext } from '../../context.js';
import { Region } from '../region/region.type.js';
import { RegistryFigures } from './registry-figures.type.js';
import { registryFigures } from './registry-figures.service.js';

/** A region's registry figures: the figures module extends Region, the region tree knows nothing of figures. */
@Resolver(() => Region)
export class RegionFiguresResolver {
  @FieldResolver(() => RegistryFigures, {
    nullable: true,
    description:
      'Registry figures (底数) for this region and everything under it: live, or as of `asOf` (e.g. a report date, 06-30 or 12-31). FORBIDDEN outside your region; provinces to townships.',
  })
  registryFigures(
    @Root() region: Region,
    @Ctx() ctx: RegistryContext,
    @Arg('asOf', () => LocalDateResolver, { nullable: true }) asOf?: string | null,
  ) {
    return registryFigures(ctx.loaders.figures, ctx.viewer, region.code, asOf);
  }
}
