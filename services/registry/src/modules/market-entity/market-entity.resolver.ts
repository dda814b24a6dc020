import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { assertUuid, ConnectionSize, connectionType, ListSize } from '@xgz/kit';
import type { RegistryContext } from '../../context.js';
import { Market } from '../market/market.type.js';
import { MarketEntityStatus } from './market-entity-kind.js';
import { MarketEntity, MarketEntityVersion } from './market-entity.type.js';
import { MarketEntityFilter, RegisterMarketEntityInput } from './market-entity.inputs.js';
import { listMarketEntities } from './market-entity.list.js';
import {
  changeMarketEntityEmployees,
  changeMarketEntityStatus,
  convertToEnterprise,
  registerMarketEntity,
  clearMarketEntityMarket,
  setMarketEntityMarket,
} from './market-entity.service.js';

const MarketEntityConnection = connectionType('MarketEntity', MarketEntity);

@Resolver(() => MarketEntity)
export class MarketEntityResolver {
  @Query(() => MarketEntity, {
    nullable: true,
    description: 'One market entity; null when unknown or outside your region.',
  })
  marketEntity(@Arg('id', () => ID) id: string, @Ctx() ctx: RegistryContext) {
    assertUuid(id);
    return ctx.loaders.marketEntities.byId.load(id);
  }

  @ConnectionSize(50)
  @Query(() => MarketEntityConnection, {
    description: 'Market entities in your region (or a subtree of it), filtered, a page at a time.',
  })
  marketEntities(
    @Ctx() ctx: RegistryContext,
    @Arg('filter', () => MarketEntityFilter, { nullable: true }) filter?: MarketEntityFilter | null,
    @Arg('first', () => Int, { nullable: true, description: '1–200, default 50.' }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    return listMarketEntities(ctx.em, ctx.viewer, filter, first, after);
  }

  @Mutation(() => MarketEntity, {
    description: 'Registers a market entity (市场主体登记). Needs the admin or official role.',
  })
  registerMarketEntity(
    @Arg('input', () => RegisterMarketEntityInput) input: RegisterMarketEntityInput,
    @Ctx() ctx: RegistryContext,
  ) {
    return registerMarketEntity(ctx.em, ctx.viewer, input);
  }

  @Mutation(() => MarketEntity, {
    description: 'Changes the operating status from a date (停歇业, 恢复经营, 注销). DEREGISTERED is final.',
  })
  changeMarketEntityStatus(
    @Arg('id', () => ID) id: string,
    @Arg('status', () => MarketEntityStatus) status: MarketEntityStatus,
    @Arg('effectiveOn', () => LocalDateResolver) effectiveOn: string,
    @Ctx() ctx: RegistryContext,
  ) {
    return changeMarketEntityStatus(ctx.em, ctx.viewer, id, status, effectiveOn);
  }

  @Mutation(() => MarketEntity, {
    description: 'Records the number of staff (从业人员) from a date; coverage denominators by size follow it.',
  })
  changeMarketEntityEmployees(
    @Arg('id', () => ID) id: string,
    @Arg('employees', () => Int) employees: number,
    @Arg('effectiveOn', () => LocalDateResolver) effectiveOn: string,
    @Ctx() ctx: RegistryContext,
  ) {
    return changeMarketEntityEmployees(ctx.em, ctx.viewer, id, employees, effectiveOn);
  }

  @Mutation(() => MarketEntity, {
    description: 'Converts an individual business into a small/micro enterprise (个转企); its past stays in `history`.',
  })
  convertToEnterprise(
    @Arg('id', () => ID) id: string,
    @Arg('creditCode', () => String) creditCode: string,
    @Arg('effectiveOn', () => LocalDateResolver) effectiveOn: string,
    @Ctx() ctx: RegistryContext,
    @Arg('name', () => String, { nullable: true, description: 'The enterprise name, when it changes.' })
    name?: string | null,
  ) {
    return convertToEnterprise(ctx.em, ctx.viewer, id, creditCode, effectiveOn, name);
  }

  @Mutation(() => MarketEntity, {
    description:
      'The market the entity trades in (a vendor, 经营户) from a date: set, or moved from another. The market must be open that day and inside your region.',
  })
  setMarketEntityMarket(
    @Arg('id', () => ID) id: string,
    @Arg('marketId', () => ID) marketId: string,
    @Arg('effectiveOn', () => LocalDateResolver) effectiveOn: string,
    @Ctx() ctx: RegistryContext,
  ) {
    return setMarketEntityMarket(ctx.em, ctx.viewer, id, marketId, effectiveOn);
  }

  @Mutation(() => MarketEntity, { description: 'The entity stops trading in its market from a date.' })
  clearMarketEntityMarket(
    @Arg('id', () => ID) id: string,
    @Arg('effectiveOn', () => LocalDateResolver) effectiveOn: string,
    @Ctx() ctx: RegistryContext,
  ) {
    return clearMarketEntityMarket(ctx.em, ctx.viewer, id, effectiveOn);
  }

  @FieldResolver(() => Market, {
    nullable: true,
    description: 'The market it trades in, resolved by the markets subgraph.',
  })
  market(@Root() entity: MarketEntity) {
    return entity.marketId ? { id: entity.marketId } : null;
  }

  @ListSize(10)
  @FieldResolver(() => [MarketEntityVersion], {
    description: 'Every recorded version, superseded ones included (个转企, status changes).',
  })
  history(@Root() entity: MarketEntity, @Ctx() ctx: RegistryContext) {
    return ctx.loaders.marketEntities.versions.load(entity.id);
  }
}
