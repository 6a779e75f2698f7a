/**
 * Compiling the bundled program with V8's code cache: the bytecode of every
 * function a typical run compiles, saved once at build time (scripts/bundle.mjs)
 * and handed to V8 at each start instead of parsing and compiling 1.8 MB of
 * JavaScript again (about 20 ms of the 190 ms a run on a small file took here);
 * the functions a lint compiles lazily come from the cache too (another 20 ms
 * on a 10,000-rule file).
 * Node 20 has no compile cache of its own for modules (module.enableCompileCache
 * came in 22.1), and V8 caches only scripts, so the program is a CommonJS bundle
 * run as a script.
 *
 * V8 refuses a cache made by another V8 version or with other V8 flags (the
 * program then compiles as usual), but tells a changed script from the one the
 * cache was made from only by its length: so the cache file starts with a copy
 * of the script it was made from, and is offered to V8 only for that very
 * script. (A byte comparison costs less here than loading node:crypto for a
 * digest.)
 */
import { isAscii } from 'node:buffer';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

/** What became of the code cache: used, refused by V8, made for another script (stale), or not there. */
export type CacheState = 'used' | 'rejected' | 'stale' | 'absent';

export interface CompiledProgram {
  cache: CacheState;
  /** Runs the program, as Node runs a CommonJS module. */
  run(): void;
  /** Saves the code cache of everything compiled so far: call at exit, after a typical run. */
  save(): void;
}

/** The cache file: the script's length (4 bytes), the script, then V8's data. */
function readCache(cachePath: string, source: Buffer): { data?: Buffer; state: CacheState } {
  let file: Buffer;
  try {
    file = readFileSync(cachePath);
  } catch {
    return { state: 'absent' };
  }
  const length = file.length >= 4 ? file.readUInt32LE(0) : -1;
  const dataStart = 4 + length;
  if (length !== source.length || file.length <= dataStart || !file.subarray(4, dataStart).equals(source)) return { state: 'stale' };
  return { data: file.subarray(dataStart), state: 'used' };
}

/** Compiles the CommonJS file `scriptPath` with its code cache (`scriptPath` + `.cache`) when there is a good one. */
export function compileProgram(scriptPath: string): CompiledProgram {
  const source = readFileSync(scriptPath);
  const cachePath = `${scriptPath}.cache`;
  const cached = readCache(cachePath, source);
  // esbuild writes ASCII (it escapes the rest), which latin1 decodes exactly and several times faster than UTF-8.
  const text = isAscii(source) ? source.toString('latin1') : source.toString('utf8');
  // Node's own CommonJS wrapper, on a line of its own: lineOffset keeps stack traces on the file's lines.
  const wrapped = `(function (exports, require, module, __filename, __dirname) {\n${text}\n})`;
  const script = new Script(wrapped, { filename: scriptPath, lineOffset: -1, cachedData: cached.data });
  const cache: CacheState = cached.data && script.cachedDataRejected ? 'rejected' : cached.state;
  return {
    cache,
    run() {
      const module = { exports: {} };
      const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
      wrapper(module.exports, createRequire(scriptPath), module, scriptPath, dirname(scriptPath));
    },
    save() {
      const length = Buffer.alloc(4);
      length.writeUInt32LE(source.length);
      // Written aside and renamed: a run starting meanwhile reads the old cache or the new one, never half of one.
      const partial = `${cachePath}.${process.pid}`;
      writeFileSync(partial, Buffer.concat([length, source, script.createCachedData()]));
      renameSync(partial, cachePath);
    },
  };
}
