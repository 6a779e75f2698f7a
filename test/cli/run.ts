/** Runs the built iptlint command for real (dist/, built by `npm test`'s tsc step) and collects what it prints. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = path.join(ROOT, 'dist/src/cli/bin.cjs');
export const EMPTY_ROOT = path.join(ROOT, 'test/fixtures/cli/empty-root');
export const EXAMPLES = path.join(ROOT, 'examples');

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function iptlint(args: string[], opts: { cwd?: string; env?: Record<string, string | undefined>; input?: string | Buffer; timeout?: number } = {}): RunResult {
  // IPTLINT_SYSROOT: an empty root, so that the host's own kernel never enters a test's expectations.
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, IPTLINT_SYSROOT: EMPTY_ROOT, ...opts.env };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    env: env as NodeJS.ProcessEnv,
    input: opts.input ?? '',
    encoding: 'utf8',
    timeout: opts.timeout ?? 30_000,
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  // The one-line running-kernel note is asserted in running-kernel.test.ts; elsewhere it is not the subject.
  const stderr = r.stderr.replace(/^iptlint: kernel checks (skipped|against the running kernel)[^\n]*\n/m, '');
  return { code: r.status, stdout: r.stdout, stderr };
}

/** A scratch directory filled with the given files (path → content). */
export function scratch(files: Record<string, string | Buffer> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'iptlint-cli-'));
  for (const [name, content] of Object.entries(files)) {
    const full = path.join(dir, name);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return dir;
}

/** A clean ruleset (no findings) and a broken one, shared by the tests. */
export const CLEAN = '*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT\nCOMMIT\n';
/** Line 3: an option no loaded match defines (IPT113, error); the file ends without a newline (IPT125, warning). */
export const BROKEN = '*filter\n:INPUT ACCEPT [0:0]\n-A INPUT --dport 22 -j ACCEPT\nCOMMIT';
