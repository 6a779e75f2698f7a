/**
 * The command starts the bundled program from V8's code cache (src/cli/code-cache.ts), made by the build. These
 * run the real bundle and its real cache in fresh node processes: whether V8 takes a cache depends on the process's
 * V8 version and flags, which only a new process shows.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { iptlint, ROOT, scratch } from './run.js';

const PROGRAM = path.join(ROOT, 'dist/src/cli/iptlint.cjs');
const CODE_CACHE_MODULE = path.join(ROOT, 'dist/src/cli/code-cache.js');

/**
 * In a new node process: sets V8 up as the command does for a lint run (or not, with `heapFlag: false`, as for
 * `iptlint lsp`), compiles `program`, then does `then` ('run' with `args` as the program's arguments, or 'save').
 */
function compileIn(program: string, opts: { heapFlag?: boolean; then?: 'run' | 'save'; args?: string[] } = {}) {
  const script = `
    import { setFlagsFromString } from 'node:v8';
    const { compileProgram, LINT_RUN_V8_FLAGS } = await import(${JSON.stringify(CODE_CACHE_MODULE)});
    ${opts.heapFlag === false ? '' : 'setFlagsFromString(LINT_RUN_V8_FLAGS);'}
    const program = compileProgram(${JSON.stringify(program)});
    process.stderr.write('cache: ' + program.cache + '\\n');
    // As node runs a script: the program's arguments after its path.
    process.argv = [process.argv[0], ${JSON.stringify(program)}, ...${JSON.stringify(opts.args ?? [])}];
    ${opts.then === 'save' ? 'program.save();' : opts.then === 'run' ? 'program.run();' : ''}
  `;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
  const state = /^cache: (\w+)$/m.exec(r.stderr)?.[1];
  return { state, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A copy of the built program in a scratch directory, with its cache unless `withCache` is false. */
function copyOfProgram(withCache = true): string {
  const dir = scratch();
  const copy = path.join(dir, 'iptlint.cjs');
  copyFileSync(PROGRAM, copy);
  if (withCache) copyFileSync(`${PROGRAM}.cache`, `${copy}.cache`);
  return copy;
}

describe('code cache', () => {
  test('the build makes one, and a lint run uses it', () => {
    expect(existsSync(`${PROGRAM}.cache`)).toBe(true);
    expect(compileIn(PROGRAM).state).toBe('used');
  });

  test('V8 refuses it under other flags (as for `iptlint lsp`); the program still runs', () => {
    const r = compileIn(PROGRAM, { heapFlag: false, then: 'run', args: ['--version'] });
    expect(r.state).toBe('rejected');
    expect(r.stdout).toMatch(/^iptlint \d+\.\d+\.\d+/);
  });

  test('a cache made from another script of the same length is not offered to V8 at all', () => {
    const copy = copyOfProgram();
    const text = readFileSync(copy, 'utf8');
    // Same length, other code: V8's own check compares only the length, and would run the old bytecode.
    const changed = text.replace("`no problems in ${files}`", "`NO problems in ${files}`");
    expect(changed).not.toBe(text);
    expect(changed.length).toBe(text.length);
    writeFileSync(copy, changed);
    const r = compileIn(copy, { then: 'run', args: [path.join(ROOT, 'examples/rules.v4'), '--no-kernel'] });
    expect(r.state).toBe('stale');
    expect(r.stdout).toContain('NO problems in 1 file');
  });

  test('a cache whose V8 data is damaged is not offered to V8 (a release V8 does not check it, and could crash)', () => {
    const copy = copyOfProgram();
    const cache = readFileSync(`${copy}.cache`);
    // Past the header (12 bytes): one byte of V8's own data.
    const at = 12 + 500_000;
    cache[at] ^= 0xff;
    writeFileSync(`${copy}.cache`, cache);
    const r = compileIn(copy, { then: 'run', args: [path.join(ROOT, 'examples/broken.rules'), '--no-kernel', '--format', 'json'] });
    expect(r.state).toBe('stale');
    // The same findings as the command's (the copy, away from package.json, does not know its version).
    const expected = iptlint([path.join(ROOT, 'examples/broken.rules'), '--no-kernel', '--format', 'json']).stdout;
    expect(JSON.parse(r.stdout).files).toEqual(JSON.parse(expected).files);
  });

  test('a truncated cache is not offered either', () => {
    const copy = copyOfProgram();
    const cache = readFileSync(`${copy}.cache`);
    writeFileSync(`${copy}.cache`, cache.subarray(0, cache.length - 1000));
    expect(compileIn(copy).state).toBe('stale');
  });

  test('without one the program compiles as usual; save() makes one the next process uses', () => {
    const copy = copyOfProgram(false);
    const first = compileIn(copy, { then: 'save' });
    expect(first.state).toBe('absent');
    expect(existsSync(`${copy}.cache`)).toBe(true);
    expect(compileIn(copy).state).toBe('used');
  });

  test('a command whose program is missing says so in one line, exit 2', () => {
    const dir = scratch();
    copyFileSync(path.join(ROOT, 'dist/src/cli/bin.cjs'), path.join(dir, 'bin.cjs'));
    const r = spawnSync(process.execPath, [path.join(dir, 'bin.cjs'), '--version'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`iptlint: cannot start: ${path.join(dir, 'iptlint.cjs')}: missing (run \`npm run build\`)\n`);
  });

  test('the command itself runs from the cache and lints as before', () => {
    const r = iptlint([path.join(ROOT, 'examples/rules.v4'), '--no-kernel']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('no problems in 1 file\n');
  });
});
