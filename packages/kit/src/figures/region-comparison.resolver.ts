import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import type { Viewer } from '../auth.js';
import { ListSize } from '../graphql/list-size.js';
import { FigureChange, FigureChangeBase, RankingLevel, RankOrder, regionRankType } from './comparison.types.js';
import { assertRegionInScope } from '../region-scope.js';
import { figureRequest } from './figure-request.js';
import {
  changeBetween,
  rankChildren,
  type ChangeBase,
  type RankDirection,
  type RankingLevelName,
} from './region-comparison.js';

/** The most regions a ranking returns: a city's counties, a province's cities or counties (浙江省: 90). */
const MAX_RANKED = 100;

export interface RegionComparisonOptions<Context extends { viewer: Viewer }, Figure extends string, Option> {
  /** The subgraph's `Region` type. */
  region: new () => { code: string };
  /** The field names' stem: `organization` gives `organizationRanking`, `organizationFigureChange` and `OrganizationRegionRank`. */
  prefix: string;
  /** What a figure is called in descriptions and FORBIDDEN messages ("organization figure"). */
  what: string;
  /** The subgraph's registered enum of the figures it ranks by. */
  figures: object;
  /** An argument every figure takes besides the date (organizations' coverage denominator); its value reaches `valueOf`. */
  option?: { name: string; type: object; defaultValue: Option };
  /** The figure of a region on a date (the request's loaders batch the regions asked in one tick). */
  valueOf(ctx: Context, code: string, asOf: string, figure: Figure, option: Option | undefined): Promise<number | null>;
  /** The ranked regions as `Region` objects; by default references by code (the subgraph that owns Region loads its rows). */
  regionsOf?(ctx: Context, codes: string[]): Promise<unknown[]>;
}

const capitalized = (text: string) => `${text[0]!.toUpperCase()}${text.slice(1)}`;

/**
 * Ranking and change of a subgraph's figures on `Region`, the same in every subgraph (排名, 变化):
 * the regions under one ranked by any figure, live or as of a date, and a figure's change between
 * two dates. Scoped like every figure: FORBIDDEN outside the viewer's region. Returns the rank type
 * and the resolver to list in the subgraph's module.
 */
export function regionComparison<Context extends { viewer: Viewer }, Figure extends string, Option = never>(
  options: RegionComparisonOptions<Context, Figure, Option>,
) {
  const { prefix, what } = options;
  const aWhat = `${/^[aeiou]/i.test(what) ? 'an' : 'a'} ${what}`;
  // The extra argument, last in both fields, where a subgraph has one; nothing is passed where it has none.
  const optionArg = (): ReturnType<typeof Arg> =>
    options.option
      ? Arg(options.option.name, () => options.option!.type, { defaultValue: options.option.defaultValue })
      : () => {};
  const RegionRank = regionRankType(
    options.region,
    `${capitalized(prefix)}RegionRank`,
    `A region directly under the one asked, ranked by ${aWhat}.`,
  );
  const regionsOf =
    options.regionsOf ?? ((_ctx: Context, codes: string[]) => Promise.resolve(codes.map((code) => ({ code }))));

  @Resolver(() => options.region)
  class RegionComparisonResolver {
    @ListSize(MAX_RANKED)
    @FieldResolver(() => [RegionRank], {
      name: `${prefix}Ranking`,
      description: `The regions directly under this one (cities, counties or townships), or every region at \`level\` under it, ranked by ${aWhat}, live or as of a date (排名). FORBIDDEN outside your region; a township has none.`,
    })
    async ranking(
      @Root() region: { code: string },
      @Ctx() ctx: Context,
      @Arg('by', () => options.figures) by: Figure,
      @Arg('asOf', () => LocalDateResolver, { nullable: true }) asOf?: string | null,
      @Arg('order', () => RankOrder, { defaultValue: RankOrder.DESC }) order: RankDirection = 'DESC',
      @Arg('level', () => RankingLevel, {
        nullable: true,
        description: 'Omit for the regions directly under this one.',
      })
      level?: RankingLevelName | null,
      @optionArg() option?: Option,
    ) {
      const request = figureRequest(ctx.viewer, region.code, asOf, `${what}s`);
      const ranked = await rankChildren(
        region.code,
        order,
        (code) => options.valueOf(ctx, code, request.asOf, by, option),
        level,
      );
      const regions = await regionsOf(
        ctx,
        ranked.map((row) => row.code),
      );
      return ranked.map(({ rank, value }, index) => ({ region: regions[index], rank, value }));
    }

    @FieldResolver(() => FigureChange, {
      name: `${prefix}FigureChange`,
      description: `${capitalized(aWhat)} of this region on two dates and its change (变化): from \`from\`, or from \`base\` (a year before by default), to \`to\` (today when omitted). FORBIDDEN outside your region.`,
    })
    change(
      @Root() region: { code: string },
      @Ctx() ctx: Context,
      @Arg('figure', () => options.figures) figure: Figure,
      @Arg('from', () => LocalDateResolver, { nullable: true }) from?: string | null,
      @Arg('to', () => LocalDateResolver, { nullable: true }) to?: string | null,
      @Arg('base', () => FigureChangeBase, { nullable: true }) base?: ChangeBase | null,
      @optionArg() option?: Option,
    ) {
      assertRegionInScope(ctx.viewer, region.code, `${what}s`);
      return changeBetween({ from, to, base }, (date) => options.valueOf(ctx, region.code, date, figure, option));
    }
  }

  return { RegionRank, RegionComparisonResolver };
}
