/**
 * pnpm schema:emit   writes schema/<subgraph>.graphql and schema/supergraph.graphql
 * pnpm schema:check  fails when the committed files differ from what the code emits
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { emitSchemaFiles, schemaFolder, staleSchemaFiles } from './schema-files.js';

const files = await emitSchemaFiles();
if (process.argv.includes('--check')) {
  const stale = await staleSchemaFiles(schemaFolder, files);
  if (stale.length > 0) {
    console.error(
      `The committed schema differs from what the code emits:\n  schema/${stale.join('\n  schema/')}\nRun \`pnpm schema:emit\` and commit the result.`,
    );
    process.exit(1);
  }
  console.log(`schema/ is up to date (${files.size} files)`);
} else {
  for (const [name, content] of files) await writeFile(path.join(schemaFolder, name), content);
  console.log(`wrote ${files.size} files to schema/`);
}
