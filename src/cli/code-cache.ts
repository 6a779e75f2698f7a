/**
 * Compiling the bundled program with V8's code cache: the bytecode of every
 * function a typical run compiles, saved once at build time (scripts/bundle.mjs)
 * and handed to V8 at each start instead of parsing and compiling 1.8 MB of
 * JavaScript again (about 20 ms of the 190 ms a run on a small file took here);
 * the functions a lint compiles lazily come from the cache too (another 20 ms
 * on a 10,000-rule file). Node 20 has no compile cache of its own for modules
 * (module.enableCompileCache came in 22.1), and V8 caches only scripts, so the
 * program is a CommonJS bundle run as a script.
 *
 * V8 refuses a cache made by another V8 version or with other V8 flags (the
 * program then compiles as usual), but it tells a changed script from the one
 * the cache was made from only by its length, and a release build of V8 does
 * not check its data for damage. So the cache file holds the length and a
 * CRC-32 of the script it was made from and a CRC-32 of V8's data, and is
 * offered to V8 only for a script of that length and CRC with its data intact.
 * (zlib's CRC-32 costs less here than loading node:crypto for a digest; the
 * file used to hold a copy of the script instead, 1.8 MB more to read at every
 * start.) A rebuilt script of the same length and the same CRC-32 would pass:
 * for a change made by a build, not by an adversary, a chance of one in 2^32.
 */
import { isAscii } from 'node:buffer';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';
import zlib from 'node:zlib';

/**
 * The V8 flags of a lint run, set by the command before it compiles the program (bin.ts): the cache is made under
 * them (scripts/bundle.mjs), and V8 takes it only under the same flags.
 */
export const LINT_RUN_V8_FLAGS = '--heap-growing-percent=400';

/** What became of the code cache: used, refused by V8, made for another script or damaged (stale), or not read. */
export type CacheState = 'used' | 'rejected' | 'stale' | 'absent';

export interface CompiledProgram {
  cache: CacheState;
  /** Runs the program, as Node runs a CommonJS module. */
  run(): void;
  /** Saves the code cache of everything compiled so far: call at exit, after a typical run. */
  save(): void;
}

/** zlib.crc32 came in Node 20.15: without it, no cache is trusted (the program only starts slower). */
const crc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

/** The cache file: the script's length, its CRC-32 and the CRC-32 of V8's data (4 bytes each, little-endian), then V8's data. */
const HEADER = 12;

function readCache(cachePath: string, source: Buffer): { data?: Buffer; state: CacheState } {
  if (!crc32) return { state: 'absent' };
  let file: Buffer;
  try {
    file = readFileSync(cachePath);
  } catch {
    return { state: 'absent' };
  }
  if (file.length <= HEADER || file.readUInt32LE(0) !== source.length || file.readUInt32LE(4) !== crc32(source)) return { state: 'stale' };
  const data = file.subarray(HEADER);
  if (crc32(data) !== file.readUInt32LE(8)) return { state: 'stale' };
  return { data, state: 'used' };
}

/**
 * Compiles the CommonJS file `scriptPath`, with its code cache (`scriptPath` + `.cache`) when there is a good one
 * and `useCache` (a run whose V8 flags differ from the cache's would only read it to have V8 refuse it).
 */
export function compileProgram(scriptPath: string, useCache = true): CompiledProgram {
  const source = readFileSync(scriptPath);
  const cachePath = `${scriptPath}.cache`;
  const cached = useCache ? readCache(cachePath, source) : { state: 'absent' as const, data: undefined };
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
      if (!crc32) throw new Error(`node ${process.version} has no zlib.crc32 (20.15 or later has)`);
      const data = script.createCachedData();
      const header = Buffer.alloc(HEADER);
      header.writeUInt32LE(source.length, 0);
      header.writeUInt32LE(crc32(source), 4);
      header.writeUInt32LE(crc32(data), 8);
      // Written aside and renamed: a run starting meanwhile reads the old cache or the new one, never half of one.
      const partial = `${cachePath}.${process.pid}`;
      writeFileSync(partial, Buffer.concat([header, data]));
      renameSync(partial, cachePath);
    },
  };
}
