/**
 * bench:compare is a report, not a test of speed; this checks that it runs, that it tells identical findings from
 * different ones, and that bad arguments get one line and exit 2. The timings it prints are not asserted.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../cli/run.js';

const compare = path.join(ROOT, 'dist', 'bench', 'compare.js');

function run(args: string[]) {
  const r = spawnSync(process.execPath, [compare, ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('bench:compare', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'iptlint-compare-test-'));
  const file = path.join(dir, 'rules.v4');
  writeFileSync(file, '*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -p tcp --dport 22 -j ACCEPT\nCOMMIT\n');

  it('compares a checkout with itself: two timings and identical findings', () => {
    const r = run([ROOT, '--runs', '1', '--file', file, '--', '--no-kernel']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`base (${ROOT}): wall median`);
    expect(r.stdout).toContain('this checkout: wall median');
    expect(r.stdout).toContain('findings: identical JSON reports');
  });

  it('says so, and exits 1, when the two builds find different things', () => {
    // A stand-in for another build, which finds nothing in any file.
    const other = mkdtempSync(path.join(tmpdir(), 'iptlint-compare-other-'));
    mkdirSync(path.join(other, 'dist', 'src', 'cli'), { recursive: true });
    writeFileSync(path.join(other, 'dist', 'src', 'cli', 'bin.cjs'), "process.stdout.write('{\"version\":1,\"files\":[]}\\n');\n");
    const r = run([other, '--runs', '1', '--file', path.join(ROOT, 'examples', 'broken.rules'), '--', '--no-kernel']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('findings: THE JSON REPORTS DIFFER');
  });

  it('refuses bad arguments with one line and exit 2', () => {
    for (const args of [[], ['/nonexistent-checkout'], [ROOT, '--runs', '0'], [ROOT, '--file', '/nonexistent.rules'], [ROOT, '--bogus']]) {
      const r = run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^bench:compare: /);
    }
  });
});
