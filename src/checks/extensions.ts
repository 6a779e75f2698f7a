/**
 * Extensions and their options (IPT2xx), driven only by the catalog: values,
 * repeats, conflicts, requirements, negation, and the protocol an extension
 * needs. Also the generic parts' values (-p, -s, -d, -i, -o).
 */
import { checkValue, protocolNumber } from '../catalog/values.js';
import type { Constraint, ExtensionDef, Family, OptionDef, ValueContext, ValueProblem, ValueSpec } from '../catalog/types.js';
import type { Reporter } from '../diagnostics.js';
import type { Arg, ExtensionUse, OptionUse, Part, Rule } from '../model/types.js';
import { memoised, memoKey } from '../model/line-memo.js';
import type { CheckContext, CheckInfo, ModelCheck } from './types.js';

const info: CheckInfo[] = [
  {
    code: 'IPT200', name: 'unknown-match', category: 'extensions', severity: 'error',
    summary: '`-m NAME` names a match iptables does not have.',
    description: 'iptables loads the userspace extension libxt_NAME.so for `-m NAME`; when there is none it fails with "Couldn\'t load match". Match names are case-sensitive.',
    bad: '*filter\n-A INPUT -m contrack --ctstate NEW -j ACCEPT\nCOMMIT', good: '*filter\n-A INPUT -m conntrack --ctstate NEW -j ACCEPT\nCOMMIT',
    fix: 'Correct the name; `iptlint rules` and `man iptables-extensions` list the matches.',
  },
  {
    code: 'IPT201', name: 'extension-wrong-family', category: 'extensions', severity: 'error',
    summary: 'A match or target that exists only for the other IP family.',
    description: 'Some extensions exist only for IPv4 (icmp, ttl, ULOG, CLUSTERIP, …) or only for IPv6 (icmp6, hl, frag, …). ip6tables-restore fails on an IPv4-only one and vice versa.',
    bad: '# rules.v6\n*filter\n-A INPUT -p icmp -m icmp --icmp-type 8 -j ACCEPT\nCOMMIT', good: '# rules.v6\n*filter\n-A INPUT -p ipv6-icmp -m icmp6 --icmpv6-type 128 -j ACCEPT\nCOMMIT',
    fix: 'Use the extension of this family (icmp → icmp6, ttl → hl, TTL → HL), or move the rule to the other file.',
  },
  {
    code: 'IPT202', name: 'invalid-value', category: 'extensions', severity: 'error',
    summary: 'An option\'s value that iptables rejects.',
    description: 'Each option parses its value with fixed rules and limits: ports 0-65535, at most 15 ports in a multiport list, comments of at most 255 bytes, log prefixes of at most 29, known conntrack states, addresses of the file\'s family, and so on. A value outside them makes iptables-restore fail.',
    bad: '*filter\n-A INPUT -p tcp --dport 70000 -j ACCEPT\nCOMMIT', good: '*filter\n-A INPUT -p tcp --dport 7000 -j ACCEPT\nCOMMIT',
    fix: 'Correct the value; the message says which forms the option accepts.',
  },
  {
    code: 'IPT203', name: 'duplicate-option', category: 'extensions', severity: 'error',
    summary: 'An option given twice for the same match or target.',
    description: 'Most options may appear once per match; iptables fails with "option may only be specified once". To test a value twice, load the match twice (`-m comment --comment a -m comment --comment b`).',
    bad: '*filter\n-A INPUT -p tcp --dport 22 --dport 80 -j ACCEPT\nCOMMIT', good: '*filter\n-A INPUT -p tcp -m multiport --dports 22,80 -j ACCEPT\nCOMMIT',
    fix: 'Remove the repeat, or use a list option (multiport) or a second `-m`.',
  },
  {
    code: 'IPT204', name: 'conflicting-options', category: 'extensions', severity: 'error',
    summary: 'Two options of one match or target that exclude each other.',
    description: 'Some options are alternatives (recent\'s --set/--rcheck/--update/--remove, tcp\'s --syn/--tcp-flags); iptables refuses them together.',
    bad: '*filter\n-A INPUT -m recent --set --update -j DROP\nCOMMIT', good: '*filter\n-A INPUT -m recent --update -j DROP\nCOMMIT',
    fix: 'Keep one of them; split the rule if both were meant.',
  },
  {
    code: 'IPT205', name: 'missing-required-option', category: 'extensions', severity: 'error',
    summary: 'A match or target without an option it requires.',
    description: 'Some extensions do nothing without a given option (DNAT needs --to-destination, recent needs one of --set/--rcheck/--update/--remove, conntrack needs a criterion); iptables fails on them.',
    bad: '*nat\n-A PREROUTING -p tcp --dport 80 -j DNAT\nCOMMIT', good: '*nat\n-A PREROUTING -p tcp --dport 80 -j DNAT --to-destination 10.0.0.2:8080\nCOMMIT',
    fix: 'Add the option the message names.',
  },
  {
    code: 'IPT206', name: 'negation-not-supported', category: 'extensions', severity: 'error',
    summary: '`!` before an option that cannot be negated.',
    description: 'Only some options accept `!`; before any other iptables fails with "cannot be inverted" or "unexpected ! flag".',
    bad: '*filter\n-A INPUT -m comment ! --comment x -j ACCEPT\nCOMMIT', good: '*filter\n-A INPUT -m comment --comment x -j ACCEPT\nCOMMIT',
    fix: 'Remove the `!`, or express the opposite with a separate rule (e.g. a RETURN before).',
  },
  {
    code: 'IPT207', name: 'option-needs-option', category: 'extensions', severity: 'error',
    summary: 'An option used without another option it depends on.',
    description: 'Some options only make sense with another (recent\'s --reap needs --seconds); iptables refuses them alone.',
    bad: '*filter\n-A INPUT -m recent --rcheck --reap -j DROP\nCOMMIT', good: '*filter\n-A INPUT -m recent --rcheck --seconds 60 --reap -j DROP\nCOMMIT',
    fix: 'Add the option it depends on.',
  },
  {
    code: 'IPT208', name: 'protocol-required', category: 'extensions', severity: 'error',
    summary: 'A match or target that needs a protocol the rule does not restrict to.',
    description: 'Protocol matches (tcp, udp, sctp, dccp, icmp…) and some others (multiport, tcpmss, REJECT --reject-with tcp-reset) only work on one protocol; the kernel refuses them unless the rule has `-p` with that protocol, not negated.',
    bad: '*filter\n-A INPUT -m tcp --dport 22 -j ACCEPT\nCOMMIT', good: '*filter\n-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT\nCOMMIT',
    fix: 'Add `-p PROTOCOL` before the match.',
  },
  {
    code: 'IPT209', name: 'risky-value', category: 'extensions', severity: 'warning',
    summary: 'A value iptables accepts but that probably does not do what was meant.',
    description: 'A hostname is resolved by DNS once, when the ruleset loads (and fails at boot without DNS; several addresses become several rules). Other values are accepted but deprecated or surprising; the message says which.',
    bad: '*filter\n-A INPUT -s example.com -j ACCEPT\nCOMMIT', good: '*filter\n-A INPUT -s 192.0.2.10 -j ACCEPT\nCOMMIT',
    fix: 'Use the literal address or network, or an ipset kept up to date.',
  },
  {
    code: 'IPT210', name: 'deprecated-extension', category: 'extensions', severity: 'warning',
    summary: 'An extension or option that is deprecated or removed from current kernels.',
    description: 'Some extensions survive in iptables but not in the kernel (ULOG since 3.17, CLUSTERIP since 6.9), or have a newer replacement (state → conntrack). Rulesets using them break on upgrade.',
    bad: '*filter\n-A INPUT -j ULOG\nCOMMIT', good: '*filter\n-A INPUT -j NFLOG\nCOMMIT',
    fix: 'Switch to the replacement the message names.',
  },
];

function valueContext(rule: Rule, family: Family): ValueContext {
  const protocol = rule.protocol?.value?.value.toLowerCase();
  return protocol ? { family, protocol } : { family };
}

/** Reports value problems at the exact characters when the value is unquoted. */
function reportValueProblems(reporter: Reporter, line: number, value: Arg, problems: ValueProblem[], what: string) {
  for (const p of problems) {
    const exact = !value.quoted && p.start !== undefined && p.end !== undefined && p.end > p.start;
    const start = exact ? value.start + (p.start as number) : value.start;
    const end = exact ? value.start + (p.end as number) : value.end;
    const code = p.severity === 'warning' ? 'IPT209' : 'IPT202';
    reporter.report(code, { line, start, end }, `${what}: ${p.message}`);
  }
}

function optionLabel(use: OptionUse): string {
  return `--${use.def?.name ?? use.token.value.replace(/^-+/, '')}`;
}

const requiredCache = new WeakMap<ExtensionDef, readonly OptionDef[]>();

/** The options an extension cannot do without, worked out once per extension: most have none. */
function requiredOptions(def: ExtensionDef): readonly OptionDef[] {
  let required = requiredCache.get(def);
  if (!required) requiredCache.set(def, (required = def.options.filter((o) => o.required)));
  return required;
}

/**
 * The first use of option `name` among `present` (among its first `before` only, if given): an extension use has a
 * handful of options, so a list beats a Map.
 */
function firstUse(present: readonly OptionUse[], name: string, before = present.length): OptionUse | undefined {
  for (let i = 0; i < before; i++) if ((present[i].def as OptionDef).name === name) return present[i];
  return undefined;
}

function checkOptions(ctx: CheckContext, rule: Rule, ext: ExtensionUse, vctx: ValueContext) {
  const { reporter } = ctx;
  const def = ext.def;
  if (!def) return;
  const line = rule.line;
  // Indexed loops here and in the other per-use loops: for…of over arrays cost several times more in this node.
  const options = ext.options;
  // The first use of each option, in order: the uses themselves until an option repeats (rare), a list from then on
  // (searching all earlier uses instead would be quadratic on a line that repeats an option thousands of times).
  let firsts: OptionUse[] | undefined;
  for (let u = 0; u < options.length; u++) {
    const use = options[u];
    const option = use.def as OptionDef;
    const previous = firsts ? firstUse(firsts, option.name) : firstUse(options, option.name, u);
    if (previous && !firsts) firsts = options.slice(0, u);
    else if (!previous && firsts) firsts.push(use);
    if (previous && !option.multi) {
      reporter.report('IPT203', { line, start: use.token.start, end: use.token.end }, `${optionLabel(use)} given twice for ${def.name} (first at column ${previous.token.start + 1}); iptables allows it once`, {
        fixes: [{ title: `Remove the repeated ${optionLabel(use)}`, edits: [{ line, start: (use.negation ?? use.token).start, end: (use.values.at(-1) ?? use.token).end, newText: '' }] }],
      });
    }
    if (use.negation && !option.invert) {
      reporter.report('IPT206', { line, start: use.negation.start, end: use.negation.end }, `${optionLabel(use)} of ${def.name} cannot be negated`, {
        fixes: [{ title: 'Remove the `!`', edits: [{ line, start: use.negation.start, end: use.token.start, newText: '' }] }],
      });
    }
    const specs = option.args;
    if (specs) {
      for (let k = 0; k < use.values.length && k < specs.length; k++) {
        const problems = checkValue(specs[k], use.values[k].value, vctx);
        if (problems.length) reportValueProblems(reporter, line, use.values[k], problems, optionLabel(use));
      }
    }
    if (option.deprecated) {
      reporter.report('IPT210', { line, start: use.token.start, end: use.token.end }, `${optionLabel(use)} is deprecated: ${option.deprecated}`, { tags: ['deprecated'] });
    }
  }
  const present = firsts ?? options;
  for (let u = 0; u < present.length; u++) {
    const use = present[u];
    const option = use.def as OptionDef;
    const name = option.name;
    // An exclusion declared on either option of a pair counts, whatever their order; reported once, at the later one.
    for (let o = 0; o < present.length; o++) {
      const other = present[o];
      const otherDef = other.def as OptionDef;
      if (!option.excludes && !otherDef.excludes) continue;
      const otherName = otherDef.name;
      if (otherName === name || other.token.start >= use.token.start) continue;
      const excluded = option.excludes?.includes(otherName) || otherDef.excludes?.includes(name);
      if (excluded) reporter.report('IPT204', { line, start: use.token.start, end: use.token.end }, `${optionLabel(use)} cannot be combined with --${otherName} in ${def.name}`);
    }
    if (!option.requires) continue;
    for (const needed of option.requires) {
      if (!firstUse(present, needed)) {
        reporter.report('IPT207', { line, start: use.token.start, end: use.token.end }, `${optionLabel(use)} needs --${needed} as well`);
      }
    }
  }
  for (const option of requiredOptions(def)) {
    if (!firstUse(present, option.name) && (!option.family || option.family === vctx.family)) {
      reporter.report('IPT205', anchorSpan(ext, line), `${def.name} needs --${option.name}`);
    }
  }
  if (def.constraints) checkConstraints(reporter, ext, def, line, present);
  if (def.deprecated) {
    reporter.report('IPT210', anchorSpan(ext, line), `${def.type} ${def.name} is deprecated: ${def.deprecated}`, { tags: ['deprecated'] });
  }
}

/** The extension's rules about its options taken together (one of, at most one of, in order). */
function checkConstraints(reporter: Reporter, ext: ExtensionUse, def: ExtensionDef, line: number, present: readonly OptionUse[]) {
  for (const constraint of def.constraints ?? []) {
    if (constraint.kind === 'less') {
      checkLess(reporter, line, present, constraint);
      continue;
    }
    // Counted first: on a rule that meets the constraint (nearly all), nothing is allocated.
    let givenCount = 0;
    for (const o of constraint.options) if (firstUse(present, o)) givenCount++;
    if ((constraint.kind === 'oneOf' || constraint.kind === 'anyOf') && givenCount === 0) {
      reporter.report('IPT205', anchorSpan(ext, line), constraint.message ?? `${def.name} needs one of ${optionList(constraint.options)}`);
    } else if ((constraint.kind === 'oneOf' || constraint.kind === 'atMostOne') && givenCount > 1) {
      const given = constraint.options.filter((o) => firstUse(present, o));
      const second = firstUse(present, given[1]) as OptionUse;
      // The pair may already be reported as mutually exclusive options.
      if ((second.def?.excludes ?? []).includes(given[0]) || (firstUse(present, given[0])?.def?.excludes ?? []).includes(given[1])) continue;
      reporter.report('IPT204', { line, start: second.token.start, end: second.token.end }, constraint.message ?? `${def.name} takes only one of ${optionList(constraint.options)}`);
    }
  }
}

function optionList(names: readonly string[]): string {
  return names.map((o) => `--${o}`).join(', ');
}

/** Where findings about an extension use as a whole go: its name, else its first option. */
function anchorSpan(ext: ExtensionUse, line: number) {
  const anchor = ext.name ?? ext.options[0]?.token;
  return anchor ? { line, start: anchor.start, end: anchor.end } : { line, start: 0, end: 0 };
}

/** Two numeric options in order (statistic --packet < --every, cluster node ≤ node count). */
function checkLess(reporter: Reporter, line: number, present: readonly OptionUse[], constraint: Extract<Constraint, { kind: 'less' }>) {
  const [lowName, highName] = constraint.options;
  const low = firstUse(present, lowName);
  const high = firstUse(present, highName);
  const a = Number(low?.values[0]?.value);
  const b = Number(high?.values[0]?.value);
  if (!low || !high || !Number.isFinite(a) || !Number.isFinite(b)) return;
  if (constraint.orEqual ? a <= b : a < b) return;
  const later = low.token.start > high.token.start ? low : high;
  reporter.report('IPT204', { line, start: later.token.start, end: later.values[0]?.end ?? later.token.end }, constraint.message);
}

const protocolNumbersCache = new WeakMap<readonly string[], number[]>();

/** The protocol numbers an extension accepts, from its catalog names; worked out once per catalog list (every tcp match asks). */
function protocolNumbers(names: readonly string[]): number[] {
  let numbers = protocolNumbersCache.get(names);
  if (numbers) return numbers;
  numbers = [];
  for (const name of names) {
    const n = protocolNumber(name);
    if (n !== undefined) numbers.push(n);
  }
  protocolNumbersCache.set(names, numbers);
  return numbers;
}

/** The rule's protocol as a number, and whether `-p` is negated. */
function ruleProtocol(rule: Rule): { given?: number; negated: boolean } {
  const given = rule.protocol?.value ? protocolNumber(rule.protocol.value.value.toLowerCase()) : undefined;
  return { given, negated: !!rule.protocol?.negation };
}

/**
 * Reports a protocol requirement (of an extension, or of one of its options)
 * that the rule's `-p` does not meet. `anchor` is the token that needs it.
 */
function requireProtocol(ctx: CheckContext, rule: Rule, protocols: readonly string[], what: string, anchor: Arg, keyword: Arg | undefined) {
  const wanted = protocolNumbers(protocols);
  const { given, negated } = ruleProtocol(rule);
  if (given !== undefined && !negated && wanted.includes(given)) return;
  const choices = protocols.map((p) => `-p ${p}`).join(' or ');
  const why = !rule.protocol ? 'the rule has no -p' : negated ? '-p is negated' : `the rule is -p ${rule.protocol.value?.value}`;
  const line = rule.line;
  // `! -p tcp -m tcp` loads with iptables-nft, which checks the protocol itself; iptables-legacy refuses it.
  const onlyLegacyRefuses = negated && given !== undefined && wanted.includes(given);
  ctx.reporter.report('IPT208', { line, start: anchor.start, end: anchor.end }, `${what} needs ${choices} before it (${why}${onlyLegacyRefuses ? '; iptables-legacy refuses this, iptables-nft accepts it' : ''})`, {
    severity: onlyLegacyRefuses && ctx.backend !== 'legacy' ? 'warning' : undefined,
    fixes: !rule.protocol && keyword
      ? [{ title: `Add -p ${protocols[0]}`, edits: [{ line, start: keyword.start, end: keyword.start, newText: `-p ${protocols[0]} ` }] }]
      : undefined,
  });
}

function checkProtocol(ctx: CheckContext, rule: Rule, ext: ExtensionUse) {
  const def = ext.def;
  if (!def || !ext.name) return;
  const protocols = def.protocolsByFamily?.[ctx.file.family] ?? def.protocols;
  if (protocols?.length) requireProtocol(ctx, rule, protocols, def.name, ext.name, ext.keyword);
  const options = ext.options;
  for (let u = 0; u < options.length; u++) {
    const use = options[u];
    const needs = use.def?.protocols;
    if (needs?.length) requireProtocol(ctx, rule, needs, `--${use.def?.name}`, use.token, ext.keyword);
  }
}

const PART_SPECS: Record<'protocol' | 'source' | 'destination' | 'inInterface' | 'outInterface', ValueSpec> = {
  protocol: { kind: 'protocol' },
  source: { kind: 'addressList' },
  destination: { kind: 'addressList' },
  inInterface: { kind: 'interface' },
  outInterface: { kind: 'interface' },
};

function checkParts(ctx: CheckContext, rule: Rule, vctx: ValueContext) {
  // Field by field rather than by key: five property reads per rule, not five lookups by name.
  if (rule.protocol) checkPart(ctx, rule, rule.protocol, PART_SPECS.protocol, vctx);
  if (rule.source) checkPart(ctx, rule, rule.source, PART_SPECS.source, vctx);
  if (rule.destination) checkPart(ctx, rule, rule.destination, PART_SPECS.destination, vctx);
  if (rule.inInterface) checkPart(ctx, rule, rule.inInterface, PART_SPECS.inInterface, vctx);
  if (rule.outInterface) checkPart(ctx, rule, rule.outInterface, PART_SPECS.outInterface, vctx);
}

function checkPart(ctx: CheckContext, rule: Rule, part: Part, spec: ValueSpec, vctx: ValueContext) {
  if (!part.value) return;
  const problems = checkValue(spec, part.value.value, vctx);
  if (problems.length) reportValueProblems(ctx.reporter, rule.line, part.value, problems, part.option.value);
  if (spec === PART_SPECS.protocol && part.negation && protocolNumber(part.value.value.toLowerCase()) === 0) {
    ctx.reporter.report('IPT202', { line: rule.line, start: part.negation.start, end: part.value.end }, '`! -p all` would never match: iptables refuses it');
  }
}

function checkRule(ctx: CheckContext, rule: Rule) {
  const vctx = valueContext(rule, ctx.file.family);
  checkParts(ctx, rule, vctx);
  const matches = rule.matches;
  for (let m = 0; m < matches.length; m++) {
    checkOptions(ctx, rule, matches[m], vctx);
    checkProtocol(ctx, rule, matches[m]);
  }
  if (rule.target?.def) {
    checkOptions(ctx, rule, rule.target, vctx);
    checkProtocol(ctx, rule, rule.target);
  }
}

/** The option, value and protocol findings of one rule; they depend on the rule alone (and family, backend), so the editor's cache remembers them for unchanged lines. */
export function checkRuleOptions(ctx: CheckContext, rule: Rule): void {
  const cache = ctx.options.cache;
  if (!cache) return checkRule(ctx, rule);
  memoised(cache, 'rules', rule, memoKey(ctx.file.family, ctx.backend), rule.line, ctx.reporter, (reporter) => (checkRule({ ...ctx, reporter }, rule), true), () => {});
}

export const extensionChecks: ModelCheck = { info, visit: (ctx) => ({ rule: (rule) => checkRuleOptions(ctx, rule) }) };
