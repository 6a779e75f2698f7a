/**
 * One benchmark measurement in a fresh process: read a file, call `lint()` on it `--iterations` times, print JSON.
 *
 * It runs as its own `node` process (spawned by run.ts and profile.ts) so that peak memory (`maxRSS`) belongs to this
 * one file and one lint, and so JIT state from one size does not flatter the next.
 *
 *   node dist/bench/lint-worker.js FILE [--iterations N] [--cpu-profile OUT.cpuprofile]
 *
 * `--cpu-profile` records V8's sampling CPU profiler (the one behind `node --cpu-prof`) around the first lint() call
 * only, so module loading and the file read stay out of the picture.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { basename } from 'node:path';
import { performance } from 'node:perf_hooks';

/** What the bench needs of `lint()`; kept structural so the bench compiles whatever else lint.ts exports. */
interface LintLike {
  (text: string, options?: { fileName?: string; findingsOnly?: boolean }): unknown;
}

export interface WorkerResult {
  file: string;
  bytes: number;
  lines: number;
  /** Milliseconds of each `lint()` call, in order (the first one includes JIT warm-up). */
  timesMs: number[];
  /** Milliseconds of CPU (user + system, all threads of the process, so GC helpers count) of each call. */
  cpuMs: number[];
  /** KiB: peak RSS after reading the file, before the first lint (node itself plus the text). */
  baselineMaxRssKb: number;
  /** KiB: peak RSS of the whole process at the end. */
  maxRssKb: number;
  /** Diagnostics of the first call, by code, so a report shows whether the generated file lints clean. */
  diagnostics: number;
  byCode: Record<string, number>;
}

/** Loads `lint` from the compiled core; a dynamic import so the bench builds even while src/lint.ts is being written. */
export async function loadLint(): Promise<LintLike> {
  const url = new URL('../src/lint.js', import.meta.url).href;
  const mod = (await import(url)) as { lint?: unknown };
  if (typeof mod.lint !== 'function') throw new Error(`${url} does not export a lint() function`);
  return mod.lint as LintLike;
}

/** Accepts both `{ diagnostics }` (the agreed shape) and a bare array, and returns the diagnostics. */
export function diagnosticsOf(result: unknown): Array<{ code?: string }> {
  if (Array.isArray(result)) return result as Array<{ code?: string }>;
  const d = (result as { diagnostics?: unknown } | null)?.diagnostics;
  if (Array.isArray(d)) return d as Array<{ code?: string }>;
  throw new Error('lint() returned neither { diagnostics: [...] } nor an array');
}

async function main(argv: string[]): Promise<void> {
  const file = argv[0];
  const i = argv.indexOf('--iterations');
  const iterations = i >= 0 ? Number(argv[i + 1]) : 1;
  const p = argv.indexOf('--cpu-profile');
  const profileOut = p >= 0 ? argv[p + 1] : undefined;
  if (!file || !Number.isInteger(iterations) || iterations < 1) {
    process.stderr.write('usage: node dist/bench/lint-worker.js FILE [--iterations N]\n');
    process.exitCode = 2;
    return;
  }
  const lint = await loadLint();
  const text = readFileSync(file, 'utf8');
  const baselineMaxRssKb = process.resourceUsage().maxRSS;
  const timesMs: number[] = [];
  const cpuMs: number[] = [];
  let first: Array<{ code?: string }> | undefined;
  let session: Session | undefined;
  if (profileOut) {
    session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    await session.post('Profiler.start');
  }
  for (let n = 0; n < iterations; n++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    // As the CLI calls it: findings only, so rules keep just what the whole-model checks read.
    const result = lint(text, { fileName: basename(file), findingsOnly: true });
    timesMs.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpuMs.push((c.user + c.system) / 1000);
    if (session && n === 0) {
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(profileOut!, JSON.stringify(profile));
      session.disconnect();
      session = undefined;
    }
    // Only the first result is kept; later ones are dropped at once so they do not add up in the peak.
    if (first === undefined) first = diagnosticsOf(result);
  }
  const byCode: Record<string, number> = {};
  for (const d of first ?? []) byCode[d.code ?? '?'] = (byCode[d.code ?? '?'] ?? 0) + 1;
  let lines = 0;
  for (let p = text.indexOf('\n'); p !== -1; p = text.indexOf('\n', p + 1)) lines++;
  const out: WorkerResult = {
    file,
    bytes: Buffer.byteLength(text, 'utf8'),
    lines,
    timesMs,
    cpuMs,
    baselineMaxRssKb,
    maxRssKb: process.resourceUsage().maxRSS,
    diagnostics: first?.length ?? 0,
    byCode,
  };
  process.stdout.write(JSON.stringify(out) + '\n');
}

if (process.argv[1] && /lint-worker\.js$/.test(process.argv[1])) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    process.stderr.write(`lint-worker: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  });
}
