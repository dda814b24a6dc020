import type { EntityManager } from '@mikro-orm/postgresql';
import { canSeePersonalData, maskMobile, maskName, maskPlace, writeAudit, type Viewer, scopedRegion } from '@xgz/kit';
import { MarketEntityTable } from '../market-entity/market-entity.entity.js';
import { PartyMemberEntity } from '../party-member/party-member.entity.js';
import { MembershipStatus } from '../party-member/party-member-enums.js';
import { FORM_WORDS, formWordOf } from './registration-form.columns.js';
import type { FormFormat } from './registration-form.reader.js';
import { writeRegistrationForm, type FormValues } from './registration-form.writer.js';

/**
 * The registration form of every active member in a region subtree, in the import's columns (so
 * an exported file imports back unchanged). Personal data in full for admins — audited — masked
 * for everyone else.
 */
export async function exportPartyMembers(
  em: EntityManager,
  viewer: Viewer,
  regionCode: string | null | undefined,
  format: FormFormat,
) {
  const region = scopedRegion(viewer, regionCode, 'regionCode', 'party members');
  const members = await em.find(
    PartyMemberEntity,
    { regionCode: { $like: `${region}%` }, status: MembershipStatus.ACTIVE },
    { orderBy: { regionCode: 'asc', id: 'asc' } },
  );
  const units = new Map(
    (await em.find(MarketEntityTable, { id: { $in: [...new Set(members.map((m) => m.entityId))] } })).map((unit) => [
      unit.id,
      unit,
    ]),
  );
  const full = canSeePersonalData(viewer);
  const rows: FormValues[] = members.map((member) => {
    const unit = units.get(member.entityId);
    return {
      registeredOn: member.registeredOn,
      unitName: unit?.name ?? '',
      creditCode: unit?.creditCode ?? '',
      regionCode: member.regionCode,
      name: full ? member.name : maskName(member.name),
      mobile: member.mobile ? (full ? member.mobile : maskMobile(member.mobile)) : '',
      isOwner: member.isOwner ? '是' : '否',
      householdPlace: member.householdPlace ? (full ? member.householdPlace : maskPlace(member.householdPlace)) : '',
      orgLifeBranchName: member.orgLifeBranchName ?? '',
      relationshipBranchName: member.relationshipBranchName ?? '',
      category: formWordOf(FORM_WORDS.category, member.category),
      distribution: formWordOf(FORM_WORDS.distribution, member.distribution),
      relationshipType: formWordOf(FORM_WORDS.relationshipType, member.relationshipType),
      foundVia: member.foundVia ? formWordOf(FORM_WORDS.foundVia, member.foundVia) : '',
    };
  });
  if (full && members.length) {
    await writeAudit(
      em,
      viewer,
      members.map((member) => ({
        action: 'EXPORT_PERSONAL_DATA',
        subjectType: 'PartyMember',
        subjectId: member.id,
        regionCode: member.regionCode,
      })),
    );
  }
  const bytes = await writeRegistrationForm(rows, format);
  return {
    fileName: `党员信息登记表-${region}.${format.toLowerCase()}`,
    contentBase64: bytes.toString('base64'),
    rows: rows.length,
    personalDataMasked: !full,
  };
}
