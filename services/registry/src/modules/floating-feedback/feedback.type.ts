import { Field, ID, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { PartyMember } from '../party-member/party-member.type.js';
import { FeedbackStep } from './feedback-step.js';

@ObjectType('FeedbackStepRecord', { description: 'One dated step of a floating member’s two-way feedback chain.' })
export class FeedbackStepRecord {
  @Field(() => ID)
  id!: string;

  @Field(() => FeedbackStep)
  step!: FeedbackStep;

  @Field(() => LocalDateResolver)
  occurredOn!: string;

  @Field(() => String, { nullable: true, description: 'Who confirmed, evaluated or received (branch or secretary).' })
  handledBy!: string | null;

  @Field(() => String, { nullable: true, description: 'Reference of the stamped proof, letter or receipt.' })
  proofReference!: string | null;

  @Field(() => String, { nullable: true, description: 'Activity, or the evaluation text (评语).' })
  note!: string | null;

  @Field(() => Date)
  recordedAt!: Date;

  @Field(() => String)
  recordedBy!: string;
}

@ObjectType('OverdueFeedback', { description: 'A floating member whose next feedback step is late.' })
export class OverdueFeedback {
  @Field(() => PartyMember)
  member!: PartyMember;

  @Field(() => FeedbackStep)
  nextStep!: FeedbackStep;

  @Field(() => LocalDateResolver, { description: 'When the next step was due.' })
  dueOn!: string;

  @Field(() => Int)
  daysOverdue!: number;
}
