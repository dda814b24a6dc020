import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum FileFormat {
  CSV = 'CSV',
  XLSX = 'XLSX',
}

registerEnumType(FileFormat, {
  name: 'FileFormat',
  description: 'Spreadsheet format: CSV (UTF-8 or GBK, as Chinese Excel/WPS writes it) or XLSX.',
});

@ObjectType('MemberImportResult', { description: 'What an import of the registration form did (or, with dryRun, would do).' })
export class MemberImportResult {
  @Field(() => Int, { description: 'Data rows in the file.' })
  rows!: number;

  @Field(() => Int, { description: 'Members added.' })
  imported!: number;

  @Field(() => Int, { description: 'Rows whose person was already registered in the same unit (re-import).' })
  unchanged!: number;

  @Field(() => Int, { description: 'Units (market entities) registered because the file named them first.' })
  unitsCreated!: number;

  @Field(() => Boolean)
  dryRun!: boolean;
}

@ObjectType('FormExport', { description: 'The registration form as a file.' })
export class FormExport {
  @Field(() => String)
  fileName!: string;

  @Field(() => String, { description: 'The file, base64-encoded.' })
  contentBase64!: string;

  @Field(() => Int)
  rows!: number;

  @Field(() => Boolean, { description: 'True when names, phones and household places are masked (your role is not admin).' })
  personalDataMasked!: boolean;
}
