import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { ConnectionSize, connectionType, ListSize } from '@xgz/kit';
import { listStandaloneCapableWithoutOwn } from './standalone-capable.service.js';
import { StandaloneCapableEntity } from './standalone-capable.type.js';
import { PartyWorker } from '../party-worker/party-worker.type.js';
import type { OrganizationsContext } from '../../context.js';
import { CoverageLink } from '../coverage/coverage-link.type.js';
import { MarketEntity } from './market-entity.type.js';

const StandaloneCapableConnection = connectionType('StandaloneCapableEntity', StandaloneCapableEntity);

@Resolver(() => MarketEntity)
export class MarketEntityOrganizationsResolver {
  @ListSize(10)
  @FieldResolver(() => [PartyWorker], {
    description:
      'Instructors and liaisons (党建指导员, 联络员) assigned to this entity on a date; names masked unless your role allows.',
  })
  assignedWorkers(
    @Root() entity: MarketEntity,
    @Ctx() ctx: OrganizationsContext,
    @Arg('asOf', () => LocalDateResolver, { nullable: true, description: 'Omit for today; not in the future.' })
    asOf?: string | null,
  ) {
    return ctx.loaders.partyWorkers.assignedToEntityOn.load({ id: entity.id, asOf });
  }

  @ConnectionSize(50)
  @Query(() => StandaloneCapableConnection, {
    description:
      'Operating entities able to form their own branch (≥ 3 formal members) that have none, on a date — the "six 100%" list (具备条件未单独组建). FORBIDDEN outside your region.',
  })
  standaloneCapableWithoutOrganization(
    @Ctx() ctx: OrganizationsContext,
    @Arg('regionCode', () => String, { nullable: true, description: 'Defaults to your region.' })
    regionCode?: string | null,
    @Arg('asOf', () => LocalDateResolver, { nullable: true, description: 'Omit for today; not in the future.' })
    asOf?: string | null,
    @Arg('first', () => Int, { nullable: true, description: '1–200, default 50.' }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    return listStandaloneCapableWithoutOwn(ctx.em, ctx.viewer, regionCode, asOf, { first, after });
  }

  @ListSize(20)
  @FieldResolver(() => [CoverageLink], {
    description: 'Organizations that cover or covered this entity (覆盖), with dates; only those in your region.',
  })
  coveringOrganizations(@Root() entity: MarketEntity, @Ctx() ctx: OrganizationsContext) {
    return ctx.loaders.partyOrganizations.linksOfEntity.load(entity.id);
  }
}
