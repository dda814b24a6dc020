import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { RegistryContext } from '../../context.js';
import { FileFormat } from '../member-import/member-import.type.js';
import { findMemberImportJob, startMemberImportJob } from './member-import-job.service.js';
import { MemberImportJob, presentImportJob } from './member-import-job.type.js';

@Resolver()
export class MemberImportJobResolver {
  @Mutation(() => MemberImportJob, {
    description:
      'Imports the registration form as a job, for files of any size up to IMPORT_MAX_ROWS (importPartyMembers takes IMPORT_SYNC_MAX_ROWS within one request): answers at once with the job; follow it with partyMemberImport(id). The same file sent again by you for the same region answers the same job. All or nothing, and re-importing adds nothing, as importPartyMembers.',
  })
  async startPartyMemberImport(
    @Arg('contentBase64', () => String, { description: 'The file, base64-encoded.' }) contentBase64: string,
    @Arg('format', () => FileFormat) format: FileFormat,
    @Arg('regionCode', () => ID, {
      description: 'Region the file belongs to; rows without 所在地区代码 are placed here.',
    })
    regionCode: string,
    @Ctx() ctx: RegistryContext,
    @Arg('dryRun', () => Boolean, { defaultValue: false }) dryRun: boolean,
  ): Promise<MemberImportJob> {
    return presentImportJob(
      await startMemberImportJob(ctx.em, ctx.viewer, { contentBase64, format, regionCode, dryRun }),
    );
  }

  @Query(() => MemberImportJob, {
    nullable: true,
    description: 'An import job you started (any of your region, for an admin); null otherwise.',
  })
  async partyMemberImport(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: RegistryContext,
  ): Promise<MemberImportJob | null> {
    const job = await findMemberImportJob(ctx.em, ctx.viewer, id);
    return job ? presentImportJob(job) : null;
  }
}
