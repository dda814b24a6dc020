import { Field, ObjectType } from 'type-graphql';
import { MarketEntity } from './market-entity.type.js';
import { CoverageClass } from '../coverage/coverage-class.js';

@ObjectType('StandaloneCapableEntity', {
  description:
    'An operating entity able to form its own branch (≥ 3 formal members working there) that has none (具备单独组建条件未组建), and how it is reached instead.',
})
export class StandaloneCapableEntity {
  @Field(() => MarketEntity)
  entity!: MarketEntity;

  @Field(() => CoverageClass, { description: 'How it is reached on the date: JOINT, ATTACHED, INSTRUCTOR or NONE.' })
  coverage!: CoverageClass;
}
