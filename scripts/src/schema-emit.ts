/**
 * pnpm schema:emit   writes schema/<subgraph>.graphql and schema/supergraph.graphql
 * pnpm schema:check  fails when the committed files differ from what the code emits
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { emitSchemaFiles, schemaFolder } from './schema-files.js';

const check = process.argv.includes('--check');
const files = await emitSchemaFiles();
const stale: string[] = [];
for (const [name, content] of files) {
  const file = path.join(schemaFolder, name);
  if (check) {
    const committed = await readFile(file, 'utf8').catch(() => null);
    if (committed !== content) stale.push(`schema/${name}`);
  } else {
    await writeFile(file, content);
  }
}
if (check && stale.length > 0) {
  console.error(`The committed schema differs from what the code emits:\n  ${stale.join('\n  ')}\nRun \`pnpm schema:emit\` and commit the result.`);
  process.exit(1);
}
console.log(check ? `schema/ is up to date (${files.size} files)` : `wrote ${files.size} files to schema/`);
