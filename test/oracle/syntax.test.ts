/**
 * Issue 2's grammar, decided by the real iptables-restore. Every case in
 * test/fixtures/oracle/syntax-cases.ts is loaded at test time into a real
 * kernel (a throwaway network namespace) by both backends, and lint() must
 * agree: error when both reject, no error when both accept, warning only when
 * they disagree. The recorded verdicts tell, on failure, which side moved:
 * iptables (the binaries no longer say what they said) or iptlint.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { lint } from '../../src/lint.js';
import { SYNTAX_CASES, type SyntaxCase, type Verdict } from '../fixtures/oracle/syntax-cases.js';
import { firstLine, oracleUnavailable, restoreMany, type OracleResult } from '../helpers/iptables.js';
import { expectationFor, violation } from '../helpers/verdicts.js';

const unavailable = oracleUnavailable();
if (unavailable) console.warn(`[oracle/syntax] real iptables checks skipped: ${unavailable}`);

const label = (c: SyntaxCase) => `${c.name}${c.family === 'ipv6' ? ' (IPv6)' : ''}`;

describe('lint() against the recorded iptables-restore verdicts', () => {
  test.each(SYNTAX_CASES.map((c) => [label(c), c] as const))('%s', (_name, c) => {
    const { diagnostics } = lint(c.text, { family: c.family ?? 'ipv4' });
    const problem = violation(diagnostics, expectationFor(c.nft === 'accept', c.legacy === 'accept'));
    if (problem) expect.fail(`recorded: nft ${c.nft}, legacy ${c.legacy}; iptlint disagrees: ${problem}`);
    expect(problem).toBeUndefined();
  });
});

describe.skipIf(unavailable)(`real iptables-restore verdicts${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  const actual = new Map<SyntaxCase, { nft: OracleResult; legacy: OracleResult }>();

  beforeAll(async () => {
    for (const family of ['ipv4', 'ipv6'] as const) {
      const cases = SYNTAX_CASES.filter((c) => (c.family ?? 'ipv4') === family);
      const texts = cases.map((c) => c.text);
      const [nft, legacy] = await Promise.all([restoreMany(texts, { family, backend: 'nft' }), restoreMany(texts, { family, backend: 'legacy' })]);
      cases.forEach((c, i) => actual.set(c, { nft: nft[i], legacy: legacy[i] }));
    }
  }, 120_000);

  const verdict = (r: OracleResult): Verdict => (r.accepted ? 'accept' : 'reject');

  test.each(SYNTAX_CASES.map((c) => [label(c), c] as const))('%s', (_name, c) => {
    const got = actual.get(c)!;
    const said = { nft: verdict(got.nft), legacy: verdict(got.legacy) };
    // iptables moved: the table needs updating (and maybe iptlint with it).
    expect(said, `the binaries changed their verdict (nft: ${firstLine(got.nft.stderr)} | legacy: ${firstLine(got.legacy.stderr)})`).toEqual({
      nft: c.nft,
      legacy: c.legacy,
    });
    const { diagnostics } = lint(c.text, { family: c.family ?? 'ipv4' });
    const problem = violation(diagnostics, expectationFor(got.nft.accepted, got.legacy.accepted));
    if (problem) expect.fail(`nft ${said.nft}, legacy ${said.legacy} (${firstLine(got.nft.stderr) || firstLine(got.legacy.stderr) || 'no complaint'}); iptlint: ${problem}`);
    expect(problem).toBeUndefined();
  });
});
