import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { placedRecordPolicies, placedRecordProperties } from '@xgz/kit';

/** The "六有" venue standard of an organization as checked on a date; holds until the next check. */
export const VenueCheckEntity = defineEntity({
  name: 'VenueCheck',
  tableName: 'venue_check',
  indexes: [{ name: 'venue_check_organization_index', properties: ['organizationId', 'checkedOn'] }],
  properties: {
    ...placedRecordProperties('venue_check'),
    organizationId: p.uuid(),
    checkedOn: p.date(),
    place: p.boolean(),
    facilities: p.boolean(),
    sign: p.boolean(),
    flag: p.boolean(),
    booksAndPapers: p.boolean(),
    rules: p.boolean(),
  },
  policies: placedRecordPolicies,
});

export type VenueCheckRow = InferEntity<typeof VenueCheckEntity>;

/** All six items present (六有达标). */
export const meetsVenueStandard = (
  check: Pick<VenueCheckRow, 'place' | 'facilities' | 'sign' | 'flag' | 'booksAndPapers' | 'rules'>,
) => check.place && check.facilities && check.sign && check.flag && check.booksAndPapers && check.rules;
