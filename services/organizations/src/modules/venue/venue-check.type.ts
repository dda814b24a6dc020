import { Field, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { meetsVenueStandard, type VenueCheckRow } from './venue-check.entity.js';

@ObjectType('VenueCheck', {
  description: 'The "六有" venue standard as last checked: place, facilities, sign, flag, books and papers, rules.',
})
export class VenueCheck {
  @Field(() => LocalDateResolver)
  checkedOn!: string;

  @Field(() => Boolean, { description: '有场所' })
  place!: boolean;

  @Field(() => Boolean, { description: '有设施' })
  facilities!: boolean;

  @Field(() => Boolean, { description: '有标志' })
  sign!: boolean;

  @Field(() => Boolean, { description: '有党旗' })
  flag!: boolean;

  @Field(() => Boolean, { description: '有书报' })
  booksAndPapers!: boolean;

  @Field(() => Boolean, { description: '有制度' })
  rules!: boolean;

  @Field(() => Boolean, { description: 'All six present (六有达标).' })
  meetsStandard!: boolean;
}

export const presentVenueCheck = (row: VenueCheckRow): VenueCheck => ({
  ...row,
  meetsStandard: meetsVenueStandard(row),
});
