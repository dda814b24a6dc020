import yauzl from 'yauzl';
import { FormFileError } from './form-file-error.js';

const MAX_ENTRIES = 1_000;

/**
 * Checks an XLSX (a ZIP archive) before it is unpacked for reading: at most MAX_ENTRIES parts, and
 * at most `maxBytes` once inflated — counted while actually inflating (yauzl checks every part
 * against its declared size), so a bomb declaring small sizes is caught as soon as it overflows.
 */
export async function assertArchiveWithinLimits(bytes: Buffer, maxBytes: number): Promise<void> {
  const archive = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true }, (error, zip) =>
      error ? reject(error) : resolve(zip),
    ),
  ).catch(() => {
    throw new FormFileError('The file is not an XLSX workbook (not a ZIP archive): check the format argument.');
  });
  if (archive.entryCount > MAX_ENTRIES) {
    archive.close();
    throw new FormFileError(`The workbook has ${archive.entryCount} parts; a registration form has a few dozen.`);
  }
  const tooLarge = () =>
    new FormFileError(
      `The workbook unpacks to more than ${maxBytes} bytes (IMPORT_MAX_UNCOMPRESSED_BYTES): split it by township.`,
    );
  let inflated = 0;
  await new Promise<void>((resolve, reject) => {
    const fail = (error: Error) => {
      archive.close();
      reject(error);
    };
    archive.on('error', () => fail(new FormFileError('The workbook is damaged: save it again from Excel or WPS.')));
    archive.on('end', resolve);
    archive.on('entry', (entry: yauzl.Entry) => {
      if (inflated + entry.uncompressedSize > maxBytes) return fail(tooLarge());
      archive.openReadStream(entry, (error, stream) => {
        if (error) return fail(new FormFileError('The workbook is damaged: save it again from Excel or WPS.'));
        stream.on('data', (chunk: Buffer) => {
          inflated += chunk.length;
          if (inflated > maxBytes) {
            stream.destroy();
            fail(tooLarge());
          }
        });
        stream.on('error', () =>
          fail(
            new FormFileError(
              'The workbook is damaged (a part is not what it declares): save it again from Excel or WPS.',
            ),
          ),
        );
        stream.on('end', () => archive.readEntry());
      });
    });
    archive.readEntry();
  });
}
