/**
 * Differential suite (issue 3): iptlint against the real kernel.
 *
 * Every case of the corpus (corpus.ts: the project's examples, the OK lines of
 * iptables' vectors and seeded mutations of them) is a small ruleset. Each is
 * loaded into a throwaway network namespace by the real iptables-restore with
 * both backends (nf_tables and legacy) and linted, and then:
 *  - both backends accept it → iptlint must report no error (every such error is listed);
 *  - exactly one accepts it → no error without a backend, nor with the accepting backend given;
 *  - both reject it → iptlint should report an error: at least 95% of these must be flagged,
 *    and the misses are printed grouped by mutation kind.
 * Cases the rule text alone cannot decide are listed in NOT_STATIC with the reason.
 *
 * IPTLINT_DIFFERENTIAL_SEED picks another corpus (the default is fixed so CI is reproducible) and
 * IPTLINT_DIFFERENTIAL_PER_KIND a larger one, for exploring;
 * IPTLINT_DIFFERENTIAL_REPORT=path writes every case with both verdicts and the findings as JSON.
 */
import { writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.js';
import { lint } from '../../src/lint.js';
import { BACKENDS, complaint, oracleUnavailable, restoreMany, type OracleBackend, type OracleResult } from '../helpers/iptables.js';
import { locateVectors, readVectors } from '../helpers/iptables-vectors.js';
import { describe as describeDiagnostics } from '../helpers/verdicts.js';
import { buildCorpus, makeIsTarget, MUTATION_KINDS, type Case, type CaseKind } from './corpus.js';

const DEFAULT_SEED = 20261127;
const SEED = Number(process.env.IPTLINT_DIFFERENTIAL_SEED ?? DEFAULT_SEED);
/** Cases per mutation kind: enough for ≥ 2,000 rules in all, few enough for well under three minutes. */
const PER_KIND = Number(process.env.IPTLINT_DIFFERENTIAL_PER_KIND ?? 400);

/**
 * Kernel-rejected cases that no static reading of the ruleset can decide. Each entry
 * matches a case by its rule and by what the nf_tables backend said (legacy only says
 * "line N failed" for kernel refusals), so it cannot swallow a case rejected for
 * another reason; every case it excludes is printed with the reason.
 */
interface NotStatic {
  rule: RegExp;
  /** Tested against the nf_tables backend's whole stderr. */
  complaint: RegExp;
  reason: string;
}
const NOT_STATIC: NotStatic[] = [
  {
    rule: /-m ipvs|-j LED/,
    complaint: /Extension (ipvs|LED) revision 0 not supported, missing kernel module\?/,
    reason:
      'the kernel running these tests has no ip_vs / xt_LED module: whether the module exists is a fact of the target ' +
      "kernel, which iptlint's kernel-module check decides only when it is given that kernel's profile",
  },
  {
    rule: /-j SECMARK --selc/,
    complaint: /RULE_APPEND failed \(No such file or directory\)/,
    reason: 'the kernel resolves an SELinux context through the running security module; SELinux is not enabled on this host',
  },
  {
    rule: /./,
    complaint: /getaddrinfo: |host\/network `[^']*' not found/,
    reason: 'iptables read the value as a host name and DNS at load time decides (iptlint warns that it is one); the test namespace has no network',
  },
  {
    rule: /-m connlabel/,
    complaint: /cannot open \/etc\/xtables\/connlabel\.conf[\s\S]*label '[^']*' not found/,
    reason: "a connlabel name is looked up in the loading host's /etc/xtables/connlabel.conf (iptlint warns that it must be defined there)",
  },
];

interface Verdict {
  nft: OracleResult;
  legacy: OracleResult;
}

const errorsOf = (ds: readonly Diagnostic[]) => ds.filter((d) => d.severity === 'error');
const where = (c: Case) => `[${c.id} ${c.family} ${c.table}/${c.chain}] ${c.rule}   (from ${c.origin}; ${c.detail})`;
const said = (v: Verdict) =>
  `nft ${v.nft.accepted ? 'accepts' : `rejects: ${complaint(v.nft.stderr)}`} | legacy ${v.legacy.accepted ? 'accepts' : `rejects: ${complaint(v.legacy.stderr)}`}`;

const unavailable = oracleUnavailable();
const lookup = locateVectors();
const skipReason = unavailable ?? (lookup.ok ? null : `iptables test vectors unavailable: ${lookup.reason}`);
if (skipReason) console.warn(`[differential] suite skipped: ${skipReason}`);

/** A load that failed only because another process held the xtables lock says nothing about the rule. */
const lockFailure = (r: OracleResult) => !r.accepted && /xtables lock|Resource temporarily unavailable/i.test(r.stderr);

async function load(cases: readonly Case[], backend: OracleBackend): Promise<OracleResult[]> {
  const results: OracleResult[] = new Array(cases.length);
  for (const family of ['ipv4', 'ipv6'] as const) {
    const idx = cases.flatMap((c, i) => (c.family === family ? [i] : []));
    // nf_tables commits are slow and parallelise; legacy serialises on its lock, so two namespaces suffice.
    const got = await restoreMany(
      idx.map((i) => cases[i].text),
      { family, backend, parallel: backend === 'nft' ? 6 : 2 },
    );
    idx.forEach((i, n) => (results[i] = got[n]));
    const retry = idx.filter((i) => lockFailure(results[i]));
    if (retry.length > 0) {
      const again = await restoreMany(
        retry.map((i) => cases[i].text),
        { family, backend, parallel: 1 },
      );
      retry.forEach((i, n) => (results[i] = again[n]));
    }
  }
  return results;
}

describe.skipIf(skipReason)(`iptlint against the real kernel${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  const vectors = lookup.ok ? readVectors(lookup.vectors) : [];
  const cases = lookup.ok ? buildCorpus({ seed: SEED, perKind: PER_KIND, vectors, isTarget: makeIsTarget(lookup.vectors.dir) }) : [];
  const verdicts = new Map<Case, Verdict>();
  const findings = new Map<Case, Diagnostic[]>();
  const thrown = new Map<Case, string>();

  const lintCase = (c: Case, backend?: OracleBackend): Diagnostic[] => {
    try {
      return lint(c.text, backend ? { family: c.family, backend } : { family: c.family }).diagnostics;
    } catch (e) {
      thrown.set(c, (e as Error).stack ?? String(e));
      return [];
    }
  };

  beforeAll(async () => {
    const started = Date.now();
    const [nft, legacy] = await Promise.all(BACKENDS.map((b) => load(cases, b)));
    const loaded = Date.now();
    cases.forEach((c, i) => verdicts.set(c, { nft: nft[i], legacy: legacy[i] }));
    for (const c of cases) findings.set(c, lintCase(c));
    const secs = (from: number, to: number) => ((to - from) / 1000).toFixed(1);
    console.log(`[differential] seed ${SEED}: ${cases.length} rulesets loaded with both backends in ${secs(started, loaded)} s, linted in ${secs(loaded, Date.now())} s`);
    // Alone on two cores the loads take well under a minute; the ceiling is for machines busy with other work.
  }, 300_000);

  const bothAccept = () => cases.filter((c) => verdicts.get(c)!.nft.accepted && verdicts.get(c)!.legacy.accepted);
  const oneAccepts = () => cases.filter((c) => verdicts.get(c)!.nft.accepted !== verdicts.get(c)!.legacy.accepted);
  const bothReject = () => cases.filter((c) => !verdicts.get(c)!.nft.accepted && !verdicts.get(c)!.legacy.accepted);
  const notStatic = (c: Case): NotStatic | undefined => {
    return NOT_STATIC.find((n) => n.rule.test(c.rule) && n.complaint.test(verdicts.get(c)!.nft.stderr));
  };

  test('the corpus is large and covers every mutation kind in both families', () => {
    const count = (k: CaseKind) => cases.filter((c) => c.kind === k).length;
    console.log(`[differential] corpus: ${['example-file', 'example-rule', 'vector-ok', ...MUTATION_KINDS].map((k) => `${k} ${count(k as CaseKind)}`).join(', ')}`);
    expect(cases.length).toBeGreaterThanOrEqual(2000);
    for (const k of MUTATION_KINDS) expect(count(k), k).toBeGreaterThanOrEqual(100);
    expect(cases.filter((c) => c.family === 'ipv6').length).toBeGreaterThan(200);
    // Without a real mix the shares below would mean nothing.
    expect(bothAccept().length).toBeGreaterThan(500);
    expect(bothReject().length).toBeGreaterThan(500);
    const report = process.env.IPTLINT_DIFFERENTIAL_REPORT;
    if (report) {
      const row = (c: Case) => ({ ...c, nft: verdicts.get(c)!.nft, legacy: verdicts.get(c)!.legacy, diagnostics: findings.get(c) });
      writeFileSync(report, JSON.stringify(cases.map(row), null, 1));
    }
  });

  test('lint() never throws', () => {
    expect([...thrown.entries()].map(([c, e]) => `${where(c)}: ${e}`)).toEqual([]);
  });

  test('no error on any ruleset both backends accept', () => {
    const accepted = bothAccept();
    const wrong = accepted.filter((c) => errorsOf(findings.get(c)!).length > 0);
    console.log(`[differential] accepted by both backends: ${accepted.length}; with a false error from iptlint: ${wrong.length}`);
    const list = wrong.map((c) => `${where(c)}\n      iptlint: ${describeDiagnostics(errorsOf(findings.get(c)!))}`);
    expect(wrong.length, `iptlint reports errors on rules the kernel accepts:\n${list.join('\n')}`).toBe(0);
  });

  test('no error on a ruleset only one backend accepts, unless the rejecting backend is given', () => {
    const split = oneAccepts();
    const problems: string[] = [];
    let flaggedWithBackend = 0;
    for (const c of split) {
      const v = verdicts.get(c)!;
      const good: OracleBackend = v.nft.accepted ? 'nft' : 'legacy';
      const bad: OracleBackend = good === 'nft' ? 'legacy' : 'nft';
      const plain = errorsOf(findings.get(c)!);
      if (plain.length > 0) problems.push(`${where(c)}\n      ${said(v)}\n      iptlint (no backend given): ${describeDiagnostics(plain)}`);
      const withGood = errorsOf(lintCase(c, good));
      if (withGood.length > 0) problems.push(`${where(c)}\n      ${said(v)}\n      iptlint (backend ${good} given): ${describeDiagnostics(withGood)}`);
      if (errorsOf(lintCase(c, bad)).length > 0) flaggedWithBackend++;
    }
    const unwarned = split.filter((c) => findings.get(c)!.every((d) => d.severity !== 'warning'));
    console.log(
      `[differential] accepted by one backend only: ${split.length}; flagged as an error when the rejecting backend is given: ${flaggedWithBackend}; ` +
        `without any warning when no backend is given: ${unwarned.length} (information)`,
    );
    if (unwarned.length > 0) {
      console.log(`[differential] backend-dependent rulesets iptlint does not warn about:\n${unwarned.map((c) => `  ${where(c)}\n      ${said(verdicts.get(c)!)}`).join('\n')}`);
    }
    expect(problems.length, `errors on rules one backend accepts:\n${problems.join('\n')}`).toBe(0);
  });

  test.skipIf(SEED !== DEFAULT_SEED)('every NOT_STATIC entry excludes a case of the default corpus (no stale exclusions)', () => {
    const rejected = bothReject();
    expect(NOT_STATIC.filter((n) => !rejected.some((c) => notStatic(c) === n)).map((n) => n.reason)).toEqual([]);
  });

  test('at least 95% of the kernel-rejected rulesets are flagged with an error', () => {
    const rejected = bothReject();
    const excluded = rejected.filter((c) => notStatic(c));
    const decidable = rejected.filter((c) => !notStatic(c));
    const missed = decidable.filter((c) => errorsOf(findings.get(c)!).length === 0);
    const share = decidable.length === 0 ? 1 : (decidable.length - missed.length) / decidable.length;
    console.log(
      `[differential] rejected by both backends: ${rejected.length}; statically decidable ${decidable.length}, ` +
        `flagged ${decidable.length - missed.length} (${(share * 100).toFixed(1)}%); not decidable (NOT_STATIC) ${excluded.length}`,
    );
    if (excluded.length > 0) {
      console.log(`[differential] excluded as not statically decidable:\n${excluded.map((c) => `  ${where(c)}\n      ${notStatic(c)!.reason}`).join('\n')}`);
    }
    const kinds = [...new Set(decidable.map((c) => c.kind))];
    const perKind = kinds.map((k) => {
      const all = decidable.filter((c) => c.kind === k);
      const miss = missed.filter((c) => c.kind === k);
      return `  ${k}: ${all.length - miss.length}/${all.length} flagged`;
    });
    console.log(`[differential] by kind:\n${perKind.join('\n')}`);
    const grouped = kinds
      .map((k) => [k, missed.filter((c) => c.kind === k)] as const)
      .filter(([, ms]) => ms.length > 0)
      .map(([k, ms]) => `${k} (${ms.length}):\n${ms.map((c) => `  ${where(c)}\n      ${said(verdicts.get(c)!)}\n      iptlint: ${describeDiagnostics(findings.get(c)!)}`).join('\n')}`);
    if (grouped.length > 0) console.log(`[differential] kernel-rejected rulesets without an error, by mutation kind:\n${grouped.join('\n')}`);
    expect(share, `${missed.length} of ${decidable.length} kernel-rejected rulesets have no error`).toBeGreaterThanOrEqual(0.95);
  });
});
