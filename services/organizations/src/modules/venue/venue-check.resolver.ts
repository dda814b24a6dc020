import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import type { OrganizationsContext } from '../../context.js';
import { PartyOrganization } from '../organization-record/party-organization.type.js';
import { VenueCheckInput } from './venue-check.inputs.js';
import { recordVenueCheck } from './venue-check.service.js';
import { presentVenueCheck, VenueCheck } from './venue-check.type.js';

@Resolver(() => PartyOrganization)
export class VenueCheckResolver {
  @Mutation(() => VenueCheck, { description: 'Records a "六有" check of an organization\'s venue on a date.' })
  async recordVenueCheck(
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('input', () => VenueCheckInput) input: VenueCheckInput,
    @Ctx() ctx: OrganizationsContext,
  ) {
    return presentVenueCheck(await recordVenueCheck(ctx.em, ctx.viewer, organizationId, input));
  }

  @FieldResolver(() => VenueCheck, {
    nullable: true,
    description: 'Its "六有" venue standard as last checked on or before a date; null before any check.',
  })
  async venue(
    @Root() organization: PartyOrganization,
    @Ctx() ctx: OrganizationsContext,
    @Arg('asOf', () => LocalDateResolver, { nullable: true, description: 'Omit for today; not in the future.' })
    asOf?: string | null,
  ) {
    const check = await ctx.loaders.venueChecks.on.load({ id: organization.id, asOf });
    return check ? presentVenueCheck(check) : null;
  }
}
