import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { assertRegionInScope } from '@xgz/kit';
import type { OrganizationsContext } from '../../context.js';
import { Region } from './region.type.js';

@Resolver(() => Region)
export class RegionOrganizationsResolver {
  @FieldResolver(() => Int, {
    nullable: true,
    description: 'Active party organizations (党组织) at or under this region. FORBIDDEN outside your region.',
  })
  partyOrganizationCount(@Root() region: Region, @Ctx() ctx: OrganizationsContext) {
    assertRegionInScope(ctx.viewer, region.code, 'organization figures');
    return ctx.loaders.partyOrganizations.activeCountByRegion.load(region.code);
  }
}
