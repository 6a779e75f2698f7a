/**
 * iptlint benchmark: a report, not a test. It never fails because something is slow.
 *
 *   npm run bench                                   # 10,000 and 110,000 rules
 *   npm run bench -- --sizes 10000,100000,1000000   # choose sizes
 *   options: --repeat N (timings per measurement, default 5; 3 above 500k rules), --seed S, --nft (also time the
 *            nf_tables iptables-restore --test), --no-cli, --no-iptables, --profile (CPU profile of one lint per size)
 *
 * For each size it writes bench/out/rules-<N>.v4 with the deterministic generator and measures, each in fresh child
 * processes so runs do not pollute each other:
 *   - lint() cold: one lint in a new process, called as the CLI calls it (findingsOnly), median of --repeat
 *     processes, and its peak RSS;
 *   - lint() warm: the median of --repeat further calls in one process (the editor's own path is timed by lsp.js);
 *   - the whole CLI: `node <package.json bin> --format json FILE`, wall time and peak RSS (GNU time when present);
 *   - `unshare -n iptables-legacy-restore --test < FILE` on the same file in the same run, when it is installed and
 *     we are root, and the ratio iptlint / iptables.
 * It prints a table and writes bench/out/results.json.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { getHeapStatistics } from 'node:v8';
import { writeRuleset } from './generate.js';
import type { WorkerResult } from './lint-worker.js';
import { profileLint, formatProfile } from './profile.js';
import { cliEntry, gnuTime, median, timed, type Timed } from './timing.js';

const here = dirname(fileURLToPath(import.meta.url)); // dist/bench
const root = resolve(here, '..', '..');
const outDir = join(root, 'bench', 'out');
const workerJs = join(here, 'lint-worker.js');
const cliJs = cliEntry(root);

interface Options {
  sizes: number[];
  repeat?: number;
  seed: number;
  nft: boolean;
  cli: boolean;
  iptables: boolean;
  profile: boolean;
}

function parseOptions(argv: string[]): Options {
  const o: Options = { sizes: [10000, 110000], seed: 1, nft: false, cli: true, iptables: true, profile: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a.startsWith('--sizes')) o.sizes = value().split(',').map((s) => Number(s.replace(/_/g, '').replace(/k$/i, '000').replace(/m$/i, '000000')));
    else if (a.startsWith('--repeat')) o.repeat = Number(value());
    else if (a.startsWith('--seed')) o.seed = Number(value());
    else if (a === '--nft') o.nft = true;
    else if (a === '--no-cli') o.cli = false;
    else if (a === '--no-iptables') o.iptables = false;
    else if (a === '--profile') o.profile = true;
    else throw new Error(`unknown option ${a}`);
  }
  if (o.sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--sizes takes positive integers, e.g. 10000,100000');
  if (o.repeat !== undefined && (!Number.isInteger(o.repeat) || o.repeat < 1)) throw new Error('--repeat takes a positive integer');
  return o;
}

function which(cmd: string): string | undefined {
  for (const dir of [...(process.env.PATH ?? '').split(':'), '/usr/sbin', '/sbin']) {
    if (dir && existsSync(join(dir, cmd))) return join(dir, cmd);
  }
  return undefined;
}

function runWorker(file: string, iterations: number): WorkerResult {
  const r = spawnSync(process.execPath, [workerJs, file, '--iterations', String(iterations)], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) {
    // V8's out-of-memory report starts with a GC trace; the useful line is the last one naming the failure.
    const oom = /heap out of memory|Reached heap limit/i.test(r.stderr);
    const heapMb = Math.round(getHeapStatistics().heap_size_limit / 2 ** 20);
    throw new Error(oom ? `JavaScript heap out of memory (V8 heap limit ${heapMb} MB)` : (r.stderr || `lint worker exited with ${r.status}`).trim());
  }
  return JSON.parse(r.stdout) as WorkerResult;
}

interface Series {
  medianMs: number;
  runsMs: number[];
  cpuMedianMs?: number;
  maxRssKb?: number;
  status?: number | null;
  error?: string;
}

interface SizeResult {
  rules: number;
  file: string;
  bytes: number;
  lines: number;
  generateMs: number;
  lintCold?: Series & { baselineRssKb: number; diagnostics: number; byCode: Record<string, number> };
  lintWarm?: Series;
  cli?: Series;
  legacyRestore?: Series;
  nftRestore?: Series;
  lintError?: string;
  profileTop?: string;
}

function summarise(runs: Timed[], okStatuses: number[], validate?: (t: Timed) => string | undefined): Series {
  const problemOf = (r: Timed): string | undefined => {
    if (r.status === null || !okStatuses.includes(r.status)) return r.stderr.trim().split('\n').slice(-3).join(' | ') || `exit ${r.status}`;
    return validate?.(r);
  };
  const bad = runs.map((r) => ({ r, problem: problemOf(r) })).find((x) => x.problem !== undefined);
  const rss = runs.map((r) => r.maxRssKb).filter((x): x is number => x !== undefined);
  const cpu = runs.map((r) => r.cpuMs).filter((x): x is number => x !== undefined);
  return {
    medianMs: median(runs.map((r) => r.wallMs)),
    runsMs: runs.map((r) => r.wallMs),
    cpuMedianMs: cpu.length === runs.length && cpu.length > 0 ? median(cpu) : undefined,
    maxRssKb: rss.length ? Math.max(...rss) : undefined,
    status: bad ? bad.r.status : runs[0]?.status,
    error: bad?.problem,
  };
}

/** A crash also exits 1, so a CLI run only counts when it printed the documented JSON report. */
function cliReportProblem(t: Timed): string | undefined {
  try {
    const report = JSON.parse(t.stdout ?? '') as { version?: unknown; files?: unknown };
    if (report.version !== 1 || !Array.isArray(report.files)) return 'CLI output is not a version 1 JSON report';
    return undefined;
  } catch {
    return 'CLI printed no JSON report';
  }
}

interface Contender {
  key: 'cli' | 'legacyRestore' | 'nftRestore';
  label: string;
  ok: number[];
  validate?: (t: Timed) => string | undefined;
  run: () => Promise<Timed>;
  runs: Timed[];
}

async function measure(rules: number, o: Options): Promise<SizeResult> {
  const repeat = o.repeat ?? (rules > 500_000 ? 3 : 5);
  const file = join(outDir, `rules-${rules}.v4`);
  const g0 = performance.now();
  const fd = openSync(file, 'w');
  const bytes = writeRuleset(fd, rules, o.seed);
  closeSync(fd);
  const generateMs = performance.now() - g0;
  const result: SizeResult = { rules, file, bytes, lines: 0, generateMs };
  log(`rules=${rules}: generated ${file} (${mb(bytes)} MB) in ${(generateMs / 1000).toFixed(1)} s; repeat=${repeat}`);

  try {
    const cold: WorkerResult[] = [];
    for (let i = 0; i < repeat; i++) cold.push(runWorker(file, 1));
    result.lines = cold[0].lines;
    const times = cold.map((w) => w.timesMs[0]);
    result.lintCold = {
      medianMs: median(times),
      runsMs: times,
      cpuMedianMs: median(cold.map((w) => w.cpuMs[0])),
      maxRssKb: Math.max(...cold.map((w) => w.maxRssKb)),
      baselineRssKb: median(cold.map((w) => w.baselineMaxRssKb)),
      diagnostics: cold[0].diagnostics,
      byCode: cold[0].byCode,
    };
    log(`  lint() cold: ${fmtMs(result.lintCold.medianMs)}, peak RSS ${kbToMb(result.lintCold.maxRssKb)} MB, ${cold[0].diagnostics} diagnostics`);
    try {
      const warm = runWorker(file, repeat + 1).timesMs.slice(1);
      result.lintWarm = { medianMs: median(warm), runsMs: warm };
      log(`  lint() warm: ${fmtMs(result.lintWarm.medianMs)}`);
    } catch (e) {
      // Repeated lints in one process can exhaust the heap where a single one fits: say so, keep the cold figures.
      result.lintWarm = { medianMs: NaN, runsMs: [], error: e instanceof Error ? e.message.split('\n')[0] : String(e) };
      log(`  lint() warm: not measured: ${result.lintWarm.error}`);
    }
    if (o.profile) {
      const prof = profileLint(file, join(outDir, 'profiles'));
      result.profileTop = formatProfile(prof, 15);
      log(`  CPU profile: ${prof.path}`);
    }
  } catch (e) {
    result.lintError = e instanceof Error ? e.message.split('\n')[0] : String(e);
    log(`  lint(): not measured: ${result.lintError}`);
  }

  const contenders: Contender[] = [];
  if (o.cli) {
    // Exit 1 only means the file has error diagnostics; 2 is a usage or I/O failure and is reported as such.
    if (existsSync(cliJs)) {
      contenders.push({
        key: 'cli',
        label: 'CLI',
        ok: [0, 1],
        validate: cliReportProblem,
        runs: [],
        run: () => timed(process.execPath, [cliJs, '--format', 'json', file], undefined, true, true),
      });
    } else log(`  CLI: not measured: ${cliJs} does not exist (run npm run build)`);
  }
  // iptables-legacy-restore takes the host-wide /run/xtables.lock even with --test and in its own namespace, so any
  // other iptables run on the machine (or a parallel bench) would be timed as waiting: give it a private lock file.
  const iptablesEnv = { ...process.env, XTABLES_LOCKFILE: join(tmpdir(), `iptlint-bench-${process.pid}.lock`) };
  if (o.iptables && process.getuid?.() === 0 && which('unshare')) {
    if (which('iptables-legacy-restore')) {
      contenders.push({ key: 'legacyRestore', label: 'iptables-legacy-restore --test', ok: [0], runs: [], run: () => timed('unshare', ['-n', 'iptables-legacy-restore', '--test'], file, false, false, iptablesEnv) });
    } else log('  iptables-legacy-restore not installed: not compared');
    if (o.nft && which('iptables-restore')) {
      contenders.push({ key: 'nftRestore', label: 'iptables-restore (nft) --test', ok: [0], runs: [], run: () => timed('unshare', ['-n', 'iptables-restore', '--test'], file, false, false, iptablesEnv) });
    }
  } else if (o.iptables) log('  not root (or no unshare): iptables-legacy-restore not compared');
  // Round robin, so that a burst of load on a shared machine hits iptlint and iptables alike and the ratio stays fair.
  for (let i = 0; i < repeat; i++) for (const c of contenders) c.runs.push(await c.run());
  for (const c of contenders) {
    const s = summarise(c.runs, c.ok, c.validate);
    for (const r of c.runs) delete r.stdout;
    result[c.key] = s;
    log(`  ${c.label}: ${fmtMs(s.medianMs)}, peak RSS ${kbToMb(s.maxRssKb)} MB${s.error ? ` (exit ${s.status}: ${s.error})` : ''}`);
  }
  return result;
}

const log = (s: string): void => void process.stderr.write(s + '\n');
const mb = (bytes: number): string => (bytes / 1e6).toFixed(1);
const kbToMb = (kb: number | undefined): string => (kb === undefined ? '–' : (kb / 1024).toFixed(0));
const fmtMs = (ms: number | undefined): string => (ms === undefined ? '–' : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const rate = (n: number, ms: number | undefined): string => (ms === undefined ? '–' : Math.round(n / (ms / 1000)).toLocaleString('en-US'));

function table(results: SizeResult[]): string {
  const head = ['rules', 'MB', 'lint cold', 'lint warm', 'rules/s', 'MB/s', 'lint RSS MB', 'CLI', 'CLI CPU', 'CLI RSS MB', 'legacy --test', 'legacy CPU', 'legacy RSS MB', 'CLI/legacy', 'CPU ratio', 'lint/legacy'];
  const rows = results.map((r) => {
    const lint = r.lintCold?.medianMs;
    const leg = r.legacyRestore && !r.legacyRestore.error ? r.legacyRestore.medianMs : undefined;
    const cli = r.cli && !r.cli.error ? r.cli.medianMs : undefined;
    return [
      r.rules.toLocaleString('en-US'),
      mb(r.bytes),
      fmtMs(lint),
      r.lintWarm?.error ? 'failed' : fmtMs(r.lintWarm?.medianMs),
      rate(r.rules, lint),
      lint === undefined ? '–' : (r.bytes / 1e6 / (lint / 1000)).toFixed(1),
      kbToMb(r.lintCold?.maxRssKb),
      r.cli?.error ? 'failed' : fmtMs(cli),
      r.cli?.error ? '–' : fmtMs(r.cli?.cpuMedianMs),
      kbToMb(r.cli?.maxRssKb),
      r.legacyRestore?.error ? 'failed' : fmtMs(leg),
      r.legacyRestore?.error ? '–' : fmtMs(r.legacyRestore?.cpuMedianMs),
      kbToMb(r.legacyRestore?.maxRssKb),
      cli !== undefined && leg !== undefined ? (cli / leg).toFixed(2) : '–',
      cli !== undefined && leg !== undefined && r.cli?.cpuMedianMs && r.legacyRestore?.cpuMedianMs ? (r.cli.cpuMedianMs / r.legacyRestore.cpuMedianMs).toFixed(2) : '–',
      lint !== undefined && leg !== undefined ? (lint / leg).toFixed(2) : '–',
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]): string => '| ' + cells.map((c, i) => c.padStart(widths[i])).join(' | ') + ' |';
  return [line(head), '|' + widths.map((w) => '-'.repeat(w + 1) + ':').join('|') + '|', ...rows.map(line)].join('\n');
}

function machine(): Record<string, string | number> {
  const git = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' });
  return {
    date: new Date().toISOString(),
    node: process.version,
    cpu: cpus()[0]?.model ?? 'unknown',
    cpus: cpus().length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    commit: git.status === 0 ? git.stdout.trim() : 'unknown',
    peakRssTool: gnuTime ? 'GNU time -v' : 'resourceUsage() at exit',
    loadAverage1m: Number(loadavg()[0].toFixed(2)),
  };
}

async function main(): Promise<void> {
  let o: Options;
  try {
    o = parseOptions(process.argv.slice(2));
  } catch (e) {
    log(`bench: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 2;
    return;
  }
  mkdirSync(outDir, { recursive: true });
  // What every invocation pays before the first rule: node start-up, module loading, grammar and catalog set-up.
  let startup: Series | undefined;
  if (o.cli && existsSync(cliJs)) {
    const empty = join(outDir, 'rules-0.v4');
    const fd = openSync(empty, 'w');
    writeRuleset(fd, 0, o.seed);
    closeSync(fd);
    const runs: Timed[] = [];
    for (let i = 0; i < (o.repeat ?? 5); i++) runs.push(await timed(process.execPath, [cliJs, '--format', 'json', empty], undefined, true, true));
    startup = summarise(runs, [0, 1], cliReportProblem);
    log(`CLI start-up (tables, no rules): ${fmtMs(startup.medianMs)}, CPU ${fmtMs(startup.cpuMedianMs)}, peak RSS ${kbToMb(startup.maxRssKb)} MB${startup.error ? ` (${startup.error})` : ''}`);
  }
  const results: SizeResult[] = [];
  for (const n of o.sizes) results.push(await measure(n, o));
  const m = machine();
  const report = table(results);
  process.stdout.write(`\niptlint benchmark — node ${m.node}, ${m.cpu} × ${m.cpus}, commit ${m.commit}; medians, times are wall clock\n\n${report}\n`);
  if (startup && !startup.error) {
    process.stdout.write(`\nCLI start-up floor (a file with tables and no rules): ${fmtMs(startup.medianMs)} wall, ${fmtMs(startup.cpuMedianMs)} CPU, ${kbToMb(startup.maxRssKb)} MB\n`);
  }
  if (Number(m.loadAverage1m) > Number(m.cpus)) {
    process.stdout.write(`\nnote: load average ${m.loadAverage1m} on ${m.cpus} CPUs: other work competed for the CPU, absolute times are inflated (ratios less so: runs were interleaved)`);
  }
  for (const r of results) {
    if (r.lintCold && r.lintCold.diagnostics > 0) {
      const codes = Object.entries(r.lintCold.byCode).sort((a, b) => b[1] - a[1]).slice(0, 5).map(([c, n]) => `${c}×${n}`).join(', ');
      process.stdout.write(`\nnote: ${r.rules} rules: lint() reported ${r.lintCold.diagnostics} diagnostics on a valid generated file (${codes})`);
    }
    if (r.lintError) process.stdout.write(`\nnote: ${r.rules} rules: lint() not measured: ${r.lintError}`);
    if (r.lintWarm?.error) process.stdout.write(`\nnote: ${r.rules} rules: repeated lint() in one process failed: ${r.lintWarm.error}`);
    if (r.profileTop) process.stdout.write(`\n\nCPU profile, one lint of ${r.rules} rules (self time):\n${r.profileTop}`);
  }
  process.stdout.write('\n');
  const json = join(outDir, 'results.json');
  writeFileSync(json, JSON.stringify({ machine: m, options: o, cliStartup: startup, results }, null, 2) + '\n');
  log(`\nwrote ${json}`);
}

await main();
