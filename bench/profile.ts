/**
 * Where does lint() spend its time? Records V8's CPU profile (as `node --cpu-prof` does, at 200 µs) of one cold lint()
 * of a file in a fresh process, and sums self time per function and per source file: what one needs to tune the
 * lexer, parser and checks.
 *
 *   node dist/bench/profile.js FILE [--top N]         one cold lint() call
 *   node dist/bench/profile.js FILE --cli [--top N]   the whole iptlint command, start-up included (node --cpu-prof)
 *
 * The .cpuprofile is kept (bench/out/profiles/) for Chrome DevTools or speedscope. Only the lint() call is recorded
 * (not module loading or the file read); JIT compilation and GC during it show up as (program) and (garbage collector).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cliEntry } from './timing.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');

interface ProfileNode {
  id: number;
  children?: number[];
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface ProfileSummary {
  path: string;
  totalMs: number;
  /** Samples outside lint() (the profiler's own start/stop), left out of the totals. */
  outsideMs: number;
  functions: Array<{ name: string; where: string; selfMs: number }>;
  files: Array<{ where: string; selfMs: number }>;
}

const maps = new Map<string, SourceMap | null>();

/** Maps a compiled dist/ position back to the TypeScript source through tsc's source maps, so lines mean something. */
function original(path: string, line: number, column: number): string | undefined {
  if (!maps.has(path)) {
    let map: SourceMap | null = null;
    try {
      if (existsSync(`${path}.map`)) map = new SourceMap(JSON.parse(readFileSync(`${path}.map`, 'utf8')));
    } catch {
      map = null;
    }
    maps.set(path, map);
  }
  const map = maps.get(path);
  if (!map) return undefined;
  const e = map.findEntry(line, column) as { originalSource?: string; originalLine?: number };
  if (!e || e.originalSource === undefined || e.originalLine === undefined) return undefined;
  const src = resolve(dirname(path), e.originalSource);
  return `${src.startsWith(root) ? relative(root, src) : src}:${e.originalLine + 1}`;
}

function where(url: string, line: number, column = 0): string {
  if (!url) return '(native)';
  const p = url.startsWith('file://') ? fileURLToPath(url) : url;
  if (line >= 0 && p.startsWith(join(root, 'dist'))) {
    const o = original(p, line, column);
    if (o) return o;
  }
  const rel = p.startsWith(root) ? relative(root, p) : p;
  return line >= 0 ? `${rel}:${line + 1}` : rel;
}

/** `onlyLint`: keep the samples under lint() (plus GC and JIT); otherwise keep the whole process. */
export function summarise(profile: CpuProfile, path: string, onlyLint = true): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // A sample belongs to lint() when lint is on its stack; GC and JIT samples carry no stack, and during the profiled
  // window they can only be lint's.
  const inLint = new Map<number, boolean>();
  const isInLint = (id: number): boolean => {
    const known = inLint.get(id);
    if (known !== undefined) return known;
    const n = byId.get(id)!;
    const f = n.callFrame;
    const yes =
      (f.functionName === 'lint' && f.url.endsWith('/src/lint.js')) ||
      f.functionName === '(garbage collector)' ||
      f.functionName === '(program)' ||
      (parent.has(id) && isInLint(parent.get(id)!));
    inLint.set(id, yes);
    return yes;
  };
  let outside = 0;
  const fn = new Map<string, { name: string; where: string; selfMs: number }>();
  const files = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    if (!node) return;
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    if (functionName === '(idle)') return;
    if (onlyLint && !isInLint(id)) {
      outside += ms;
      return;
    }
    total += ms;
    const name = functionName || '(anonymous)';
    const key = `${name}\0${url}\0${lineNumber}`;
    const entry = fn.get(key) ?? { name, where: where(url, lineNumber, columnNumber), selfMs: 0 };
    entry.selfMs += ms;
    fn.set(key, entry);
    const file = url ? where(url, -1).replace(/^dist\/(.*)\.js$/, '$1.ts') : name; // (garbage collector), (program) stand for themselves
    files.set(file, (files.get(file) ?? 0) + ms);
  });
  return {
    path,
    totalMs: total,
    outsideMs: outside,
    functions: [...fn.values()].sort((a, b) => b.selfMs - a.selfMs),
    files: [...files.entries()].map(([w, selfMs]) => ({ where: w, selfMs })).sort((a, b) => b.selfMs - a.selfMs),
  };
}

/** Profiles one lint of `file` in a child process and summarises the result. */
export function profileLint(file: string, dir: string): ProfileSummary {
  mkdirSync(dir, { recursive: true });
  const name = `lint-${basename(file)}-${Date.now()}.cpuprofile`;
  const r = spawnSync(
    process.execPath,
    [join(here, 'lint-worker.js'), file, '--iterations', '1', '--cpu-profile', join(dir, name)],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error((r.stderr || `profiling exited with ${r.status}`).trim());
  const path = join(dir, name);
  return summarise(JSON.parse(readFileSync(path, 'utf8')) as CpuProfile, path);
}

export function formatProfile(s: ProfileSummary, top = 25): string {
  const pct = (ms: number): string => `${((100 * ms) / s.totalMs).toFixed(1).padStart(5)}%`;
  const scope = s.outsideMs > 0 ? `lint() sampled ${s.totalMs.toFixed(0)} ms (${s.outsideMs.toFixed(0)} ms of profiler overhead left out)` : `sampled ${s.totalMs.toFixed(0)} ms`;
  const lines = [`${scope}; top functions by self time:`];
  for (const f of s.functions.slice(0, top)) lines.push(`  ${f.selfMs.toFixed(1).padStart(8)} ms ${pct(f.selfMs)}  ${f.name}  ${f.where}`);
  lines.push('by file:');
  for (const f of s.files.slice(0, Math.min(top, 12))) lines.push(`  ${f.selfMs.toFixed(1).padStart(8)} ms ${pct(f.selfMs)}  ${f.where}`);
  return lines.join('\n');
}

/**
 * Profiles the whole `iptlint` command with `node --cpu-prof`: start-up (module loading, grammar set-up, catalog),
 * reading, linting and printing, i.e. everything a user waits for.
 */
export function profileCli(cliJs: string, file: string, dir: string): ProfileSummary {
  mkdirSync(dir, { recursive: true });
  const name = `cli-${basename(file)}-${Date.now()}.cpuprofile`;
  const r = spawnSync(
    process.execPath,
    ['--cpu-prof', '--cpu-prof-interval', '200', '--cpu-prof-dir', dir, '--cpu-prof-name', name, cliJs, '--format', 'json', file],
    { encoding: 'utf8', maxBuffer: 1 << 30 },
  );
  if (r.status !== 0 && r.status !== 1) throw new Error((r.stderr || `iptlint exited with ${r.status}`).trim());
  const path = join(dir, name);
  return summarise(JSON.parse(readFileSync(path, 'utf8')) as CpuProfile, path, false);
}

function main(argv: string[]): number {
  const cli = argv.includes('--cli');
  argv = argv.filter((a) => a !== '--cli');
  const file = argv[0];
  const t = argv.indexOf('--top');
  const top = t >= 0 ? Number(argv[t + 1]) : 25;
  if (!file || !Number.isInteger(top) || top < 1) {
    process.stderr.write('usage: node dist/bench/profile.js FILE [--top N] [--cli]\n');
    return 2;
  }
  const dir = join(root, 'bench', 'out', 'profiles');
  const summary = cli ? profileCli(cliEntry(root), resolve(file), dir) : profileLint(resolve(file), dir);
  process.stdout.write(`${formatProfile(summary, top)}\nprofile: ${summary.path}\n`);
  return 0;
}

if (process.argv[1] && /profile\.js$/.test(process.argv[1])) process.exitCode = main(process.argv.slice(2));
