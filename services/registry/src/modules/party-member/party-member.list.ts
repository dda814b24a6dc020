import type { EntityManager } from '@mikro-orm/postgresql';
import type { FilterQuery } from '@mikro-orm/core';
import {
  assertUuid,
  canSeePersonalData,
  findPage,
  forbidden,
  likeLiteral,
  writeAudit,
  type Viewer,
  scopedRegion,
} from '@xgz/kit';
import { MarketEntityTable } from '../market-entity/market-entity.entity.js';
import { PartyMemberEntity, type PartyMemberRow } from './party-member.entity.js';
import type { PartyMemberFilter } from './party-member.inputs.js';
import { MembershipStatus } from './party-member-enums.js';

/** One page of members in the viewer's region (or a subtree), filtered; a fixed number of statements. */
export async function listPartyMembers(
  em: EntityManager,
  viewer: Viewer,
  filter: PartyMemberFilter | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
) {
  const regionCode = scopedRegion(viewer, filter?.regionCode, 'filter.regionCode', 'party members');
  if (filter?.search && !canSeePersonalData(viewer))
    throw forbidden('Searching by name needs the admin role: names are personal data.');
  if (filter?.entityId) assertUuid(filter.entityId, 'filter.entityId');
  if (filter?.marketId) assertUuid(filter.marketId, 'filter.marketId');
  const where: FilterQuery<PartyMemberRow> = {
    regionCode: { $like: `${regionCode}%` },
    ...(filter?.includeDeparted ? {} : { status: MembershipStatus.ACTIVE }),
    ...(filter?.categories?.length ? { category: { $in: filter.categories } } : {}),
    ...(filter?.relationshipTypes?.length ? { relationshipType: { $in: filter.relationshipTypes } } : {}),
    ...(filter?.findingStates?.length ? { findingState: { $in: filter.findingStates } } : {}),
    ...(filter?.search?.trim() ? { name: { $like: `%${likeLiteral(filter.search.trim())}%` } } : {}),
    ...(filter?.entityId ? { entityId: filter.entityId } : {}),
  };
  if (filter?.marketId) {
    // Units trading in the market: one more statement, whatever the page size.
    const units = await em.find(MarketEntityTable, { marketId: filter.marketId }, { fields: ['id'] });
    Object.assign(where, { entityId: { $in: units.map((unit) => unit.id) } });
  }
  const page = await findPage(em, PartyMemberEntity, where, { first, after });
  if (filter?.search?.trim()) {
    // A search by name reads personal data: who searched, where, and how much matched — never the term.
    await writeAudit(em, viewer, [
      {
        action: 'SEARCH_PERSONAL_DATA',
        subjectType: 'PartyMember',
        subjectId: null,
        regionCode,
        detail: { field: 'name', matches: page.totalCount },
      },
    ]);
  }
  return page;
}
