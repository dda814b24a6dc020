import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum FileFormat {
  CSV = 'CSV',
  XLSX = 'XLSX',
}

registerEnumType(FileFormat, {
  name: 'FileFormat',
  description: 'Spreadsheet format: CSV (UTF-8 or GBK, as Chinese Excel/WPS writes it) or XLSX.',
});

@ObjectType('MemberImportResult', {
  description: 'What an import of the registration form did (or, with dryRun, would do).',
})
export class MemberImportResult {
  @Field(() => Int, { description: 'Data rows in the file.' })
  rows!: number;

  @Field(() => Int, { description: 'Rows that passed every check: members added, or already registered.' })
  accepted!: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Members added. Null unless your role is admin: it would tell whether a person is already registered.',
  })
  imported!: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Rows whose person was already registered in the same unit (re-import). Null unless your role is admin.',
  })
  unchanged!: number | null;

  @Field(() => Int, { description: 'Units (market entities) registered because the file named them first.' })
  unitsCreated!: number;

  @Field(() => Boolean)
  dryRun!: boolean;

  @Field(() => Boolean, { description: 'True when imported/unchanged are withheld (your role is not admin).' })
  personalDataMasked!: boolean;
}

@ObjectType('FormExport', { description: 'The registration form as a file.' })
export class FormExport {
  @Field(() => String)
  fileName!: string;

  @Field(() => String, { description: 'The file, base64-encoded.' })
  contentBase64!: string;

  @Field(() => Int)
  rows!: number;

  @Field(() => Boolean, {
    description: 'True when names, phones and household places are masked (your role is not admin).',
  })
  personalDataMasked!: boolean;
}
