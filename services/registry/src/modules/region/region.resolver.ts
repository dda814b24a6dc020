import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { badUserInput, ListSize } from '@xgz/kit';
import type { RegistryContext } from '../../context.js';
import { ancestorCodes, RegionLevel } from './region-level.js';
import { Region } from './region.type.js';
import { findRegion, regionsUnder } from './region.service.js';

/** How many regions one side-by-side comparison takes. */
export const SIDE_BY_SIDE_MAX_REGIONS = 50;

@Resolver(() => Region)
export class RegionResolver {
  @Query(() => Region, {
    nullable: true,
    description: 'One region by its division code; null when no such region exists.',
  })
  region(@Arg('code', () => ID) code: string, @Ctx() ctx: RegistryContext) {
    return findRegion(ctx.loaders.regions.byCode, code);
  }

  @ListSize(SIDE_BY_SIDE_MAX_REGIONS)
  @Query(() => [Region], {
    nullable: 'items',
    description: `Regions side by side (对比), in the order given: ask any subgraph's figures of each, e.g. organizationFigures. At most ${SIDE_BY_SIDE_MAX_REGIONS} codes; null for a code that is no region. Each figure is FORBIDDEN outside your region.`,
  })
  regionsSideBySide(@Arg('codes', () => [ID]) codes: string[], @Ctx() ctx: RegistryContext) {
    if (codes.length === 0 || codes.length > SIDE_BY_SIDE_MAX_REGIONS)
      throw badUserInput(`codes: give 1 to ${SIDE_BY_SIDE_MAX_REGIONS} region codes (got ${codes.length}).`, 'codes');
    return Promise.all(codes.map((code) => findRegion(ctx.loaders.regions.byCode, code)));
  }

  @ListSize(100)
  @Query(() => [Region], {
    description:
      'Regions under `parentCode` (its children, or its descendants at `level`); without a parent, the provinces, or every region at `level` (PROVINCE, CITY or COUNTY only).',
  })
  regions(
    @Ctx() ctx: RegistryContext,
    @Arg('parentCode', () => ID, { nullable: true }) parentCode?: string | null,
    @Arg('level', () => RegionLevel, { nullable: true }) level?: RegionLevel | null,
  ) {
    return regionsUnder(ctx.em, ctx.loaders.regions.childrenOf, parentCode, level);
  }

  @FieldResolver(() => Region, { nullable: true, description: 'The region this one belongs to; null for a province.' })
  parent(@Root() region: Region, @Ctx() ctx: RegistryContext) {
    return region.parentCode ? ctx.loaders.regions.byCode.load(region.parentCode) : null;
  }

  @ListSize(20)
  @FieldResolver(() => [Region], { description: 'The regions directly under this one, by code.' })
  children(@Root() region: Region, @Ctx() ctx: RegistryContext) {
    return ctx.loaders.regions.childrenOf.load(region.code);
  }

  @ListSize(4)
  @FieldResolver(() => [Region], { description: 'Every region above this one, province first.' })
  async ancestors(@Root() region: Region, @Ctx() ctx: RegistryContext) {
    const rows = await ctx.loaders.regions.byCode.loadMany(ancestorCodes(region.code));
    return rows.filter((row): row is Region => row !== null && !(row instanceof Error));
  }
}
