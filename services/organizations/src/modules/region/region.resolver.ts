import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import type { OrganizationsContext } from '../../context.js';
import { CoverageDenominator } from '../figures/coverage-denominator.js';
import { OrganizationFigures } from '../figures/organization-figures.type.js';
import { organizationFigures } from '../figures/organization-figures.service.js';
import { Region } from './region.type.js';

@Resolver(() => Region)
export class RegionOrganizationsResolver {
  @FieldResolver(() => Int, {
    nullable: true,
    description: 'Active party organizations (党组织) at or under this region today. FORBIDDEN outside your region.',
  })
  async partyOrganizationCount(@Root() region: Region, @Ctx() ctx: OrganizationsContext) {
    return (
      await organizationFigures(ctx.loaders.figures, ctx.viewer, region.code, null, CoverageDenominator.OPERATING)
    ).organizations;
  }

  @FieldResolver(() => OrganizationFigures, {
    nullable: true,
    description:
      'Organization figures (党组织与覆盖统计) of this region subtree, live or as of a date (e.g. a report date, June 30 or December 31). FORBIDDEN outside your region.',
  })
  organizationFigures(
    @Root() region: Region,
    @Ctx() ctx: OrganizationsContext,
    @Arg('asOf', () => LocalDateResolver, { nullable: true, description: 'Omit for live figures; not in the future.' })
    asOf?: string | null,
    @Arg('denominator', () => CoverageDenominator, {
      defaultValue: CoverageDenominator.OPERATING,
      description: 'Which entities coverage rates are taken over.',
    })
    denominator: CoverageDenominator = CoverageDenominator.OPERATING,
  ) {
    return organizationFigures(ctx.loaders.figures, ctx.viewer, region.code, asOf, denominator);
  }
}
