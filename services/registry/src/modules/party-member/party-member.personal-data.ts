import type DataLoader from 'dataloader';
import { assertUuid, canSeePersonalData, type Viewer } from '@xgz/kit';
import type { PartyMemberRow } from './party-member.entity.js';

/** Records a read of personal data (batched: one audit statement per request). */
export interface PersonalDataReads {
  record(event: { action: string; subjectType: string; subjectId: string; regionCode: string }): Promise<unknown>;
}

/**
 * The masking policy of a personal field (name, mobile, household registration): in full for a
 * role that may see personal data — and then the read is audited — masked for everyone else.
 */
export async function personalField(
  viewer: Viewer,
  reads: PersonalDataReads,
  row: PartyMemberRow,
  value: string | null,
  mask: (value: string) => string,
): Promise<string | null> {
  if (value === null) return null;
  if (!canSeePersonalData(viewer)) return mask(value);
  await reads.record({
    action: 'READ_PERSONAL_DATA',
    subjectType: 'PartyMember',
    subjectId: row.id,
    regionCode: row.regionCode,
  });
  return value;
}

/** One member by id (a malformed id is BAD_USER_INPUT; unknown or out of region, null). */
export function findPartyMember(
  byId: DataLoader<string, PartyMemberRow | null>,
  id: string,
): Promise<PartyMemberRow | null> {
  assertUuid(id);
  return byId.load(id);
}

/** Whether personal fields are masked for this viewer. */
export const personalDataMasked = (viewer: Viewer) => !canSeePersonalData(viewer);
