/**
 * The pre-commit hook as users run it: Debian's pre-commit, `pre-commit
 * try-repo <clone of this repository> iptlint --all-files` in a scratch git
 * repository. pre-commit builds the hook from the clone (npm install, npm
 * pack, npm install -g), so this checks .pre-commit-hooks.yaml and the
 * packaging together. It needs a committed, building HEAD.
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BROKEN, CLEAN, ROOT } from '../cli/run.js';

function run(cmd: string, args: string[], opts: SpawnSyncOptions = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 900_000, ...opts });
  return { code: r.status, out: String(r.stdout ?? '') + String(r.stderr ?? ''), error: r.error };
}

function havePreCommit(): boolean {
  if (!run('pre-commit', ['--version']).error) return true;
  if (process.getuid?.() !== 0 || run('apt-get', ['--version']).error) return false;
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  let r = run('apt-get', ['-o', 'DPkg::Lock::Timeout=300', 'install', '-y', '-qq', 'pre-commit'], { env });
  if (r.code !== 0) {
    run('apt-get', ['-o', 'DPkg::Lock::Timeout=300', 'update', '-qq'], { env });
    r = run('apt-get', ['-o', 'DPkg::Lock::Timeout=300', 'install', '-y', '-qq', 'pre-commit'], { env });
  }
  return r.code === 0 && !run('pre-commit', ['--version']).error;
}

const gitEnv = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org' };

describe('pre-commit try-repo', { timeout: 1_200_000 }, () => {
  const available = havePreCommit();
  const base = mkdtempSync(path.join(tmpdir(), 'iptlint-precommit-'));
  const clone = path.join(base, 'iptlint');
  // A private pre-commit home so the hook is built from this clone, not from a cached older one.
  const env = { ...gitEnv, PRE_COMMIT_HOME: path.join(base, 'cache'), NO_COLOR: '1' };
  if (available) run('git', ['clone', '--quiet', ROOT, clone], { env });

  function project(files: Record<string, string>): string {
    const dir = mkdtempSync(path.join(base, 'project-'));
    run('git', ['init', '--quiet', dir], { env });
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
    run('git', ['add', '.'], { cwd: dir, env });
    return dir;
  }

  /** pre-commit builds the hook with `npm install` from the registry; offline and uncached, that cannot work. */
  const offline = (out: string) => /An unexpected error has occurred[\s\S]*(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|ENOTCACHED)/.test(out);

  it('passes on a clean ruleset', (ctx) => {
    if (!available) {
      console.warn('skipping: pre-commit is not installed (apt-get install pre-commit, as root)');
      return ctx.skip();
    }
    const dir = project({ 'rules.v4': CLEAN, 'ip6tables.rules': CLEAN, 'README.md': '--not a ruleset--\n' });
    const r = run('pre-commit', ['try-repo', clone, 'iptlint', '--all-files'], { cwd: dir, env });
    if (offline(r.out)) {
      console.warn(`skipping: pre-commit could not build the hook without the npm registry\n${r.out.slice(-400)}`);
      return ctx.skip();
    }
    expect(r.out).toMatch(/iptlint\.+Passed/);
    expect(r.code, r.out).toBe(0);
  });

  it('fails on a broken ruleset and prints the findings', (ctx) => {
    if (!available) return ctx.skip();
    const dir = project({ 'rules.v4': CLEAN, 'firewall.rules': BROKEN });
    const r = run('pre-commit', ['try-repo', clone, 'iptlint', '--all-files'], { cwd: dir, env });
    if (offline(r.out)) return ctx.skip();
    expect(r.code, r.out).toBe(1);
    expect(r.out).toMatch(/iptlint\.+Failed/);
    expect(r.out).toMatch(/firewall\.rules:3:10: error: .*\[IPT113\]/);
  });
});
