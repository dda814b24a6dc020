import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { MemberImportResult } from '../member-import/member-import.type.js';
import { ImportJobStatus } from './import-job-status.js';
import type { MemberImportJobRow } from './member-import-job.entity.js';

@ObjectType('ImportProblem', { description: 'One problem of a row of an import file, as IMPORT_REJECTED lists them.' })
export class ImportProblem {
  @Field(() => Int, { description: 'Row number in the file (the header is row 1).' })
  row!: number;

  @Field(() => String, { description: 'Column, as the form heads it (手机号码…).' })
  column!: string;

  @Field(() => String)
  reason!: string;
}

@ObjectType('MemberImportJob', {
  description:
    'An import of the registration form run as a job (导入任务): follow it until SUCCEEDED (result), REJECTED (problems) or FAILED (message).',
})
export class MemberImportJob {
  @Field(() => ID)
  id!: string;

  @Field(() => ImportJobStatus)
  status!: ImportJobStatus;

  @Field(() => ID, { description: 'The region the file was imported for.' })
  regionCode!: string;

  @Field(() => Boolean)
  dryRun!: boolean;

  @Field(() => String, { nullable: true, description: 'What it is doing while RUNNING: read, validate, write.' })
  stage!: string | null;

  @Field(() => Int, { description: 'Rows done of the current stage.' })
  done!: number;

  @Field(() => Int, { description: 'Rows in the file (0 until it is read).' })
  total!: number;

  @Field(() => MemberImportResult, { nullable: true, description: 'What was imported, once SUCCEEDED.' })
  result!: MemberImportResult | null;

  @Field(() => [ImportProblem], {
    nullable: true,
    description: 'Why it was REJECTED: the first IMPORT_MAX_LISTED_PROBLEMS problems, in row order.',
  })
  problems!: ImportProblem[] | null;

  @Field(() => Int, { nullable: true, description: 'Problems in all (REJECTED).' })
  problemCount!: number | null;

  @Field(() => Int, { nullable: true, description: 'Rows with a problem (REJECTED).' })
  rowCount!: number | null;

  @Field(() => String, { nullable: true, description: 'What went wrong, for REJECTED and FAILED.' })
  message!: string | null;

  @Field(() => Int, {
    description: 'Times a worker took it up (a worker that stopped mid-import leaves it to the next).',
  })
  attempts!: number;

  @Field(() => DateTimeResolver)
  createdAt!: Date;

  @Field(() => DateTimeResolver, { nullable: true })
  startedAt!: Date | null;

  @Field(() => DateTimeResolver, { nullable: true })
  finishedAt!: Date | null;
}

export const presentImportJob = (row: MemberImportJobRow): MemberImportJob => ({
  id: row.id,
  status: row.status,
  regionCode: row.regionCode,
  dryRun: row.dryRun,
  stage: row.stage ?? null,
  done: row.done,
  total: row.total,
  result: (row.result as MemberImportResult | null | undefined) ?? null,
  problems: row.problems ?? null,
  problemCount: row.problemCount ?? null,
  rowCount: row.rowCount ?? null,
  message: row.message ?? null,
  attempts: row.attempts,
  createdAt: row.createdAt,
  startedAt: row.startedAt ?? null,
  finishedAt: row.finishedAt ?? null,
});
