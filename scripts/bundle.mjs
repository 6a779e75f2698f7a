// Bundles the programs (the CLI, the language server and its lint worker) into single files at the
// paths package.json's `bin` names, over tsc's per-module output, then makes the CLI's code cache. Why: starting
// the CLI from ~150 ES modules, and Chevrotain's package entry from hundreds of lodash-es files, cost ~0.5 s of CPU
// before the first line was read; Chevrotain also ships a self-contained ESM build, which loads in milliseconds.
// Compiling the 1.8 MB bundle was then a fifth of the start-up left, which the code cache saves.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
// The package entry is lib/src/api.js; the self-contained build sits beside lib/src.
const chevrotainBundle = path.join(path.dirname(require.resolve('chevrotain')), '..', 'chevrotain.mjs');

// CommonJS dependencies (vscode-languageserver) need `require` inside an ES module.
const esmRequire = "import { createRequire as __iptlintCreateRequire } from 'node:module'; const require = __iptlintCreateRequire(import.meta.url);";

const programs = [
  // The command (bin.ts) is a small script that starts the program (program.ts) from V8's code cache, which
  // V8 keeps only for scripts: the program is bundled as CommonJS (see src/cli/code-cache.ts). `iptlint lsp`
  // loads the language server from the same bundle; it is compiled only when asked for. The command is CommonJS
  // too: node starts an ES module entry through its ES module loader, 30 ms more on every run here.
  { entry: 'src/cli/bin.ts', out: 'dist/src/cli/bin.cjs', format: 'cjs' },
  { entry: 'src/cli/program.ts', out: 'dist/src/cli/iptlint.cjs', format: 'cjs' },
  { entry: 'server/bin.ts', out: 'dist/server/bin.js', format: 'esm' },
  // The language server lints in this worker thread; bundled too, so it starts as fast as the server.
  { entry: 'server/lint-worker-main.ts', out: 'dist/server/lint-worker-main.js', format: 'esm' },
];

// tsc's own output of the launcher, an unbundled ES module the bundled bin.cjs replaces: not a second way in.
for (const file of ['bin.js', 'bin.js.map', 'bin.d.ts']) rmSync(path.join(root, 'dist/src/cli', file), { force: true });

for (const { entry, out, format } of programs) {
  await build({
    entryPoints: [path.join(root, entry)],
    outfile: path.join(root, out),
    bundle: true,
    platform: 'node',
    format,
    target: 'node20',
    sourcemap: true,
    alias: { chevrotain: chevrotainBundle },
    ...(format === 'esm'
      ? { banner: { js: esmRequire } }
      : {
        // The one use of import.meta.url (main.ts finds package.json by it) becomes the bundle's own URL.
        define: { 'import.meta.url': '__iptlintUrl' },
        banner: { js: "const __iptlintUrl = require('node:url').pathToFileURL(__filename).href;" },
      }),
    logLevel: 'warning',
  });
}

// The code cache of the program: made by one run of the command over the bundled examples (the lexer, parser,
// model, every check, the kernel checks and the text output), under the flags a lint run sets and no others
// (NODE_OPTIONS left out: V8 refuses a cache made under other flags). A stale cache goes first, so that no cache
// outlives the bundle it was made from; then a fresh process checks that V8 takes the new one. Without a cache the
// command still works, only slower.
const programPath = path.join(root, 'dist/src/cli/iptlint.cjs');
// esbuild escapes what is not ASCII in code, but keeps some comments as written: one such character makes every
// start decode the program as UTF-8, several milliseconds slower than as ASCII (src/cli/code-cache.ts).
const nonAscii = /[^\x00-\x7f].*/.exec(readFileSync(programPath, 'latin1'));
if (nonAscii) console.warn(`bundle: ${path.relative(root, programPath)} is not ASCII (a comment?): ${nonAscii[0].slice(0, 80)}`);
rmSync(`${programPath}.cache`, { force: true });
const cleanEnv = { ...process.env };
delete cleanEnv.NODE_OPTIONS;
const examples = path.join(root, 'examples');
const warmRun = spawnSync(
  process.execPath,
  [path.join(root, 'dist/src/cli/bin.cjs'), '--no-color', '--kernel-config', path.join(examples, 'config-6.1.0-56-amd64'), path.join(examples, 'rules.v4'), path.join(examples, 'broken.rules')],
  { env: { ...cleanEnv, IPTLINT_BUILD_CODE_CACHE: '1' }, encoding: 'utf8' },
);
const check = spawnSync(
  process.execPath,
  ['--input-type=module', '-e', `import { setFlagsFromString } from 'node:v8';
    const { compileProgram, LINT_RUN_V8_FLAGS } = await import(${JSON.stringify(pathToFileURL(path.join(root, 'dist/src/cli/code-cache.js')).href)});
    setFlagsFromString(LINT_RUN_V8_FLAGS);
    process.stdout.write(compileProgram(${JSON.stringify(programPath)}).cache);`],
  { env: cleanEnv, encoding: 'utf8' },
);
if (check.stdout !== 'used') {
  console.warn(`bundle: the code cache of ${path.relative(root, programPath)} is ${check.stdout || 'not checked'} (iptlint exited ${warmRun.status}): ${(warmRun.stderr + check.stderr).trim()}`);
}

// The commands in package.json's "bin" must be executable: `npx iptlint` in a fresh clone runs the file itself
// (npm makes a dependency's bins executable when it links them, but not the project's own).
const { bin } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
for (const file of Object.values(bin)) chmodSync(path.join(root, file), 0o755);
