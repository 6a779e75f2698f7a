// Generates docs/checks/*.md from every check's CheckInfo and schema/iptlintrc.schema.json from
// src/config/schema.ts, so documentation and schema come from the same source as the code.
// Needs a build first (npx tsc -p tsconfig.json). Usage:
//   node scripts/gen-docs.mjs           write the files (and delete pages of checks that no longer exist)
//   node scripts/gen-docs.mjs --check   exit 1 and list what is stale, write nothing
import { existsSync, mkdirSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { generatedDocs } = await import(new URL('../dist/src/check-docs.js', import.meta.url));
const { CONFIG_SCHEMA } = await import(new URL('../dist/src/config/schema.js', import.meta.url));

const wanted = new Map();
for (const [name, text] of generatedDocs()) wanted.set(`docs/checks/${name}`, text);
wanted.set('schema/iptlintrc.schema.json', JSON.stringify(CONFIG_SCHEMA, null, 2) + '\n');

const check = process.argv.includes('--check');
const stale = [];
for (const [file, text] of wanted) {
  const full = root + file;
  const current = existsSync(full) ? readFileSync(full, 'utf8') : undefined;
  if (current === text) continue;
  stale.push(current === undefined ? `missing ${file}` : `outdated ${file}`);
  if (!check) {
    mkdirSync(full.slice(0, full.lastIndexOf('/')), { recursive: true });
    writeFileSync(full, text);
  }
}
const docsDir = root + 'docs/checks';
if (existsSync(docsDir)) {
  for (const name of readdirSync(docsDir)) {
    if (!name.endsWith('.md') || wanted.has(`docs/checks/${name}`)) continue;
    stale.push(`obsolete docs/checks/${name}`);
    if (!check) unlinkSync(`${docsDir}/${name}`);
  }
}
if (check && stale.length > 0) {
  console.error(`Generated documentation is stale (run: npx tsc -p tsconfig.json && node scripts/gen-docs.mjs):\n  ${stale.join('\n  ')}`);
  process.exit(1);
}
if (!check) console.log(stale.length ? `updated:\n  ${stale.join('\n  ')}` : 'docs are up to date');
