/**
 * Did a change make the CLI faster, and did it change what the CLI finds? A report, not a test.
 *
 *   npm run bench:compare -- REF [--file FILE] [--runs N] [-- CLI ARGUMENTS…]
 *
 * REF is a git commit (built once into a worktree in the temporary directory, sharing this checkout's node_modules)
 * or the directory of another built checkout. The two CLIs run in turn on the same file, N times each (default 10),
 * so that the machine's load hits both alike: on a shared machine one run's wall time moves by ±15%, a change of a
 * few percent shows only in interleaved medians. The file defaults to the benchmark's 110,000-rule ruleset; the CLI
 * runs with its defaults plus the given arguments, and `--format json`. Both reports must be identical: a faster
 * build that finds something else is not a speed-up.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeRuleset } from './generate.js';
import { cliEntry, median, timed, type Timed } from './timing.js';

const here = dirname(fileURLToPath(import.meta.url)); // dist/bench
const root = resolve(here, '..', '..');
const outDir = join(root, 'bench', 'out');

interface Options {
  ref: string;
  file?: string;
  runs: number;
  cliArgs: string[];
}

function parseOptions(argv: string[]): Options {
  const dash = argv.indexOf('--');
  const own = dash >= 0 ? argv.slice(0, dash) : argv;
  const cliArgs = dash >= 0 ? argv.slice(dash + 1) : [];
  let ref: string | undefined;
  let file: string | undefined;
  let runs = 10;
  for (let i = 0; i < own.length; i++) {
    const a = own[i];
    if (a === '--file') file = own[++i];
    else if (a === '--runs') runs = Number(own[++i]);
    else if (a.startsWith('-')) throw new Error(`unknown option ${a}`);
    else if (ref === undefined) ref = a;
    else throw new Error(`one REF only (got ${ref} and ${a})`);
  }
  if (!ref) throw new Error('usage: npm run bench:compare -- REF [--file FILE] [--runs N] [-- CLI ARGUMENTS…]');
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs takes a positive whole number');
  if (file !== undefined && !existsSync(file)) throw new Error(`${file}: no such file`);
  return { ref, file, runs, cliArgs };
}

function run(cmd: string, args: string[], cwd: string): void {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed in ${cwd}:\n${(r.stderr || r.stdout || String(r.error)).trim()}`);
}

/** A built checkout of REF: the directory itself, or a worktree of the commit built beside the benchmark's output. */
function checkoutOf(ref: string): string {
  if (existsSync(cliEntry(resolve(ref)))) return resolve(ref);
  if (existsSync(ref)) throw new Error(`${ref} has no built CLI (${cliEntry(ref)}): run npm run build there`);
  const sha = spawnSync('git', ['rev-parse', '--verify', `${ref}^{commit}`], { cwd: root, encoding: 'utf8' });
  if (sha.status !== 0) throw new Error(`${ref} is neither a directory nor a commit of this repository`);
  // Outside the checkout: its sources must not join this one's build or tests.
  const dir = join(tmpdir(), 'iptlint-compare', sha.stdout.trim().slice(0, 12));
  if (!existsSync(cliEntry(dir))) {
    if (!existsSync(dir)) {
      mkdirSync(dirname(dir), { recursive: true });
      run('git', ['worktree', 'add', '--detach', dir, sha.stdout.trim()], root);
    }
    if (!existsSync(join(dir, 'node_modules'))) symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
    process.stderr.write(`building ${ref} in ${dir}\n`);
    run(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], dir);
    run(process.execPath, ['scripts/bundle.mjs'], dir);
  }
  return dir;
}

function defaultFile(): string {
  const file = join(outDir, 'rules-110000.v4');
  if (!existsSync(file)) {
    mkdirSync(outDir, { recursive: true });
    const fd = openSync(file, 'w');
    writeRuleset(fd, 110_000, 1);
    closeSync(fd);
  }
  return file;
}

const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);

function summary(label: string, runs: Timed[]): { wall: number; cpu?: number; line: string } {
  const wall = median(runs.map((r) => r.wallMs));
  const cpus = runs.flatMap((r) => (r.cpuMs === undefined ? [] : [r.cpuMs]));
  const cpu = cpus.length ? median(cpus) : undefined;
  const rss = Math.max(...runs.map((r) => r.maxRssKb ?? 0));
  const min = Math.min(...runs.map((r) => r.wallMs));
  return { wall, cpu, line: `${label}: wall median ${fmt(wall)} (min ${fmt(min)}), CPU median ${cpu === undefined ? '–' : fmt(cpu)}, peak RSS ${rss ? `${(rss / 1024).toFixed(0)} MB` : '–'}` };
}

async function main(): Promise<void> {
  const o = parseOptions(process.argv.slice(2));
  const base = checkoutOf(o.ref);
  const file = o.file ?? defaultFile();
  const args = ['--format', 'json', ...o.cliArgs, file];
  const contenders = [
    { label: `base (${o.ref})`, cli: cliEntry(base), runs: [] as Timed[] },
    { label: 'this checkout', cli: cliEntry(root), runs: [] as Timed[] },
  ];
  const reports: (string | undefined)[] = [undefined, undefined];
  for (let i = 0; i < o.runs; i++) {
    for (const [k, c] of contenders.entries()) {
      const t = await timed(process.execPath, [c.cli, ...args], undefined, true, i === 0);
      if (t.status !== 0 && t.status !== 1) throw new Error(`${c.label}: iptlint exited with ${t.status}: ${t.stderr.trim()}`);
      if (i === 0) reports[k] = t.stdout;
      c.runs.push(t);
    }
  }
  const [a, b] = contenders.map((c) => summary(c.label, c.runs));
  process.stdout.write(`${file}, ${o.runs} interleaved runs each${o.cliArgs.length ? `, iptlint ${o.cliArgs.join(' ')}` : ''}\n`);
  process.stdout.write(`  ${a.line}\n  ${b.line}\n`);
  const change = (x: number, y: number) => `${(((y - x) / x) * 100).toFixed(1)}%`;
  process.stdout.write(`  this checkout against base: wall ${change(a.wall, b.wall)}${a.cpu !== undefined && b.cpu !== undefined ? `, CPU ${change(a.cpu, b.cpu)}` : ''}\n`);
  const same = reports[0] === reports[1];
  process.stdout.write(same ? '  findings: identical JSON reports\n' : '  findings: THE JSON REPORTS DIFFER: the change altered what iptlint finds\n');
  if (!same) process.exitCode = 1;
}

try {
  await main();
} catch (e) {
  process.stderr.write(`bench:compare: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 2;
}
