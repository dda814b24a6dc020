import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';

@ObjectType('AuditEvent', {
  description: 'Who did what, when (审计记录): every write and every unmasked read of personal data.',
})
export class AuditEvent {
  @Field(() => ID)
  id!: string;

  @Field(() => Date)
  at!: Date;

  @Field(() => String, { description: 'Token subject of the user.' })
  actor!: string;

  @Field(() => String, { description: 'e.g. REGISTER_MEMBER, READ_PERSONAL_DATA, IMPORT_MEMBER.' })
  action!: string;

  @Field(() => String)
  subjectType!: string;

  @Field(() => ID, { nullable: true })
  subjectId!: string | null;

  @Field(() => ID)
  regionCode!: string;

  @Field(() => GraphQLJSONObject, { description: 'Fields and dates involved; never personal values.' })
  detail!: Record<string, unknown>;
}

@InputType({ description: 'Filter for the audit trail.' })
export class AuditEventFilter {
  @Field(() => ID, { nullable: true, description: 'Region subtree; defaults to your region.' })
  regionCode?: string | null;

  @Field(() => String, { nullable: true })
  actor?: string | null;

  @Field(() => String, { nullable: true })
  action?: string | null;

  @Field(() => ID, { nullable: true })
  subjectId?: string | null;

  @Field(() => Date, { nullable: true })
  from?: Date | null;

  @Field(() => Date, { nullable: true })
  to?: Date | null;
}
