import { Directive, Field, Float, Int, ObjectType } from 'type-graphql';

/** A rate with its parts: Σ numerator ÷ Σ denominator at every level, never an average of child rates. */
@Directive('@shareable')
@ObjectType('Rate', {
  description: 'A rate (比率) with its numerator and denominator; `value` is null when the denominator is 0.',
})
export class Rate {
  @Field(() => Int)
  numerator!: number;

  @Field(() => Int)
  denominator!: number;

  @Field(() => Float, { nullable: true, description: 'numerator ÷ denominator, 0–1.' })
  value!: number | null;

  static of(numerator: number, denominator: number): Rate {
    return Object.assign(new Rate(), {
      numerator,
      denominator,
      value: denominator === 0 ? null : numerator / denominator,
    });
  }
}
