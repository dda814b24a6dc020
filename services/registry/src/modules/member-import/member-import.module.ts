import { defineModule } from '@xgz/kit';
import { MemberImportErrorCode } from './member-import.errors.js';
import { importLimits } from './member-import.settings.js';
import { MemberImportResolver } from './member-import.resolver.js';

/** Registration forms (登记表) imported and exported in bulk. */
export const memberImportModule = defineModule({
  name: 'member-import',
  resolvers: [MemberImportResolver],
  errorCodes: MemberImportErrorCode,
  uses: ['audit'],
  // A function: the file limit is a setting, read when the schema is built.
  textRules: () => ({
    /** An import file, base64 (4 characters per 3 bytes); the import itself says when it is over IMPORT_MAX_FILE_BYTES. */
    contentBase64: { maxLength: Math.ceil((importLimits.get().IMPORT_MAX_FILE_BYTES / 3) * 4 * 1.2), multiline: true },
  }),
  settings: [importLimits],
});
