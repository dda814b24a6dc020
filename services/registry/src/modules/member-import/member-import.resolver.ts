import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { badUserInput } from '@xgz/kit';
import type { RegistryContext } from '../../context.js';
import { exportPartyMembers } from './member-export.service.js';
import { importPartyMembers } from './member-import.service.js';
import { FileFormat, FormExport, MemberImportResult } from './member-import.type.js';
import { FormHeaderError, readRegistrationForm } from './registration-form.reader.js';

/** Files arrive base64-encoded in the operation: the gateway forwards plain JSON. 10,000 rows ≈ 1 MB. */
const MAX_FILE_BYTES = 20 * 1024 * 1024;

@Resolver()
export class MemberImportResolver {
  @Mutation(() => MemberImportResult, {
    description:
      'Imports the registration form (个体工商户党建信息登记表) from CSV or XLSX. Any bad row: IMPORT_REJECTED listing every row, column and reason, and nothing is written. Re-importing adds nothing.',
  })
  async importPartyMembers(
    @Arg('contentBase64', () => String) contentBase64: string,
    @Arg('format', () => FileFormat) format: FileFormat,
    @Arg('regionCode', () => ID, { description: 'Region the file belongs to; rows without 所在地区代码 are placed here.' }) regionCode: string,
    @Ctx() ctx: RegistryContext,
    @Arg('dryRun', () => Boolean, { defaultValue: false }) dryRun: boolean,
  ) {
    const bytes = Buffer.from(contentBase64, 'base64');
    if (bytes.length === 0) throw badUserInput('contentBase64 is empty: send the file base64-encoded.', 'contentBase64');
    if (bytes.length > MAX_FILE_BYTES) throw badUserInput('The file is over 20 MB: split it by township.', 'contentBase64');
    let rows;
    try {
      rows = await readRegistrationForm(bytes, format);
    } catch (error) {
      if (error instanceof FormHeaderError) throw badUserInput(error.message, 'contentBase64');
      throw badUserInput(`The file could not be read as ${format}: check the format argument.`, 'format');
    }
    return importPartyMembers(ctx.em, ctx.viewer, rows, { regionCode, dryRun });
  }

  @Query(() => FormExport, { description: 'Exports active members of a region subtree as the registration form (same columns as the import).' })
  exportPartyMembers(
    @Arg('format', () => FileFormat) format: FileFormat,
    @Ctx() ctx: RegistryContext,
    @Arg('regionCode', () => ID, { nullable: true }) regionCode?: string | null,
  ) {
    return exportPartyMembers(ctx.em, ctx.viewer, regionCode, format);
  }
}
