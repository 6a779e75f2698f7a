/**
 * The corpus of the differential suite: valid rules (the project's examples and
 * the OK lines of iptables' own vectors) and deterministic mutations of them,
 * each turned into a one-rule ruleset that the real iptables-restore can load.
 *
 * Nothing here decides whether a case is valid: the kernel does, in
 * kernel.test.ts. The generator only has to produce many rules close to valid
 * ones, the kind a person writes by mistake, in a reproducible order. It does
 * not read iptlint's catalog, so a gap in the catalog cannot hide from it: the
 * options it moves between extensions are harvested from the vectors.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { vectorRuleset, type VectorLine } from '../helpers/iptables-vectors.js';
import { createRng } from '../../bench/generate.js';

export type Family = 'ipv4' | 'ipv6';

export const MUTATION_KINDS = [
  'out-of-range',
  'dropped-value',
  'misspelled-option',
  'foreign-option',
  'wrong-table-chain',
  'wrong-family',
  'removed-protocol',
  'doubled-option',
  'negation-added',
] as const;
export type MutationKind = (typeof MUTATION_KINDS)[number];
export type CaseKind = 'example-file' | 'example-rule' | 'vector-ok' | MutationKind;

export interface Case {
  /** Stable within a seed: kind, origin and a counter. */
  id: string;
  kind: CaseKind;
  family: Family;
  table: string;
  chain: string;
  /** The rule without `-A CHAIN` (for whole example files: the file name). */
  rule: string;
  /** Where the base rule came from (`libxt_tcp.t:12`, `examples/rules.v4:9`). */
  origin: string;
  /** What the mutation did, for reports. */
  detail: string;
  /** The ruleset handed to iptables-restore and to lint(). */
  text: string;
}

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const BUILTIN_CHAINS: Record<string, readonly string[]> = {
  filter: ['INPUT', 'FORWARD', 'OUTPUT'],
  nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'],
  mangle: ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'],
  raw: ['PREROUTING', 'OUTPUT'],
  security: ['INPUT', 'FORWARD', 'OUTPUT'],
};

/** The corpus uses the benchmark's seeded generator: small, fast and the same on every platform. */
export const rng = createRng;

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)];
}

/** Splits a rule into words as iptables-restore does: whitespace separates, double quotes group. */
export function tokenize(rule: string): string[] {
  const out: string[] = [];
  let cur = '';
  let inQuote = false;
  let has = false;
  for (const ch of rule) {
    if (ch === '"') {
      inQuote = !inQuote;
      cur += ch;
      has = true;
    } else if (!inQuote && /\s/.test(ch)) {
      if (has) out.push(cur);
      cur = '';
      has = false;
    } else {
      cur += ch;
      has = true;
    }
  }
  if (has) out.push(cur);
  return out;
}

/** A word that starts an option (`-p`, `--dport`), as opposed to a value such as `-1` or `-`. */
const isOptionWord = (w: string) => /^--?[A-Za-z]/.test(w);

/** One option occurrence in a rule: its words [start, end) including values, plus its owner. */
export interface OptionSpan {
  /** Index of the `!` before it, when negated in front. */
  bang?: number;
  start: number;
  /** One past the last value word. */
  end: number;
  name: string;
  /** `-m NAME` / `-j NAME` the option belongs to; `''` for the generic options (-p, -s, -i, …). */
  owner: string;
}

export function optionSpans(words: readonly string[]): OptionSpan[] {
  const spans: OptionSpan[] = [];
  let owner = '';
  let proto = '';
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (!isOptionWord(w)) continue;
    const bang = i > 0 && words[i - 1] === '!' ? i - 1 : undefined;
    let end = i + 1;
    while (end < words.length && !isOptionWord(words[end]) && words[end] !== '!') end++;
    // `--opt ! value` (the old placement of the bang) keeps the value with its option.
    if (end < words.length && words[end] === '!' && end + 1 < words.length && !isOptionWord(words[end + 1]) && end === i + 1) {
      end += 2;
      while (end < words.length && !isOptionWord(words[end]) && words[end] !== '!') end++;
    }
    const name = w.replace(/^-+/, '').replace(/=.*$/, '');
    let spanOwner = owner;
    if (w === '-m' || w === '--match') {
      owner = words[i + 1] ?? '';
      spanOwner = '';
    } else if (w === '-j' || w === '--jump' || w === '-g' || w === '--goto') {
      owner = words[i + 1] ?? '';
      spanOwner = '';
    } else if (w === '-p' || w === '--protocol') {
      proto = (words[i + 1] ?? '').toLowerCase();
      spanOwner = '';
    } else if (w.startsWith('--')) {
      // Options before any -m after -p belong to the protocol's implicit match.
      if (owner === '' && proto) spanOwner = proto;
    } else {
      spanOwner = '';
    }
    spans.push({ bang, start: i, end, name, owner: spanOwner });
  }
  return spans;
}

export interface BaseRule {
  family: Family;
  table: string;
  chain: string;
  rule: string;
  origin: string;
  /** Rules that must come before it (vectors' `%iptables -I` lines). */
  setup: { chain: string; rule: string }[];
  /** The base depends on state outside the ruleset (nfacct objects, conntrack helpers): never mutated. */
  external: boolean;
}

/** Whether a -j/-g name is a target extension (not a user chain): userspace ships a plugin for it. */
export function makeIsTarget(vectorDir?: string): (name: string) => boolean {
  const dirs = ['/usr/lib/x86_64-linux-gnu/xtables', '/usr/lib/xtables', '/usr/lib64/xtables', '/usr/local/lib/xtables'];
  if (vectorDir) dirs.push(vectorDir);
  const known = new Set<string>();
  for (const d of dirs) {
    if (!existsSync(d)) continue;
    for (const f of readdirSync(d)) {
      const m = /^lib(?:xt|ipt|ip6t)_(.+)\.(?:so|c|man|t)$/.exec(f);
      if (m) known.add(m[1]);
    }
  }
  return (name) => known.has(name);
}

export function toRuleset(b: { family: Family; table: string; chain: string; rule: string; setup: BaseRule['setup'] }, isTarget: (n: string) => boolean): string {
  const v: VectorLine = {
    file: '',
    lineNo: 0,
    rule: b.rule,
    family: b.family,
    table: b.table,
    chains: [b.chain],
    expected: { nft: 'OK', legacy: 'OK' },
    setup: b.setup,
    externalState: [],
  };
  return vectorRuleset(v, b.chain, isTarget);
}

/** Rules of the project's example files, each in its own table and chain. */
export function exampleRules(): { rules: BaseRule[]; files: { name: string; family: Family; text: string }[] } {
  const dir = join(REPO_ROOT, 'examples');
  const names = readdirSync(dir)
    .filter((n) => n.endsWith('.rules') || /^rules\.v[46]$/.test(n))
    .sort();
  const rules: BaseRule[] = [];
  const files: { name: string; family: Family; text: string }[] = [];
  for (const name of names) {
    const text = readFileSync(join(dir, name), 'utf8');
    const family: Family = /v6|ip6/.test(name) ? 'ipv6' : 'ipv4';
    files.push({ name: `examples/${name}`, family, text });
    let table = 'filter';
    text.split('\n').forEach((line, i) => {
      const t = /^\*(\S+)/.exec(line);
      if (t) table = t[1];
      const r = /^-A\s+(\S+)\s+(.*?)\s*(?:#.*)?$/.exec(line);
      if (r) rules.push({ family, table, chain: r[1], rule: r[2], origin: `examples/${name}:${i + 1}`, setup: [], external: false });
    });
  }
  return { rules, files };
}

export function vectorRules(vectors: readonly VectorLine[]): BaseRule[] {
  return vectors
    .filter((v) => v.expected.nft !== 'FAIL' && v.expected.legacy !== 'FAIL')
    .map((v) => ({
      family: v.family,
      table: v.table,
      // The first chain the file names: the others give the same rule nothing new to mutate.
      chain: v.chains[0],
      rule: v.rule,
      origin: `${v.file}:${v.lineNo}`,
      setup: v.setup,
      external: v.externalState.length > 0,
    }));
}

/** Option of some extension with a value it was used with, to move into rules of other extensions. */
interface ForeignOption {
  owner: string;
  words: string[];
}

function harvestOptions(bases: readonly BaseRule[]): ForeignOption[] {
  const seen = new Map<string, ForeignOption>();
  for (const b of bases) {
    const words = tokenize(b.rule);
    for (const s of optionSpans(words)) {
      if (!s.owner || !s.name || words[s.start].startsWith('-') === false) continue;
      const key = `${s.owner} ${s.name}`;
      if (!seen.has(key)) seen.set(key, { owner: s.owner, words: words.slice(s.start, s.end) });
    }
  }
  return [...seen.values()].sort((a, b) => `${a.owner} ${a.words[0]}`.localeCompare(`${b.owner} ${b.words[0]}`));
}

const join_ = (words: readonly string[]) => words.join(' ');

/** Each number in a value, replaced by values just past common limits (8, 16, 32 bits, negative). */
function outOfRange(words: readonly string[], spans: readonly OptionSpan[], random: () => number): { rule: string; detail: string }[] {
  const out: { rule: string; detail: string }[] = [];
  const replacements = ['256', '65536', '4294967296', '-1', '99999999999999999999', '64', '16', '0x100000000'];
  for (const s of spans) {
    if (['-m', '--match', '-j', '--jump', '-g', '--goto'].includes(words[s.start])) continue; // names, not numbers
    for (let i = s.start + 1; i < s.end; i++) {
      const w = words[i];
      const numbers = [...w.matchAll(/(0x[0-9a-fA-F]+|\d+)/g)];
      if (numbers.length === 0) continue;
      const m = pick(numbers, random);
      const by = pick(replacements, random);
      const value = w.slice(0, m.index) + by + w.slice(m.index! + m[0].length);
      const next = [...words];
      next[i] = value;
      out.push({ rule: join_(next), detail: `${words[s.start]} ${w} → ${value}` });
    }
  }
  return out;
}

function droppedValue(words: readonly string[], spans: readonly OptionSpan[]): { rule: string; detail: string }[] {
  return spans
    .filter((s) => s.end > s.start + 1 && !['-m', '--match', '-j', '--jump', '-g', '--goto'].includes(words[s.start]))
    .map((s) => ({ rule: join_([...words.slice(0, s.start + 1), ...words.slice(s.end)]), detail: `value of ${words[s.start]} dropped` }));
}

function misspelled(words: readonly string[], spans: readonly OptionSpan[], random: () => number): { rule: string; detail: string }[] {
  const out: { rule: string; detail: string }[] = [];
  for (const s of spans) {
    const w = words[s.start];
    if (!w.startsWith('--') || w.includes('=') || w.length < 6) continue;
    const body = w.slice(2);
    // Swapping two neighbours is the typical typo; a cut-off name tests getopt's unambiguous-prefix rule.
    const i = 1 + Math.floor(random() * (body.length - 2));
    const swapped = body.slice(0, i) + body[i + 1] + body[i] + body.slice(i + 2);
    const variants = new Set<string>();
    if (swapped !== body) variants.add(`--${swapped}`);
    variants.add(`--${body.slice(0, body.length - 1 - Math.floor(random() * Math.min(3, body.length - 3)))}`);
    for (const v of variants) {
      const next = [...words];
      next[s.start] = v;
      out.push({ rule: join_(next), detail: `${w} → ${v}` });
    }
  }
  return out;
}

function foreign(words: readonly string[], spans: readonly OptionSpan[], pool: readonly ForeignOption[], random: () => number): { rule: string; detail: string }[] {
  const owned = spans.filter((s) => s.owner);
  if (owned.length === 0 || pool.length === 0) return [];
  const out: { rule: string; detail: string }[] = [];
  const owners = new Set(owned.map((s) => s.owner));
  for (let n = 0; n < 2; n++) {
    const at = pick(owned, random);
    const candidates = pool.filter((f) => !owners.has(f.owner) && !owned.some((s) => s.name === f.words[0].replace(/^-+/, '')));
    if (candidates.length === 0) break;
    const f = pick(candidates, random);
    out.push({ rule: join_([...words.slice(0, at.end), ...f.words, ...words.slice(at.end)]), detail: `${f.words.join(' ')} (of ${f.owner}) after ${words[at.start]} (of ${at.owner})` });
  }
  return out;
}

function removedProtocol(words: readonly string[], spans: readonly OptionSpan[]): { rule: string; detail: string }[] {
  return spans
    .filter((s) => words[s.start] === '-p' || words[s.start] === '--protocol')
    .map((s) => {
      const from = s.bang ?? s.start;
      return { rule: join_([...words.slice(0, from), ...words.slice(s.end)]), detail: `${words.slice(from, s.end).join(' ')} removed` };
    });
}

function doubled(words: readonly string[], spans: readonly OptionSpan[]): { rule: string; detail: string }[] {
  return spans
    .filter((s) => !['-m', '--match'].includes(words[s.start]))
    .map((s) => {
      const from = s.bang ?? s.start;
      const part = words.slice(from, s.end);
      return { rule: join_([...words.slice(0, s.end), ...part, ...words.slice(s.end)]), detail: `${part.join(' ')} doubled` };
    });
}

function negated(words: readonly string[], spans: readonly OptionSpan[]): { rule: string; detail: string }[] {
  return spans
    .filter((s) => s.bang === undefined && words[s.start + 1] !== '!')
    .map((s) => ({ rule: join_([...words.slice(0, s.start), '!', ...words.slice(s.start)]), detail: `! before ${words[s.start]}` }));
}

const swapFamilyOrigin = (f: Family): Family => (f === 'ipv4' ? 'ipv6' : 'ipv4');

export interface CorpusOptions {
  seed: number;
  /** Largest number of cases per mutation kind (a seeded sample when there are more). */
  perKind: number;
  vectors: readonly VectorLine[];
  isTarget: (name: string) => boolean;
}

export function buildCorpus(o: CorpusOptions): Case[] {
  const random = rng(o.seed);
  const examples = exampleRules();
  const bases = [...examples.rules, ...vectorRules(o.vectors)];

  const cases: Case[] = [];
  const seenText = new Set<string>();
  let counter = 0;
  const add = (kind: CaseKind, b: Pick<BaseRule, 'family' | 'table' | 'chain' | 'rule' | 'origin' | 'setup'>, detail: string, text?: string) => {
    const t = text ?? toRuleset(b, o.isTarget);
    const dedupe = `${b.family}\n${t}`;
    if (seenText.has(dedupe)) return;
    seenText.add(dedupe);
    cases.push({ id: `${kind}#${counter++}`, kind, family: b.family, table: b.table, chain: b.chain, rule: b.rule, origin: b.origin, detail, text: t });
  };

  for (const f of examples.files) add('example-file', { family: f.family, table: '-', chain: '-', rule: f.name, origin: f.name, setup: [] }, 'whole file', f.text);
  for (const b of examples.rules) add('example-rule', b, 'as written');
  for (const b of vectorRules(o.vectors)) add('vector-ok', b, 'as written');

  // Mutations only of bases whose meaning is in the rule itself (no setup rules, no external objects).
  const mutable = bases.filter((b) => !b.external && b.setup.length === 0);
  // Foreign options come from the same bases, so no mutation drags outside state (an nfacct object) in.
  const pool = harvestOptions(mutable);
  const byKind = new Map<MutationKind, { b: BaseRule; rule: string; detail: string; table?: string; chain?: string; family?: Family }[]>();
  const push = (k: MutationKind, m: { b: BaseRule; rule: string; detail: string; table?: string; chain?: string; family?: Family }) => {
    if (!byKind.has(k)) byKind.set(k, []);
    byKind.get(k)!.push(m);
  };
  for (const b of mutable) {
    const words = tokenize(b.rule);
    const spans = optionSpans(words);
    for (const m of outOfRange(words, spans, random)) push('out-of-range', { b, ...m });
    for (const m of droppedValue(words, spans)) push('dropped-value', { b, ...m });
    for (const m of misspelled(words, spans, random)) push('misspelled-option', { b, ...m });
    for (const m of foreign(words, spans, pool, random)) push('foreign-option', { b, ...m });
    for (const m of removedProtocol(words, spans)) push('removed-protocol', { b, ...m });
    for (const m of doubled(words, spans)) push('doubled-option', { b, ...m });
    for (const m of negated(words, spans)) push('negation-added', { b, ...m });
    push('wrong-family', { b, rule: b.rule, family: swapFamilyOrigin(b.family), detail: `${b.family} rule loaded by ${b.family === 'ipv4' ? 'ip6tables' : 'iptables'}` });
    for (const [table, chains] of Object.entries(BUILTIN_CHAINS)) {
      for (const chain of chains) {
        if (table === b.table && chain === b.chain) continue;
        if (!BUILTIN_CHAINS[b.table]?.includes(b.chain) && table === b.table) continue; // a user chain: only other tables
        push('wrong-table-chain', { b, rule: b.rule, table, chain, detail: `${b.table}/${b.chain} → ${table}/${chain}` });
      }
    }
  }
  // Most rules are valid in any chain; moves of rules with a target extension or an interface
  // are the ones that test table and hook knowledge, so they get three quarters of that budget.
  const placeSensitive = (rule: string) =>
    /(?:^|\s)-[io]\s/.test(rule) || [...rule.matchAll(/(?:^|\s)-j\s+(\S+)/g)].some((m) => o.isTarget(m[1]));
  for (const kind of MUTATION_KINDS) {
    const all = shuffled(byKind.get(kind) ?? [], random);
    let chosen = all.slice(0, o.perKind);
    if (kind === 'wrong-table-chain') {
      // Whole bases, each moved to every other table and built-in chain, twice the budget of a kind:
      // a rule's verdicts across all places show the table and hook limits together.
      const budget = o.perKind * 2;
      const bases = [...new Set(all.map((m) => m.b))];
      const sensitive = bases.filter((b) => placeSensitive(b.rule));
      const rest = bases.filter((b) => !placeSensitive(b.rule));
      chosen = [];
      const take = (from: BaseRule[], limit: number) => {
        for (const b of from) {
          const moves = all.filter((m) => m.b === b);
          if (chosen.length + moves.length > limit) break;
          chosen.push(...moves);
        }
      };
      take(sensitive, Math.floor((budget * 3) / 4));
      take(rest, budget);
    }
    for (const m of chosen) {
      add(kind, { family: m.family ?? m.b.family, table: m.table ?? m.b.table, chain: m.chain ?? m.b.chain, rule: m.rule, origin: m.b.origin, setup: [] }, m.detail);
    }
  }
  return cases;
}
