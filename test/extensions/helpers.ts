/**
 * Per-extension unit tests (issue 3, "How to prove it"): each case is one rule
 * in a small ruleset, decided beforehand by the real iptables-restore (nf_tables
 * and legacy backends, `unshare -n`), with the verdict written beside it.
 *
 * A case's expectation is the exact list of findings, formatted by `findings()`
 * as `CODE line:startcol-endcol severity` with 1-based line and columns, the end
 * column being the last character of the flagged token (inclusive), so
 * `IPT202 2:27-32 error` underlines columns 27 to 32 of line 2.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Family } from '../../src/catalog/types.js';
import type { Diagnostic } from '../../src/diagnostics.js';
import { lint } from '../../src/lint.js';
import { BACKENDS, findBinaries, oracleUnavailable, type OracleBackend } from '../helpers/iptables.js';

export interface ExtCase {
  /** The extension the case is about (match or target name, as after -m/-j). */
  ext: string;
  /** The rule under test, a full `-A CHAIN …` line. It is always line `2 + pre.length` of the ruleset. */
  rule: string;
  /** Default filter. */
  table?: string;
  /** Default ipv4. */
  family?: Family;
  /** Lines between the table header and the rule: chain declarations, rules the case relies on. */
  pre?: readonly string[];
  /**
   * Why this host cannot load the rule even when it is right (a module the 6.18 kernel lacks, an nfacct
   * object that cannot be created here): the binaries' rejection for that reason alone counts as acceptance.
   */
  absent?: string;
  /** Exact findings, see `findings()`. Empty: the rule must lint clean. */
  expect: readonly string[];
}

/** The ipset the `set` and `SET` cases name; created in each throwaway namespace before loading. */
export const IPSET_NAME = 'foo';

/** A rule the real binaries and iptlint disagree on; run with `it.fails` so the gap stays visible. */
export interface KnownGap extends Omit<ExtCase, 'expect'> {
  /**
   * `error`: both binaries reject, iptlint must report an error (which one is for the fix to decide).
   * `no-error`: both accept (or the only rejection is for a module this kernel lacks), iptlint must not report an error.
   * `exact`: iptlint's verdict is right but its findings are not; `expect` holds the right ones.
   */
  want: 'error' | 'no-error' | 'exact';
  expect?: readonly string[];
  /** What the binaries said and what iptlint gets wrong. */
  reason: string;
  /** The source file where the fix belongs. */
  owner: string;
}

/** The ruleset for one case: table header, `pre` lines, the rule, COMMIT. */
export function ruleset(c: Pick<ExtCase, 'rule' | 'table' | 'pre'>): string {
  return [`*${c.table ?? 'filter'}`, ...(c.pre ?? []), c.rule, 'COMMIT', ''].join('\n');
}

/** One finding per diagnostic, in the form the case tables use. */
export function findings(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.code} ${d.line + 1}:${d.start + 1}-${d.end} ${d.severity}`);
}

/** Lints a case the way a user would: family forced (the file name would say it), backend unknown. */
export function lintCase(c: Pick<ExtCase, 'rule' | 'table' | 'pre' | 'family'>): Diagnostic[] {
  return lint(ruleset(c), { family: c.family ?? 'ipv4' }).diagnostics;
}

function title(c: Pick<ExtCase, 'rule' | 'table' | 'family'>): string {
  return `[${c.family === 'ipv6' ? 'ip6' : 'ip'}/${c.table ?? 'filter'}] ${c.rule}`;
}

/** Registers one test per case: the findings must be exactly the expected ones. */
export function runCases(cases: readonly ExtCase[]): void {
  for (const c of cases) {
    it(title(c), () => {
      expect(findings(lintCase(c))).toEqual(c.expect);
    });
  }
}

/**
 * Registers one `it.fails` per gap: the body states what iptlint should do, so
 * it fails today; when the gap is fixed the body passes and `it.fails` turns red.
 */
export function runGaps(gaps: readonly KnownGap[]): void {
  // A group whose gaps are all fixed keeps one test, so the block stays valid and says so.
  if (gaps.length === 0) it('has no known gaps left', () => expect(gaps).toEqual([]));
  for (const g of gaps) {
    it.fails(`KNOWN GAP (${g.owner}): ${title(g)}`, () => {
      const errors = lintCase(g).filter((d) => d.severity === 'error');
      if (g.want === 'error') expect(errors.length).toBeGreaterThan(0);
      else if (g.want === 'no-error') expect(findings(errors)).toEqual([]);
      else expect(findings(lintCase(g))).toEqual(g.expect);
    });
  }
}

/** The extensions a file covers, to check that each has a valid case and at least two invalid ones. */
export function coverage(cases: readonly ExtCase[], gaps: readonly KnownGap[]): Map<string, { valid: number; invalid: number }> {
  const out = new Map<string, { valid: number; invalid: number }>();
  const count = (ext: string, valid: boolean) => {
    const entry = out.get(ext) ?? { valid: 0, invalid: 0 };
    if (valid) entry.valid++;
    else entry.invalid++;
    out.set(ext, entry);
  };
  for (const c of cases) count(c.ext, !c.expect.some((f) => f.endsWith(' error')));
  for (const g of gaps) count(g.ext, g.want === 'no-error' || (g.want === 'exact' && !(g.expect ?? []).some((f) => f.endsWith(' error'))));
  return out;
}

interface Loaded {
  nft: boolean;
  legacy: boolean;
  stderr: string;
}

/** Loads every ruleset with both backends, each in a throwaway namespace holding the ipset the cases use. */
async function loadAll(items: readonly { text: string; family: Family }[]): Promise<Loaded[]> {
  const dir = mkdtempSync(join(tmpdir(), 'iptlint-ext-'));
  try {
    const out: Loaded[] = items.map(() => ({ nft: false, legacy: false, stderr: '' }));
    const jobs: Promise<void>[] = [];
    for (const family of ['ipv4', 'ipv6'] as const) {
      for (const backend of BACKENDS) {
        const bins = findBinaries(family, backend);
        if (!bins) throw new Error(`no ${backend} restore binary for ${family}`);
        const prefix = `${family}-${backend}`;
        const mine = items.map((it, i) => ({ ...it, i })).filter((it) => it.family === family);
        for (const it of mine) writeFileSync(join(dir, `${prefix}-${String(it.i).padStart(5, '0')}.rules`), it.text);
        if (mine.length === 0) continue;
        // One namespace per family and backend; each load flushes the tables it names, so loads do not leak.
        const script = `command -v ipset >/dev/null && ipset create ${IPSET_NAME} hash:ip 2>/dev/null; for f in "$1"/"$2"-*.rules; do "$3" < "$f" > /dev/null 2> "$f.err"; echo $? > "$f.rc"; done`;
        jobs.push(
          new Promise<void>((resolve, reject) => {
            const child = spawn('unshare', ['-n', 'sh', '-c', script, 'sh', dir, prefix, bins.restore], { stdio: 'ignore' });
            child.on('error', reject);
            child.on('close', () => {
              for (const it of mine) {
                const base = join(dir, `${prefix}-${String(it.i).padStart(5, '0')}.rules`);
                const ok = readFileSync(`${base}.rc`, 'utf8').trim() === '0';
                if (backend === ('nft' satisfies OracleBackend)) out[it.i].nft = ok;
                else out[it.i].legacy = ok;
                out[it.i].stderr += readFileSync(`${base}.err`, 'utf8');
              }
              resolve();
            });
          }),
        );
      }
    }
    await Promise.all(jobs);
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Re-asks the real binaries about every case, where root and iptables are available, so the verdicts
 * written beside the cases cannot go stale: a case expecting an error must be rejected by both backends,
 * a case expecting none must be accepted by at least one (unless `absent` says why this host cannot).
 */
export function runOracle(cases: readonly ExtCase[], gaps: readonly KnownGap[]): void {
  const why = oracleUnavailable();
  describe.skipIf(why !== null)(`the real iptables-restore agrees with every verdict${why ? ` (skipped: ${why})` : ''}`, () => {
    const all = [
      ...cases.map((c) => ({ c, wantsError: c.expect.some((f) => f.endsWith(' error')) })),
      ...gaps.map((g) => ({ c: g, wantsError: g.want === 'error' || (g.want === 'exact' && (g.expect ?? []).some((f) => f.endsWith(' error'))) })),
    ];
    let loaded: Loaded[] = [];
    beforeAll(async () => {
      loaded = await loadAll(all.map(({ c }) => ({ text: ruleset(c), family: c.family ?? 'ipv4' })));
    }, 300_000);
    it('every case', () => {
      const wrong: string[] = [];
      all.forEach(({ c, wantsError }, i) => {
        const { nft, legacy, stderr } = loaded[i];
        if (wantsError && (nft || legacy)) wrong.push(`${title(c)}: expected both to reject, nft ${nft ? 'accepts' : 'rejects'}, legacy ${legacy ? 'accepts' : 'rejects'}`);
        if (!wantsError && !nft && !legacy && !c.absent) wrong.push(`${title(c)}: expected one to accept, both reject: ${stderr.trim().split('\n')[0]}`);
      });
      expect(wrong).toEqual([]);
    });
  });
}

/** The four blocks every group file runs: exact findings, known gaps, the real binaries' verdicts, coverage. */
export function runSuite(group: string, extensions: readonly string[], cases: readonly ExtCase[], gaps: readonly KnownGap[]): void {
  describe(`${group}: one rule per case, exact findings`, () => runCases(cases));
  describe(`${group}: known gaps`, () => runGaps(gaps));
  describe(`${group}: verdicts`, () => runOracle(cases, gaps));
  describe(`${group}: coverage`, () => {
    const counts = coverage(cases, gaps);
    it.each(extensions)('%s has a valid case and at least two invalid ones', (ext) => {
      const c = counts.get(ext) ?? { valid: 0, invalid: 0 };
      expect(c.valid).toBeGreaterThanOrEqual(1);
      expect(c.invalid).toBeGreaterThanOrEqual(2);
    });
    it('covers nothing else', () => {
      expect([...counts.keys()].filter((e) => !extensions.includes(e))).toEqual([]);
    });
  });
}

