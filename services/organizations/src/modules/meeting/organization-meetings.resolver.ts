import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { ConnectionSize, connectionType } from '@xgz/kit';
import type { OrganizationsContext } from '../../context.js';
import { PartyOrganization } from '../organization-record/party-organization.type.js';
import { MeetingType } from '../standing/meeting-kind.js';
import { listMeetings } from './meeting.service.js';
import { Meeting } from './meeting.type.js';

const MeetingConnection = connectionType('Meeting', Meeting);

@Resolver(() => PartyOrganization)
export class OrganizationMeetingsResolver {
  @ConnectionSize(50)
  @FieldResolver(() => MeetingConnection, {
    description: 'Its meetings (组织生活), optionally of one type and held between two dates, a page at a time.',
  })
  meetings(
    @Root() organization: PartyOrganization,
    @Ctx() ctx: OrganizationsContext,
    @Arg('type', () => MeetingType, { nullable: true }) type?: MeetingType | null,
    @Arg('heldFrom', () => LocalDateResolver, { nullable: true, description: 'Held on or after.' })
    heldFrom?: string | null,
    @Arg('heldTo', () => LocalDateResolver, { nullable: true, description: 'Held on or before.' })
    heldTo?: string | null,
    @Arg('first', () => Int, { nullable: true, description: '1–200, default 50.' }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    return listMeetings(ctx.em, organization.id, { type, heldFrom, heldTo }, { first, after });
  }
}
