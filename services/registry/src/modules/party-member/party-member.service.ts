import type { EntityManager } from '@mikro-orm/postgresql';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import {
  assertRole,
  assertUuid,
  badUserInput,
  FactHistory,
  lockForUpdate,
  WRITER_ROLES,
  writeAudit,
  datedAggregate,
  RegistryFactType,
  type Viewer,
} from '@xgz/kit';
import { MarketEntityTable } from '../market-entity/market-entity.entity.js';
import { RegionEntity } from '../region/region.entity.js';
import { RegionLevel } from '../region/region-level.js';
import { duplicateMember, invalidFindingTransition, memberNotActive } from './party-member.errors.js';
import { partyMemberFacts, type PartyMemberFactState } from './party-member.facts.js';
import { PartyMemberEntity, personKeyOf, type PartyMemberRow } from './party-member.entity.js';
import type { RegisterPartyMemberInput } from './party-member.inputs.js';
import {
  FindingState,
  FoundVia,
  MemberCategory,
  MembershipStatus,
  RelationshipType,
  TransferStatus,
} from './party-member-enums.js';
import { memberFieldProblems } from './party-member.validation.js';

export const memberFactState = (row: PartyMemberRow): PartyMemberFactState => ({
  regionCode: row.regionCode,
  entityId: row.entityId,
  category: row.category,
  relationshipType: row.relationshipType,
  findingState: row.findingState,
  sanliangDone: row.sanliangDone,
  status: row.status,
  floatingFeedbackComplete: row.floatingFeedbackComplete,
});

/** A new member's row from validated form fields; the unit fixes the region. */
export function newMemberData(input: RegisterPartyMemberInput, regionCode: string): PartyMemberRow {
  const now = new Date();
  const findingState = input.findingState ?? FindingState.FOUND;
  return {
    id: crypto.randomUUID(),
    entityId: input.entityId,
    regionCode,
    name: input.name.trim(),
    mobile: input.mobile?.trim() || null,
    personKey: personKeyOf(input.name, input.mobile),
    isOwner: input.isOwner,
    householdPlace: input.householdPlace?.trim() || null,
    householdCountyCode: input.householdCountyCode || null,
    orgLifeBranchId: input.orgLifeBranchId || null,
    orgLifeBranchName: input.orgLifeBranchName?.trim() || null,
    relationshipBranchId: input.relationshipBranchId || null,
    relationshipBranchName: input.relationshipBranchName?.trim() || null,
    category: input.category,
    distribution: input.distribution,
    relationshipType: input.relationshipType,
    findingState,
    foundVia: input.foundVia ?? null,
    findingStateOn: input.registeredOn,
    sanliangDone: false,
    sanliangCommitment: null,
    sanliangOn: null,
    transferStatus: input.transferStatus ?? TransferStatus.NOT_NEEDED,
    nationalMemberId: input.nationalMemberId?.trim() || null,
    status: MembershipStatus.ACTIVE,
    statusReason: null,
    statusSince: input.registeredOn,
    floatingFeedbackComplete: false,
    registeredOn: input.registeredOn,
    lastChangeOn: input.registeredOn,
    createdAt: now,
    updatedAt: now,
  } as PartyMemberRow;
}

/** Inserts new members, starts their history (and figures) and audits them, in `tx`. */
export async function insertMembers(
  tx: EntityManager,
  viewer: Viewer,
  rows: PartyMemberRow[],
  reason: string,
): Promise<void> {
  await tx.insertMany(PartyMemberEntity, rows);
  await new FactHistory(tx, partyMemberFacts).startMany(
    rows.map((row) => ({ subjectId: row.id, from: row.registeredOn, state: memberFactState(row) })),
    { reason, actor: viewer.subject },
  );
  await writeAudit(
    tx,
    viewer,
    rows.map((row) => ({
      action: reason === 'IMPORTED' ? 'IMPORT_MEMBER' : 'REGISTER_MEMBER',
      subjectType: 'PartyMember',
      subjectId: row.id,
      regionCode: row.regionCode,
    })),
  );
}

/**
 * Registers a member in a unit of the viewer's region. A person already on that unit's books (same
 * name and mobile) is DUPLICATE_MEMBER for every writer, officials included: whoever registers
 * people must learn that they are registered already, or the books fill with doubles. It is a
 * question about one person in one unit of the caller's own region (a unit elsewhere is not found),
 * and each refusal leaves an audit row naming who asked, so probing shows. An import withholds its
 * counts instead: one file would ask about 50,000 people at once.
 */
export async function registerPartyMember(
  em: EntityManager,
  viewer: Viewer,
  input: RegisterPartyMemberInput,
): Promise<PartyMemberRow> {
  assertRole(viewer, WRITER_ROLES, 'register party members');
  const problem = memberFieldProblems(input)[0];
  if (problem) throw badUserInput(`${problem.field} ${problem.message}.`, problem.field);
  assertUuid(input.entityId, 'entityId');
  const unit = await em.findOne(MarketEntityTable, { id: input.entityId });
  if (!unit)
    throw badUserInput(
      `entityId ${input.entityId} is not a market entity in your region: register the unit first.`,
      'entityId',
    );
  if (
    input.householdCountyCode &&
    !(await em.findOne(RegionEntity, { code: input.householdCountyCode, level: RegionLevel.COUNTY }))
  ) {
    throw badUserInput(`householdCountyCode ${input.householdCountyCode} is not a county code.`, 'householdCountyCode');
  }
  const row = newMemberData(input, unit.regionCode);
  try {
    await em.transactional((tx) => insertMembers(tx, viewer, [row], 'REGISTERED'));
  } catch (cause) {
    if (!(cause instanceof UniqueConstraintViolationException)) throw cause;
    // Rolled back; the refusal is audited on its own (who asked about which unit, never the person).
    await writeAudit(em.fork(), viewer, [
      {
        action: 'REGISTER_MEMBER_REFUSED_DUPLICATE',
        subjectType: 'MarketEntity',
        subjectId: unit.id,
        regionCode: unit.regionCode,
      },
    ]);
    throw duplicateMember();
  }
  return row;
}

/**
 * Applies one dated change to an active member with the kit's recipe: validates the date (not
 * before the last change, not in the future), updates the row, re-cuts the history and figures,
 * audits — all or nothing.
 */
function changeMember(
  em: EntityManager,
  viewer: Viewer,
  id: string,
  effectiveOn: string,
  reason: string,
  check: (row: PartyMemberRow) => void,
  apply: (row: PartyMemberRow) => void,
): Promise<PartyMemberRow> {
  assertRole(viewer, WRITER_ROLES, 'change party members');
  assertUuid(id);
  return partyMemberWrites.change(em, viewer, {
    id,
    effectiveOn,
    check: (row) => {
      if (row.status !== MembershipStatus.ACTIVE) throw memberNotActive(row.status);
      check(row);
    },
    apply,
    reason,
    action: reason,
  });
}

/** The kit's dated-write recipe bound to party members: their table, history and audit subject. */
export const partyMemberWrites = datedAggregate<PartyMemberRow, PartyMemberFactState>({
  entity: PartyMemberEntity,
  what: 'party member',
  subjectType: RegistryFactType.PartyMember,
  history: { facts: partyMemberFacts, stateOf: memberFactState },
});

/** Inside a transaction: the member row, locked for update and read afresh. */
export const lockPartyMember = (tx: EntityManager, id: string) =>
  lockForUpdate(tx, PartyMemberEntity, id, 'party member');

const allowedFindingMoves: Record<FindingState, FindingState[]> = {
  [FindingState.POCKET]: [
    FindingState.FOUND,
    FindingState.VERIFIED,
    FindingState.LOST_CONTACT,
    FindingState.FALSE_RECORD,
  ],
  [FindingState.HIDDEN]: [FindingState.FOUND, FindingState.VERIFIED, FindingState.FALSE_RECORD],
  [FindingState.LOST_CONTACT]: [FindingState.FOUND, FindingState.VERIFIED, FindingState.FALSE_RECORD],
  [FindingState.FOUND]: [FindingState.VERIFIED, FindingState.LOST_CONTACT, FindingState.FALSE_RECORD],
  [FindingState.VERIFIED]: [FindingState.LOST_CONTACT, FindingState.FALSE_RECORD],
  [FindingState.FALSE_RECORD]: [],
};

/** Moves the member along the finding states (找到, 核实, 失联, 虚假信息). */
export function changeFindingState(
  em: EntityManager,
  viewer: Viewer,
  id: string,
  state: FindingState,
  effectiveOn: string,
  foundVia?: FoundVia | null,
) {
  return changeMember(
    em,
    viewer,
    id,
    effectiveOn,
    'FINDING_CHANGED',
    (row) => {
      if (!allowedFindingMoves[row.findingState].includes(state))
        throw invalidFindingTransition(row.findingState, state);
      if (state === FindingState.FOUND && !foundVia)
        throw badUserInput('foundVia is required when a member is found (how was the member found?).', 'foundVia');
    },
    (row) => {
      row.findingState = state;
      row.findingStateOn = effectiveOn;
      if (foundVia) row.foundVia = foundVia;
    },
  );
}

/** Records "三亮": the member showed identity, commitment and image, with the commitment text. */
export function recordSanliang(em: EntityManager, viewer: Viewer, id: string, commitment: string, effectiveOn: string) {
  return changeMember(
    em,
    viewer,
    id,
    effectiveOn,
    'SANLIANG_RECORDED',
    (row) => {
      if (!commitment.trim())
        throw badUserInput('commitment must not be empty: it is the sentence on the plate.', 'commitment');
      if (row.findingState === FindingState.FALSE_RECORD) throw invalidFindingTransition(row.findingState, 'SANLIANG');
    },
    (row) => {
      row.sanliangDone = true;
      row.sanliangCommitment = commitment.trim();
      row.sanliangOn = effectiveOn;
    },
  );
}

/** Probationary → formal (转正), or a corrected category, from a date. */
export function changeMemberCategory(
  em: EntityManager,
  viewer: Viewer,
  id: string,
  category: MemberCategory,
  effectiveOn: string,
) {
  return changeMember(
    em,
    viewer,
    id,
    effectiveOn,
    'CATEGORY_CHANGED',
    (row) => {
      if (row.category === category) throw badUserInput(`The member is already ${category}.`, 'category');
    },
    (row) => {
      row.category = category;
    },
  );
}

/** A member becomes affiliated, local or floating from a date. */
export function changeRelationshipType(
  em: EntityManager,
  viewer: Viewer,
  id: string,
  relationshipType: RelationshipType,
  effectiveOn: string,
) {
  return changeMember(
    em,
    viewer,
    id,
    effectiveOn,
    'RELATIONSHIP_CHANGED',
    (row) => {
      if (row.relationshipType === relationshipType)
        throw badUserInput(`The member is already ${relationshipType}.`, 'relationshipType');
    },
    (row) => {
      row.relationshipType = relationshipType;
      row.floatingFeedbackComplete = false;
    },
  );
}

/** A member leaves or moves out, with a reason; the record stays and the figures drop it from that date. */
export function recordDeparture(
  em: EntityManager,
  viewer: Viewer,
  id: string,
  status: MembershipStatus,
  effectiveOn: string,
  reason: string,
) {
  return changeMember(
    em,
    viewer,
    id,
    effectiveOn,
    'DEPARTED',
    () => {
      if (status === MembershipStatus.ACTIVE) throw badUserInput('status must be LEFT or MOVED_OUT.', 'status');
      if (!reason.trim()) throw badUserInput('reason must say why the member left or moved.', 'reason');
    },
    (row) => {
      row.status = status;
      row.statusReason = reason.trim();
      row.statusSince = effectiveOn;
    },
  );
}

/** Records the relationship-transfer state and the national member id; no figure depends on them. */
export async function setTransferStatus(
  em: EntityManager,
  viewer: Viewer,
  id: string,
  transferStatus: TransferStatus,
  nationalMemberId?: string | null,
) {
  assertRole(viewer, WRITER_ROLES, 'change party members');
  assertUuid(id);
  return em.transactional(async (tx) => {
    const current = await lockPartyMember(tx, id);
    current.transferStatus = transferStatus;
    if (nationalMemberId !== undefined) current.nationalMemberId = nationalMemberId?.trim() || null;
    current.updatedAt = new Date();
    await tx.flush();
    await writeAudit(tx, viewer, [
      {
        action: 'TRANSFER_STATUS_CHANGED',
        subjectType: 'PartyMember',
        subjectId: id,
        regionCode: current.regionCode,
        detail: { transferStatus },
      },
    ]);
    return current;
  });
}
