import { parseSettings } from '@xgz/kit';
import { z } from 'zod';

/**
 * Bounds on one import, from the environment: what a file may weigh and hold, and how many
 * problems a rejection lists (it always says how many there are in all).
 */
export const importLimits = parseSettings({
  /** The file as uploaded (base64 in the operation adds a third, within MAX_BODY_BYTES). */
  IMPORT_MAX_FILE_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(10 * 1024 * 1024),
  /** An XLSX unpacked: a 50,000-row form is about 30 MB. */
  IMPORT_MAX_UNCOMPRESSED_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(64 * 1024 * 1024),
  /** Data rows in one file: split larger ones by township. */
  IMPORT_MAX_ROWS: z.coerce.number().int().positive().default(50_000),
  /** Problems listed in an IMPORT_REJECTED answer. */
  IMPORT_MAX_LISTED_PROBLEMS: z.coerce.number().int().positive().default(100),
});

export type ImportLimits = typeof importLimits;
