/** With no kernel input, iptlint checks against the running kernel and says which files it used, or why it skipped. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, scratch } from './run.js';
import { spawnSync } from 'node:child_process';

function run(args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', ...env }, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const RECENT = '*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -m recent --set --name x -j ACCEPT\nCOMMIT\n';

describe('the running kernel as the default target', () => {
  it('says why the checks are skipped when the root has no kernel files', () => {
    const root = scratch();
    const dir = scratch({ 'rules.v4': RECENT });
    const r = run([path.join(dir, 'rules.v4')], { IPTLINT_SYSROOT: root });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`^iptlint: kernel checks skipped: no config or modules directory for the running kernel ${os.release().replace(/[.+]/g, '\\$&')} \\(looked for /proc/config.gz`));
    expect(r.stdout).toBe('no problems in 1 file\n');
  });

  it('uses /proc/config.gz under the root, names it, and finds what that kernel lacks', () => {
    const root = scratch();
    const config = readFileSync(path.join(ROOT, 'test/fixtures/kernels/config-6.1.0-56-amd64'), 'utf8')
      .replace('CONFIG_NETFILTER_XT_MATCH_RECENT=m', '# CONFIG_NETFILTER_XT_MATCH_RECENT is not set');
    mkdirSync(path.join(root, 'proc'));
    writeFileSync(path.join(root, 'proc/config.gz'), gzipSync(config));
    const dir = scratch({ 'rules.v4': RECENT });
    const r = run(['--concise', '--backend', 'legacy', path.join(dir, 'rules.v4')], { IPTLINT_SYSROOT: root });
    expect(r.stderr).toContain('iptlint: kernel checks against the running kernel');
    expect(r.stderr).toContain('(/proc/config.gz)');
    expect(r.stdout).toMatch(/rules\.v4:3:13: error: .*xt_recent.*CONFIG_NETFILTER_XT_MATCH_RECENT.*\[IPT401\]/);
    expect(r.code).toBe(1);
    // --no-kernel turns the checks off, without a note.
    const off = run(['--no-kernel', path.join(dir, 'rules.v4')], { IPTLINT_SYSROOT: root });
    expect(off).toMatchObject({ code: 0, stderr: '', stdout: 'no problems in 1 file\n' });
  });
});
