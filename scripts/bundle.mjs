// Bundles the programs (the CLI, the language server and its lint worker) into single files at the
// paths package.json's `bin` names, over tsc's per-module output. Why: starting the CLI
// from ~150 ES modules, and Chevrotain's package entry from hundreds of lodash-es files,
// cost ~0.5 s of CPU before the first line was read; Chevrotain also ships a
// self-contained ESM build, which loads in milliseconds.
import { build } from 'esbuild';
import { chmodSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
// The package entry is lib/src/api.js; the self-contained build sits beside lib/src.
const chevrotainBundle = path.join(path.dirname(require.resolve('chevrotain')), '..', 'chevrotain.mjs');

const programs = [
  { entry: 'src/cli/bin.ts', out: 'dist/src/cli/bin.js', split: true },
  { entry: 'server/bin.ts', out: 'dist/server/bin.js' },
  // The language server lints in this worker thread; bundled too, so it starts as fast as the server.
  { entry: 'server/lint-worker-main.ts', out: 'dist/server/lint-worker-main.js' },
];

for (const { entry, out, split } of programs) {
  await build({
    entryPoints: { [path.basename(out, '.js')]: path.join(root, entry) },
    outdir: path.join(root, path.dirname(out)),
    // The CLI loads the language server (`iptlint lsp`) only when asked: in its own chunk beside bin.js,
    // its libraries cost the other commands nothing at start-up.
    splitting: !!split,
    chunkNames: 'bin-[name]',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    alias: { chevrotain: chevrotainBundle },
    // CommonJS dependencies (vscode-languageserver) need `require` inside an ES module.
    banner: { js: "import { createRequire as __iptlintCreateRequire } from 'node:module'; const require = __iptlintCreateRequire(import.meta.url);" },
    logLevel: 'warning',
  });
}

// The commands in package.json's "bin" must be executable: `npx iptlint` in a fresh clone runs the file itself
// (npm makes a dependency's bins executable when it links them, but not the project's own).
const { bin } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
for (const file of Object.values(bin)) chmodSync(path.join(root, file), 0o755);
