import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import {
  changeBetween,
  FigureChange,
  FigureChangeBase,
  figureRequest,
  ListSize,
  RankingLevel,
  RankOrder,
  rankChildren,
  regionRankType,
  type ChangeBase,
  type RankDirection,
  type RankingLevelName,
} from '@xgz/kit';
import type { RegistryContext } from '../../context.js';
import { Region } from '../region/region.type.js';
import { RegistryFigure, registryFigureValue } from './registry-figure.js';
import { registryFigures } from './registry-figures.service.js';

export const RegistryRegionRank = regionRankType(
  Region,
  'RegistryRegionRank',
  'A region directly under the one asked, ranked by a registry figure.',
);

const valueOf = (ctx: RegistryContext, figure: RegistryFigure) => async (code: string, asOf: string) =>
  registryFigureValue(await registryFigures(ctx.loaders.figures, ctx.viewer, code, asOf), figure);

/** Regions compared by registry figures: children ranked, a figure's change between two dates. */
@Resolver(() => Region)
export class RegionRegistryComparisonResolver {
  @ListSize(100)
  @FieldResolver(() => [RegistryRegionRank], {
    description:
      'The regions directly under this one (cities, counties or townships), or every region at `level` under it, ranked by a registry figure, live or as of a date (排名). FORBIDDEN outside your region; a township has none.',
  })
  async registryRanking(
    @Root() region: Region,
    @Ctx() ctx: RegistryContext,
    @Arg('by', () => RegistryFigure) by: RegistryFigure,
    @Arg('asOf', () => LocalDateResolver, { nullable: true }) asOf?: string | null,
    @Arg('order', () => RankOrder, { defaultValue: RankOrder.DESC }) order: RankDirection = 'DESC',
    @Arg('level', () => RankingLevel, { nullable: true, description: 'Omit for the regions directly under this one.' })
    level?: RankingLevelName | null,
  ) {
    const request = figureRequest(ctx.viewer, region.code, asOf, 'registry figures');
    const figure = valueOf(ctx, by);
    const ranked = await rankChildren(region.code, order, (code) => figure(code, request.asOf), level);
    // Registry owns Region: each ranked region is its row (name, level…), read in one batch.
    const rows = await ctx.loaders.regions.byCode.loadMany(ranked.map((row) => row.code));
    return ranked.map(({ rank, value }, index) => ({ region: rows[index], rank, value }));
  }

  @FieldResolver(() => FigureChange, {
    description:
      'A registry figure of this region on two dates and its change (变化): from `from`, or from `base` (a year before by default), to `to` (today when omitted). FORBIDDEN outside your region.',
  })
  registryFigureChange(
    @Root() region: Region,
    @Ctx() ctx: RegistryContext,
    @Arg('figure', () => RegistryFigure) figure: RegistryFigure,
    @Arg('from', () => LocalDateResolver, { nullable: true }) from?: string | null,
    @Arg('to', () => LocalDateResolver, { nullable: true }) to?: string | null,
    @Arg('base', () => FigureChangeBase, { nullable: true }) base?: ChangeBase | null,
  ) {
    const value = valueOf(ctx, figure);
    return changeBetween({ from, to, base }, (date) => value(region.code, date));
  }
}
