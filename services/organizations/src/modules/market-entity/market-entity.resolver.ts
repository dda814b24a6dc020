import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { ListSize } from '@xgz/kit';
import type { OrganizationsContext } from '../../context.js';
import { CoverageLink } from '../coverage/coverage-link.type.js';
import { MarketEntity } from './market-entity.type.js';

@Resolver(() => MarketEntity)
export class MarketEntityOrganizationsResolver {
  @ListSize(20)
  @FieldResolver(() => [CoverageLink], { description: 'Organizations that cover or covered this entity (覆盖), with dates; only those in your region.' })
  coveringOrganizations(@Root() entity: MarketEntity, @Ctx() ctx: OrganizationsContext) {
    return ctx.loaders.partyOrganizations.linksOfEntity.load(entity.id);
  }
}
