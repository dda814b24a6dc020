import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { ConnectionSize, connectionType, ListSize, maskMobile, maskName, maskPlace } from '@xgz/kit';
import type { RegistryContext } from '../../context.js';
import { MarketEntity } from '../market-entity/market-entity.type.js';
import { PartyOrganization } from '../party-organization/party-organization.type.js';
import type { PartyMemberRow } from './party-member.entity.js';
import {
  FindingState,
  FoundVia,
  MemberCategory,
  MembershipStatus,
  RelationshipType,
  TransferStatus,
} from './party-member-enums.js';
import { PartyMemberFilter, RegisterPartyMemberInput } from './party-member.inputs.js';
import { listPartyMembers } from './party-member.list.js';
import { findPartyMember, personalDataMasked, personalField } from './party-member.personal-data.js';
import {
  changeFindingState,
  changeMemberCategory,
  changeRelationshipType,
  recordDeparture,
  recordSanliang,
  registerPartyMember,
  setTransferStatus,
} from './party-member.service.js';
import { PartyMember, PartyMemberVersion } from './party-member.type.js';

const PartyMemberConnection = connectionType('PartyMember', PartyMember);

const personal = (row: PartyMemberRow, ctx: RegistryContext, value: string | null, mask: (value: string) => string) =>
  personalField(ctx.viewer, ctx.loaders.partyMembers.personalDataReads, row, value, mask);

@Resolver(() => PartyMember)
export class PartyMemberResolver {
  @Query(() => PartyMember, {
    nullable: true,
    description: 'One party member; null when unknown or outside your region.',
  })
  partyMember(@Arg('id', () => ID) id: string, @Ctx() ctx: RegistryContext) {
    return findPartyMember(ctx.loaders.partyMembers.byId, id);
  }

  @ConnectionSize(50)
  @Query(() => PartyMemberConnection, {
    description:
      'Party members in your region (or a subtree), filtered, a page at a time. Members who left are left out unless asked for.',
  })
  partyMembers(
    @Ctx() ctx: RegistryContext,
    @Arg('filter', () => PartyMemberFilter, { nullable: true }) filter?: PartyMemberFilter | null,
    @Arg('first', () => Int, { nullable: true, description: '1–200, default 50.' }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    return listPartyMembers(ctx.em, ctx.viewer, filter, first, after);
  }

  @FieldResolver(() => String, { description: 'Name (党员姓名); masked (张*) unless you are an admin.' })
  name(@Root() row: PartyMemberRow, @Ctx() ctx: RegistryContext) {
    return personal(row, ctx, row.name, maskName);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Mobile (手机号码); masked (138****1234) unless you are an admin.',
  })
  mobile(@Root() row: PartyMemberRow, @Ctx() ctx: RegistryContext) {
    return personal(row, ctx, row.mobile ?? null, maskMobile);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Household registration (户籍所在地) as written; masked unless you are an admin.',
  })
  householdPlace(@Root() row: PartyMemberRow, @Ctx() ctx: RegistryContext) {
    return personal(row, ctx, row.householdPlace ?? null, maskPlace);
  }

  @FieldResolver(() => ID, {
    nullable: true,
    description: 'Household-registration county code; only the province digits unless you are an admin.',
  })
  householdCountyCode(@Root() row: PartyMemberRow, @Ctx() ctx: RegistryContext) {
    return personal(row, ctx, row.householdCountyCode ?? null, (code) => `${code.slice(0, 2)}****`);
  }

  @FieldResolver(() => Boolean, { description: 'True when personal fields are masked for you.' })
  personalDataMasked(@Ctx() ctx: RegistryContext) {
    return personalDataMasked(ctx.viewer);
  }

  @FieldResolver(() => MarketEntity, { nullable: true, description: 'The unit (单位).' })
  entity(@Root() row: PartyMemberRow, @Ctx() ctx: RegistryContext) {
    return ctx.loaders.marketEntities.byId.load(row.entityId);
  }

  @FieldResolver(() => PartyOrganization, {
    nullable: true,
    description: 'Organization-life branch in the system (组织生活所在辖区党组织).',
  })
  orgLifeBranch(@Root() row: PartyMemberRow) {
    return row.orgLifeBranchId ? { id: row.orgLifeBranchId } : null;
  }

  @FieldResolver(() => PartyOrganization, {
    nullable: true,
    description: 'Organization-relationship branch in the system (组织关系所在地党组织).',
  })
  relationshipBranch(@Root() row: PartyMemberRow) {
    return row.relationshipBranchId ? { id: row.relationshipBranchId } : null;
  }

  @ListSize(10)
  @FieldResolver(() => [PartyMemberVersion], { description: 'Every recorded version, superseded ones included.' })
  history(@Root() row: PartyMemberRow, @Ctx() ctx: RegistryContext) {
    return ctx.loaders.partyMembers.versions.load(row.id);
  }

  @Mutation(() => PartyMember, {
    description:
      "Registers a member as on the registration form. Needs the admin or official role. A person already on the unit's books (same name and mobile) is DUPLICATE_MEMBER, for officials too: whoever registers must not register a person twice; each such refusal is audited.",
  })
  registerPartyMember(
    @Arg('input', () => RegisterPartyMemberInput) input: RegisterPartyMemberInput,
    @Ctx() ctx: RegistryContext,
  ) {
    return registerPartyMember(ctx.em, ctx.viewer, input);
  }

  @Mutation(() => PartyMember, {
    description: 'Moves a member along the finding states (找到, 核实, 失联, 虚假信息); FALSE_RECORD is final.',
  })
  changeFindingState(
    @Arg('id', () => ID) id: string,
    @Arg('state', () => FindingState) state: FindingState,
    @Arg('effectiveOn', () => LocalDateResolver) effectiveOn: string,
    @Ctx() ctx: RegistryContext,
    @Arg('foundVia', () => FoundVia, { nullable: true }) foundVia?: FoundVia | null,
  ) {
    return changeFindingState(ctx.em, ctx.viewer, id, state, effectiveOn, foundVia);
  }

  @Mutation(() => PartyMember, { description: 'Records "三亮" with the commitment sentence on the plate.' })
  recordSanliang(
    @Arg('id', () => ID) id: string,
    @Arg('commitment', () => String) commitment: string,
    @Arg('effectiveOn', () => LocalDateResolver) effectiveOn: string,
    @Ctx() ctx: RegistryContext,
  ) {
    return recordSanliang(ctx.em, ctx.viewer, id, commitment, effectiveOn);
  }

  @Mutation(() => PartyMember, { description: 'Changes the member category from a date (e.g. 预备 → 正式).' })
  changeMemberCategory(
    @Arg('id', () => ID) id: string,
    @Arg('category', () => MemberCategory) category: MemberCategory,
    @Arg('effectiveOn', () => LocalDateResolver) effectiveOn: string,
    @Ctx() ctx: RegistryContext,
  ) {
    return changeMemberCategory(ctx.em, ctx.viewer, id, category, effectiveOn);
  }

  @Mutation(() => PartyMember, {
    description: 'Changes how the member relates to the local organization (隶属/属地/流动) from a date.',
  })
  changeRelationshipType(
    @Arg('id', () => ID) id: string,
    @Arg('relationshipType', () => RelationshipType) relationshipType: RelationshipType,
    @Arg('effectiveOn', () => LocalDateResolver) effectiveOn: string,
    @Ctx() ctx: RegistryContext,
  ) {
    return changeRelationshipType(ctx.em, ctx.viewer, id, relationshipType, effectiveOn);
  }

  @Mutation(() => PartyMember, {
    description: 'Records that a member left or moved out, with the reason and date; the record is kept.',
  })
  recordMemberDeparture(
    @Arg('id', () => ID) id: string,
    @Arg('status', () => MembershipStatus) status: MembershipStatus,
    @Arg('effectiveOn', () => LocalDateResolver) effectiveOn: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: RegistryContext,
  ) {
    return recordDeparture(ctx.em, ctx.viewer, id, status, effectiveOn, reason);
  }

  @Mutation(() => PartyMember, {
    description: 'Sets the relationship-transfer status (组织关系转接) and the national member id.',
  })
  setMemberTransferStatus(
    @Arg('id', () => ID) id: string,
    @Arg('transferStatus', () => TransferStatus) transferStatus: TransferStatus,
    @Ctx() ctx: RegistryContext,
    @Arg('nationalMemberId', () => String, { nullable: true }) nationalMemberId?: string | null,
  ) {
    return setTransferStatus(ctx.em, ctx.viewer, id, transferStatus, nationalMemberId);
  }
}
