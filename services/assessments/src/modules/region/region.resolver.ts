import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { assertRegionInScope } from '@xgz/kit';
import type { AssessmentsContext } from '../../context.js';
import { Region } from './region.type.js';

@Resolver(() => Region)
export class RegionAssessmentsResolver {
  @FieldResolver(() => Int, {
    nullable: true,
    description: 'Inspection visits (互查互学互促) at or under this region. FORBIDDEN outside your region.',
  })
  inspectionCount(@Root() region: Region, @Ctx() ctx: AssessmentsContext) {
    assertRegionInScope(ctx.viewer, region.code, 'assessment figures');
    return ctx.loaders.inspections.countByRegion.load(region.code);
  }
}
