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
import type { OrganizationsContext } from '../../context.js';
import { CoverageDenominator } from '../figures/coverage-denominator.js';
import { OrganizationFigure, organizationFigureValue } from '../figures/organization-figure.js';
import { organizationFigures } from '../figures/organization-figures.service.js';
import { Region } from './region.type.js';

export const OrganizationRegionRank = regionRankType(
  Region,
  'OrganizationRegionRank',
  'A region directly under the one asked, ranked by an organization figure.',
);

const valueOf =
  (ctx: OrganizationsContext, figure: OrganizationFigure, denominator: CoverageDenominator) =>
  async (code: string, asOf: string | null | undefined) =>
    organizationFigureValue(
      await organizationFigures(ctx.loaders.figures, ctx.viewer, code, asOf, denominator),
      figure,
    );

/** Regions compared by organization figures: children ranked, a figure's change between two dates. */
@Resolver(() => Region)
export class RegionOrganizationComparisonResolver {
  @ListSize(100)
  @FieldResolver(() => [OrganizationRegionRank], {
    description:
      'The regions directly under this one (cities, counties or townships), or every region at `level` under it, ranked by an organization figure, live or as of a date (排名). FORBIDDEN outside your region; a township has none.',
  })
  async organizationRanking(
    @Root() region: Region,
    @Ctx() ctx: OrganizationsContext,
    @Arg('by', () => OrganizationFigure) by: OrganizationFigure,
    @Arg('asOf', () => LocalDateResolver, { nullable: true }) asOf?: string | null,
    @Arg('order', () => RankOrder, { defaultValue: RankOrder.DESC }) order: RankDirection = 'DESC',
    @Arg('level', () => RankingLevel, { nullable: true, description: 'Omit for the regions directly under this one.' })
    level?: RankingLevelName | null,
    @Arg('denominator', () => CoverageDenominator, { defaultValue: CoverageDenominator.OPERATING })
    denominator: CoverageDenominator = CoverageDenominator.OPERATING,
  ) {
    const request = figureRequest(ctx.viewer, region.code, asOf, 'organization figures');
    const figure = valueOf(ctx, by, denominator);
    const ranked = await rankChildren(region.code, order, (code) => figure(code, request.asOf), level);
    return ranked.map(({ code, rank, value }) => ({ region: { code }, rank, value }));
  }

  @FieldResolver(() => FigureChange, {
    description:
      'An organization figure of this region on two dates and its change (变化): from `from`, or from `base` (a year before by default), to `to` (today when omitted). FORBIDDEN outside your region.',
  })
  organizationFigureChange(
    @Root() region: Region,
    @Ctx() ctx: OrganizationsContext,
    @Arg('figure', () => OrganizationFigure) figure: OrganizationFigure,
    @Arg('from', () => LocalDateResolver, { nullable: true }) from?: string | null,
    @Arg('to', () => LocalDateResolver, { nullable: true }) to?: string | null,
    @Arg('base', () => FigureChangeBase, { nullable: true }) base?: ChangeBase | null,
    @Arg('denominator', () => CoverageDenominator, { defaultValue: CoverageDenominator.OPERATING })
    denominator: CoverageDenominator = CoverageDenominator.OPERATING,
  ) {
    const value = valueOf(ctx, figure, denominator);
    return changeBetween({ from, to, base }, (date) => value(region.code, date));
  }
}
