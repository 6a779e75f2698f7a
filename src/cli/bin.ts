#!/usr/bin/env node
/**
 * The `iptlint` command: sets V8 up for the run, then starts the program
 * (program.ts, bundled as iptlint.cjs beside this file) from its code cache.
 */
import { createRequire } from 'node:module';
import { setFlagsFromString } from 'node:v8';
import { fileURLToPath } from 'node:url';
import { compileProgram, LINT_RUN_V8_FLAGS, type CompiledProgram } from './code-cache.js';

const args = process.argv.slice(2);

// A lint run is a short batch job whose model lives until the end: let the heap grow five-fold between full
// collections instead of V8's default (at most four-fold, often less). On a 100,000-rule file that skips a full
// collection near the end, which traced the whole, still live model and took a tenth of the CPU time, for the same
// peak memory. Not for the language server (`iptlint lsp`), a long-lived process whose documents come and go, nor
// when the user chose a value. Set before compiling: the code cache is made, and is valid, under these flags only.
const userChose = process.execArgv.some((a) => a.startsWith('--heap-growing-percent'));
const lintRun = args[0] !== 'lsp' && !userChose;
if (lintRun) setFlagsFromString(LINT_RUN_V8_FLAGS);
/** The user sized the young generation (node's command line or NODE_OPTIONS): left as they chose. */
const youngSizedByUser = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((a) => /--(?:max-|min-)?semi[-_]space/.test(a));

const programPath = fileURLToPath(new URL('./iptlint.cjs', import.meta.url));
let program: CompiledProgram | undefined;
try {
  // `node --enable-source-maps`: Node maps the stack traces of modules it loads, not of scripts compiled by hand.
  if (process.sourceMapsEnabled) createRequire(import.meta.url)(programPath);
  else program = compileProgram(programPath, lintRun);
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  const reason = code === 'ENOENT' || code === 'MODULE_NOT_FOUND' ? 'missing (run `npm run build`)' : (error as Error).message;
  process.stderr.write(`iptlint: cannot start: ${programPath}: ${reason}\n`);
  process.exit(2);
}
if (program) {
  const compiled = program;
  // The build runs the command once with this set, to make the cache (scripts/bundle.mjs).
  const makingCache = process.env.IPTLINT_BUILD_CODE_CACHE === '1';
  if (makingCache) {
    process.on('exit', () => {
      try {
        compiled.save();
      } catch (error) {
        process.stderr.write(`iptlint: code cache not saved: ${(error as Error).message}\n`);
      }
    });
  }
  compiled.run();
  // The program has started and waits for its first input; its lint follows. Keep the young generation at the size
  // start-up left it (2 MB per semi-space here) instead of letting it grow eight-fold on the survivors of a large
  // ruleset (its chains, which the old generation keeps anyway): on a 100,000-rule file that is 6,000 fewer pages
  // of fresh memory (23 MB less peak memory) and 5% less wall time, for more but shorter scavenges. After compiling,
  // and not in the run that makes the cache: V8 takes a cache only under the flags it was made with, this one too.
  if (lintRun && !makingCache && !youngSizedByUser) setFlagsFromString('--semi-space-growth-factor=1');
}
