/**
 * Timing one run of a command from the outside: wall time, CPU time and peak memory of the process, the way the
 * benchmarks (run.ts, compare.ts) measure the CLI and iptables-restore.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

/** The `iptlint` command of a checkout, as its package.json's `bin` names it, so a bench times exactly what users run. */
export function cliEntry(checkout: string): string {
  try {
    const pkg = JSON.parse(readFileSync(join(checkout, 'package.json'), 'utf8')) as { bin?: string | Record<string, string> };
    const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin?.iptlint;
    if (bin) return join(checkout, bin);
  } catch {
    // fall through to the conventional path
  }
  return join(checkout, 'dist', 'src', 'cli', 'bin.cjs');
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export const gnuTime = existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-v', 'true']).status === 0 ? '/usr/bin/time' : undefined;

export interface Timed {
  wallMs: number;
  /** User + system CPU time of the process (GNU time only): much less disturbed by other load than wall time. */
  cpuMs?: number;
  maxRssKb?: number;
  status: number | null;
  stderr: string;
  /** Only when asked for (the CLI's JSON report, to tell "errors found" from a crash: both exit 1). */
  stdout?: string;
}

/**
 * Runs a command once with stdin from a file (or nothing) and stdout thrown away, timing it from here. Peak memory
 * comes from GNU time when installed; otherwise, for node commands, from a preloaded hook that reports the process's
 * own resourceUsage() at exit.
 */
export async function timed(cmd: string, args: string[], stdinFile?: string, isNode = false, captureStdout = false, env?: NodeJS.ProcessEnv): Promise<Timed> {
  const rssFile = join(tmpdir(), `iptlint-bench-${process.pid}-${Math.floor(performance.now() * 1000)}.rss`);
  let argv = [cmd, ...args];
  if (gnuTime) argv = [gnuTime, '-v', '-o', rssFile, ...argv];
  else if (isNode) {
    const hook = `process.on('exit',()=>require('fs').writeFileSync(${JSON.stringify(rssFile)},'Maximum resident set size (kbytes): '+process.resourceUsage().maxRSS))`;
    const hookFile = `${rssFile}.cjs`;
    writeFileSync(hookFile, hook);
    argv = [cmd, '--require', hookFile, ...args];
  }
  const stdin = stdinFile ? openSync(stdinFile, 'r') : 'ignore';
  const t0 = performance.now();
  const result = await new Promise<{ status: number | null; stderr: string; stdout?: string }>((res) => {
    const child = spawn(argv[0], argv.slice(1), { stdio: [stdin, captureStdout ? 'pipe' : 'ignore', 'pipe'], env: env ?? process.env });
    let stderr = '';
    const out: Buffer[] = [];
    child.stdout?.on('data', (b: Buffer) => out.push(b));
    child.stderr?.setEncoding('utf8').on('data', (s: string) => {
      if (stderr.length < 4000) stderr += s;
    });
    child.on('error', (e) => res({ status: null, stderr: String(e) }));
    child.on('close', (status) => res({ status, stderr, stdout: captureStdout ? Buffer.concat(out).toString('utf8') : undefined }));
  });
  const wallMs = performance.now() - t0;
  if (typeof stdin === 'number') closeSync(stdin);
  let maxRssKb: number | undefined;
  let cpuMs: number | undefined;
  if (existsSync(rssFile)) {
    const report = readFileSync(rssFile, 'utf8');
    const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(report);
    if (m) maxRssKb = Number(m[1]);
    const user = /User time \(seconds\): ([\d.]+)/.exec(report);
    const sys = /System time \(seconds\): ([\d.]+)/.exec(report);
    if (user && sys) cpuMs = (Number(user[1]) + Number(sys[1])) * 1000;
    rmSync(rssFile, { force: true });
  }
  rmSync(`${rssFile}.cjs`, { force: true });
  return { wallMs, cpuMs, maxRssKb, ...result };
}

