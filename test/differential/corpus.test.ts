/**
 * The corpus generator itself, without root or iptables: the words and option
 * spans the mutations rely on, reproducibility per seed, and that each
 * mutation kind changes what it says it changes.
 */
import { describe, expect, test } from 'vitest';
import { buildCorpus, MUTATION_KINDS, optionSpans, tokenize, type Case } from './corpus.js';
import type { VectorLine } from '../helpers/iptables-vectors.js';

const vector = (rule: string, extra: Partial<VectorLine> = {}): VectorLine => ({
  file: 'libxt_test.t',
  lineNo: 1,
  rule,
  family: 'ipv4',
  table: 'filter',
  chains: ['INPUT'],
  expected: { nft: 'OK', legacy: 'OK' },
  setup: [],
  externalState: [],
  ...extra,
});

const VECTORS = ([
  vector('-p tcp -m tcp --dport 22 -j ACCEPT'),
  vector('-p udp -m udp ! --sport 1:1023'),
  vector('-m comment --comment "two words" -j LOG --log-prefix "x: "'),
  vector('-m conntrack --ctstate NEW,ESTABLISHED -m limit --limit 5/sec --limit-burst 10'),
  vector('-j DNAT --to-destination 10.0.0.1:80', { table: 'nat', chains: ['PREROUTING'] }),
  vector('-d ::1/128 -m hl --hl-eq 64', { file: 'libip6t_hl.t', family: 'ipv6' }),
  vector('-m nfacct --nfacct-name acct', { externalState: ['nfacct add acct'] }),
  vector('-j MARK --set-mark 1', { expected: { nft: 'FAIL', legacy: 'FAIL' } }),
] as VectorLine[]).map((v, i) => ({ ...v, lineNo: i + 1 }));
const isTarget = (n: string) => ['ACCEPT', 'DROP', 'LOG', 'DNAT', 'MARK', 'SSH', 'LOGDROP'].includes(n) && !['SSH', 'LOGDROP'].includes(n);

describe('tokenize and optionSpans', () => {
  test('double quotes keep a value with spaces together', () => {
    expect(tokenize('-m comment --comment "two words" -j LOG')).toEqual(['-m', 'comment', '--comment', '"two words"', '-j', 'LOG']);
  });

  test('options know their values, their bang and the extension they belong to', () => {
    const words = tokenize('-p udp ! --sport 1:1023 -m limit --limit 5/sec -j LOG --log-level -1');
    const spans = optionSpans(words);
    expect(spans.map((s) => [words[s.start], words.slice(s.start + 1, s.end).join(' '), s.owner, s.bang !== undefined])).toEqual([
      ['-p', 'udp', '', false],
      ['--sport', '1:1023', 'udp', true],
      ['-m', 'limit', '', false],
      ['--limit', '5/sec', 'limit', false],
      ['-j', 'LOG', '', false],
      // `-1` is a value, not an option
      ['--log-level', '-1', 'LOG', false],
    ]);
  });
});

describe('buildCorpus', () => {
  const corpus = (seed: number) => buildCorpus({ seed, perKind: 50, vectors: VECTORS, isTarget });
  const byKind = (cases: Case[], kind: string) => cases.filter((c) => c.kind === kind);

  test('the same seed gives the same corpus, another seed a different sample', () => {
    expect(corpus(1).map((c) => c.text)).toEqual(corpus(1).map((c) => c.text));
    expect(corpus(1).map((c) => c.text)).not.toEqual(corpus(2).map((c) => c.text));
  });

  test('every mutation kind is produced, and rulesets are unique', () => {
    const cases = corpus(1);
    for (const k of MUTATION_KINDS) expect(byKind(cases, k).length, k).toBeGreaterThan(0);
    const keys = cases.map((c) => `${c.family}\n${c.text}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  test('FAIL vectors are not bases, and rules that need outside state are kept but never mutated', () => {
    const cases = corpus(1);
    expect(cases.filter((c) => c.rule.includes('--set-mark')).map((c) => `${c.kind} ${c.rule}`)).toEqual([]);
    expect(byKind(cases, 'vector-ok').some((c) => c.rule.includes('nfacct'))).toBe(true);
    expect(cases.filter((c) => c.kind !== 'vector-ok').some((c) => c.rule.includes('nfacct'))).toBe(false);
  });

  test('each one-rule ruleset declares its table, the built-in chains and the user chains it jumps to', () => {
    const ssh = corpus(1).find((c) => c.kind === 'example-rule' && / -j SSH$/.test(c.rule));
    expect(ssh?.text).toMatch(/^\*filter\n:INPUT ACCEPT \[0:0\]\n:FORWARD ACCEPT \[0:0\]\n:OUTPUT ACCEPT \[0:0\]\n:SSH - \[0:0\]\n-A INPUT .* -j SSH\nCOMMIT\n$/);
  });

  test('mutations change what their kind says', () => {
    const cases = corpus(3);
    for (const c of byKind(cases, 'wrong-family')) expect(c.family).toBe(/v6|hl/.test(c.origin) ? 'ipv4' : 'ipv6');
    for (const c of byKind(cases, 'removed-protocol')) expect(c.rule).not.toMatch(/(^|\s)-p\s/);
    for (const c of byKind(cases, 'negation-added')) expect(c.rule).toContain('!');
    for (const c of byKind(cases, 'wrong-table-chain')) expect(c.detail).toMatch(new RegExp(`→ ${c.table}/${c.chain}$`));
    for (const c of byKind(cases, 'doubled-option')) {
      const part = c.detail.replace(/ doubled$/, '');
      expect(c.rule.split(part).length - 1, c.rule).toBeGreaterThanOrEqual(2);
    }
    for (const c of byKind(cases, 'foreign-option')) expect(c.detail).toMatch(/\(of (\S+)\) after .* \(of (?!\1\))/);
  });

  test('a rule moved between tables goes to every other table and built-in chain', () => {
    const moves = byKind(buildCorpus({ seed: 1, perKind: 1000, vectors: VECTORS, isTarget }), 'wrong-table-chain').filter((c) => c.origin === 'libxt_test.t:5');
    // DNAT from nat/PREROUTING: 17 built-in chains in all, minus its own.
    expect(moves.length).toBe(16);
  });
});
