import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { RegistryContext } from '../../context.js';
import { exportPartyMembers } from './member-export.service.js';
import { importRegistrationForm } from './member-import.service.js';
import { FileFormat, FormExport, MemberImportResult } from './member-import.type.js';

@Resolver()
export class MemberImportResolver {
  @Mutation(() => MemberImportResult, {
    description:
      'Imports the registration form (个体工商户党建信息登记表) from CSV or XLSX, base64-encoded (at most IMPORT_MAX_FILE_BYTES, 10 MB, and IMPORT_MAX_ROWS, 50,000 rows). Any bad row: IMPORT_REJECTED counting every problem and listing the first, and nothing is written. Re-importing adds nothing.',
  })
  importPartyMembers(
    @Arg('contentBase64', () => String, { description: 'The file, base64-encoded.' }) contentBase64: string,
    @Arg('format', () => FileFormat) format: FileFormat,
    @Arg('regionCode', () => ID, {
      description: 'Region the file belongs to; rows without 所在地区代码 are placed here.',
    })
    regionCode: string,
    @Ctx() ctx: RegistryContext,
    @Arg('dryRun', () => Boolean, { defaultValue: false }) dryRun: boolean,
  ) {
    return importRegistrationForm(ctx.em, ctx.viewer, { contentBase64, format, regionCode, dryRun });
  }

  @Query(() => FormExport, {
    description: 'Exports active members of a region subtree as the registration form (same columns as the import).',
  })
  exportPartyMembers(
    @Arg('format', () => FileFormat) format: FileFormat,
    @Ctx() ctx: RegistryContext,
    @Arg('regionCode', () => ID, { nullable: true }) regionCode?: string | null,
  ) {
    return exportPartyMembers(ctx.em, ctx.viewer, regionCode, format);
  }
}
