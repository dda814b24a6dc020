import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import type { OrganizationsContext } from '../../context.js';
import { AssignmentTargetKind } from './party-worker-kind.js';
import { AppointPartyWorkerInput } from './party-worker.inputs.js';
import { appointPartyWorker, assignPartyWorker, endPartyWorkerService, presentWorker } from './party-worker.service.js';
import { PartyWorker } from './party-worker.type.js';

@Resolver(() => PartyWorker)
export class PartyWorkerResolver {
  @Mutation(() => PartyWorker, {
    description:
      'A party worker starts serving (instructor 党建指导员, liaison, organizer). Needs the admin or official role.',
  })
  async appointPartyWorker(
    @Arg('input', () => AppointPartyWorkerInput) input: AppointPartyWorkerInput,
    @Ctx() ctx: OrganizationsContext,
  ) {
    return presentWorker(ctx.viewer, await appointPartyWorker(ctx.em, ctx.viewer, input));
  }

  @Mutation(() => PartyWorker, {
    description:
      'Assigns a worker to an organization, a market entity (work coverage, 工作覆盖) or a market, from a date.',
  })
  async assignPartyWorker(
    @Arg('workerId', () => ID) workerId: string,
    @Arg('targetKind', () => AssignmentTargetKind) targetKind: AssignmentTargetKind,
    @Arg('targetId', () => ID) targetId: string,
    @Arg('fromDate', () => LocalDateResolver) fromDate: string,
    @Ctx() ctx: OrganizationsContext,
  ) {
    return presentWorker(
      ctx.viewer,
      await assignPartyWorker(ctx.em, ctx.viewer, workerId, targetKind, targetId, fromDate),
    );
  }

  @Mutation(() => PartyWorker, {
    description: 'A worker stops serving from a date; every open assignment ends with it.',
  })
  async endPartyWorkerService(
    @Arg('workerId', () => ID) workerId: string,
    @Arg('endedOn', () => LocalDateResolver) endedOn: string,
    @Ctx() ctx: OrganizationsContext,
  ) {
    return presentWorker(ctx.viewer, await endPartyWorkerService(ctx.em, ctx.viewer, workerId, endedOn));
  }
}
