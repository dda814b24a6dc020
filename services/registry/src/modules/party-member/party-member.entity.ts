import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { regionScopePolicy } from '@xgz/kit';
import {
  FindingState,
  FoundVia,
  MemberCategory,
  MemberDistribution,
  MembershipStatus,
  RelationshipType,
  TransferStatus,
} from './party-member-enums.js';

/**
 * A party member (党员) as now, with every field of the registration form (个体工商户党建信息登记表);
 * the dated history lives in fact_version. Never deleted. Distribution column when sharded: `id`.
 */
export const PartyMemberEntity = defineEntity({
  name: 'PartyMember',
  tableName: 'party_member',
  uniques: [{ name: 'party_member_person_unique', properties: ['entityId', 'personKey'] }],
  properties: {
    id: p.uuid().primary(),
    /** The unit (单位名称): a market entity of this subgraph. */
    entityId: p.uuid().index('party_member_entity_index'),
    /** Copied from the unit, so scope and figures need no join. */
    regionCode: p.string().length(12).collation('C').index('party_member_region_code_index'),
    name: p.text(),
    mobile: p.string().length(11).nullable(),
    /** Same person in the same unit: name and mobile, normalised. Re-imports match on it. */
    personKey: p.text(),
    isOwner: p.boolean(),
    householdPlace: p.text().nullable(),
    householdCountyCode: p.string().length(6).nullable(),
    orgLifeBranchId: p.uuid().nullable(),
    orgLifeBranchName: p.text().nullable(),
    relationshipBranchId: p.uuid().nullable(),
    relationshipBranchName: p.text().nullable(),
    category: p.enum(() => MemberCategory),
    distribution: p.enum(() => MemberDistribution),
    relationshipType: p.enum(() => RelationshipType),
    findingState: p.enum(() => FindingState),
    foundVia: p.enum(() => FoundVia).nullable(),
    findingStateOn: p.date(),
    sanliangDone: p.boolean(),
    sanliangCommitment: p.text().nullable(),
    sanliangOn: p.date().nullable(),
    transferStatus: p.enum(() => TransferStatus),
    nationalMemberId: p.text().nullable(),
    status: p.enum(() => MembershipStatus),
    statusReason: p.text().nullable(),
    statusSince: p.date(),
    floatingFeedbackComplete: p.boolean(),
    registeredOn: p.date(),
    lastChangeOn: p.date(),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
  },
  policies: [regionScopePolicy<{ regionCode: string }>('regionCode')],
});

export type PartyMemberRow = InferEntity<typeof PartyMemberEntity>;

/** The identity a re-import matches on: trimmed name and mobile. */
export const personKeyOf = (name: string, mobile: string | null | undefined) =>
  `${name.trim()}|${mobile?.trim() ?? ''}`;
