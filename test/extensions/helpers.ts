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
import { expect, it } from 'vitest';
import type { Family } from '../../src/catalog/types.js';
import type { Diagnostic } from '../../src/diagnostics.js';
import { lint } from '../../src/lint.js';

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
  /** Exact findings, see `findings()`. Empty: the rule must lint clean. */
  expect: readonly string[];
}

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
