import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { assertUuid } from '@xgz/kit';
import type { AssessmentsContext } from '../../context.js';
import { Inspection } from './inspection.type.js';

@Resolver(() => Inspection)
export class InspectionResolver {
  @Query(() => Inspection, { nullable: true, description: 'One inspection; null when unknown or outside your region.' })
  inspection(@Arg('id', () => ID) id: string, @Ctx() ctx: AssessmentsContext) {
    assertUuid(id);
    return ctx.loaders.inspections.byId.load(id);
  }
}
