/**
 * Reads the argv of one rule line the way iptables' do_parse() does:
 * getopt_long over a table of options that grows as `-m` and `-j` load
 * extensions, exact names before unambiguous prefixes, `!` applying to the
 * next option, and the protocol match (`-p tcp`) loaded on demand when an
 * option nobody knows follows it. The result is a Command (with its Rule);
 * structural problems are reported here, value problems by the checks.
 */
import { findAnyFamily, findMatch, findTarget, STANDARD_VERDICTS } from '../catalog/index.js';
import type { ExtensionDef, Family, OptionDef } from '../catalog/types.js';
import type { Reporter } from '../diagnostics.js';
import { COMMAND_KEYS, GENERIC_BY_SHORT, GENERIC_OPTIONS, type GenericKey, type GenericOption } from './generic-options.js';
import type { Arg, Command, CommandName, ExtensionUse, MatchUse, OptionUse, Part, Rule, TargetUse } from './types.js';

/**
 * The one empty list for every option without values and every extension use
 * without options (the 100,000 chain jumps of a kube-proxy ruleset): frozen,
 * since the model is read-only once a line is read.
 */
export const NONE: never[] = Object.freeze([]) as unknown as never[];

/** One entry of the merged getopt table. */
interface LongEntry {
  name: string;
  generic?: GenericOption;
  ext?: ExtensionDef;
  option?: OptionDef;
}

export interface ReadContext {
  line: number;
  family: Family;
  /** The backend that will load the file, when known: a few getopt tables differ between the two. */
  backend?: 'legacy' | 'nft';
  reporter: Reporter;
}

const GENERIC_LONG_ENTRIES: LongEntry[] = GENERIC_OPTIONS.filter((o) => o.long).map((o) => ({ name: o.long as string, generic: o }));
const GENERIC_BY_LONG = new Map(GENERIC_LONG_ENTRIES.map((e) => [e.name, e]));

/** Each extension's long names, built once per extension and family: rule lines only look them up. */
const entriesCache = new WeakMap<ExtensionDef, { ipv4?: ExtensionEntries; ipv6?: ExtensionEntries }>();

interface ExtensionEntries {
  list: LongEntry[];
  byName: Map<string, LongEntry>;
}

function entriesOf(ext: ExtensionDef, family: Family): ExtensionEntries {
  let cached = entriesCache.get(ext);
  if (!cached) entriesCache.set(ext, (cached = {}));
  let entries = cached[family];
  if (!entries) {
    const list = longEntriesOf(ext, family);
    const byName = new Map<string, LongEntry>();
    for (const e of list) if (!byName.has(e.name)) byName.set(e.name, e);
    entries = cached[family] = { list, byName };
  }
  return entries;
}

const PROTOCOL_MATCH_ALIASES: Record<string, string> = {
  icmpv6: 'icmp6',
  'ipv6-icmp': 'icmp6',
  '6': 'tcp',
  '17': 'udp',
  '1': 'icmp',
  '58': 'icmp6',
  '132': 'sctp',
  '33': 'dccp',
  '50': 'esp',
  '51': 'ah',
};

/** The match `-p NAME` would load implicitly, following iptables' find_proto. */
export function protocolMatchName(protocol: string): string {
  const lower = protocol.toLowerCase();
  return PROTOCOL_MATCH_ALIASES[lower] ?? lower;
}

/** Match names iptables maps to another extension (xtables_find_match). */
function canonicalMatchName(name: string): string {
  return name === 'icmpv6' || name === 'ipv6-icmp' ? 'icmp6' : name;
}

function longEntriesOf(ext: ExtensionDef, family: Family): LongEntry[] {
  const entries: LongEntry[] = [];
  for (const option of ext.options) {
    if (option.family && option.family !== family) continue;
    entries.push({ name: option.name, ext, option });
    if (option.aliases) for (const alias of option.aliases) entries.push({ name: alias, ext, option });
  }
  return entries;
}

function sameEntry(a: LongEntry, b: LongEntry): boolean {
  if (a.generic || b.generic) return !!a.generic && !!b.generic && a.generic.key === b.generic.key;
  return a.ext === b.ext && a.option === b.option;
}

/** Arg covering part of another (the value after `=`, or after a short option letter). */
function subArg(arg: Arg, offset: number): Arg {
  return {
    value: arg.value.slice(offset),
    start: arg.quoted ? arg.start : arg.start + offset,
    end: arg.end,
    ...(arg.quoted ? { quoted: true } : {}),
    ...(arg.unterminated ? { unterminated: true } : {}),
  };
}

function span(ctx: ReadContext, arg: { start: number; end: number }) {
  return { line: ctx.line, start: arg.start, end: arg.end };
}

const COMMAND_OF: Partial<Record<GenericKey, CommandName>> = {
  append: 'append', insert: 'insert', delete: 'delete', replace: 'replace', check: 'check',
  'new-chain': 'new-chain', 'delete-chain': 'delete-chain', flush: 'flush', zero: 'zero',
  policy: 'policy', 'rename-chain': 'rename-chain', list: 'list', 'list-rules': 'list-rules',
};

const PART_OF: Partial<Record<GenericKey, keyof Pick<Rule, 'protocol' | 'source' | 'destination' | 'inInterface' | 'outInterface' | 'fragment'>>> = {
  protocol: 'protocol', source: 'source', destination: 'destination',
  'in-interface': 'inInterface', 'out-interface': 'outInterface', fragment: 'fragment',
};

const SHORT_FOR_PART: Record<string, string> = {
  protocol: '-p', source: '-s', destination: '-d', inInterface: '-i', outInterface: '-o', fragment: '-f',
};

/** xs_has_arg: the next argument is taken as an optional value unless it looks like an option or `!`. */
function hasOptionalValue(next: Arg | undefined): next is Arg {
  if (!next) return false;
  const c = next.value.charCodeAt(0);
  return c !== 45 /* - */ && c !== 33 /* ! */;
}

// Every field present from the start, in one order: 100,000 rules share one hidden class
// instead of each growing its own (which V8 punishes with slow, large dictionary objects).
function newCommand(line: number): Command {
  return { line, name: undefined, commandToken: undefined, chain: undefined, ruleNumber: undefined, extra: undefined, counters: undefined, rule: undefined };
}

function newRule(line: number, args: Arg[]): Rule {
  return {
    line, chain: undefined, protocol: undefined, source: undefined, destination: undefined, inInterface: undefined,
    outInterface: undefined, fragment: undefined, matches: NONE, target: undefined, args,
  };
}

/** The reader between lines: one for all of them, as nothing of a reader outlives its line but what read() returns. */
let idleReader: RuleLineReader | undefined;

export function readRuleLine(args: Arg[], ctx: ReadContext): Command {
  // Taken while in use, in case a report ever leads back here: a nested call then gets a reader of its own.
  const reader = idleReader ?? new RuleLineReader();
  idleReader = undefined;
  const command = reader.read(args, ctx);
  // Nothing of the line stays with the reader (the language server's last reporter, say) until the next one.
  reader.release();
  idleReader = reader;
  return command;
}

/** What an idle reader holds, so that it holds nothing of the last line. */
const IDLE_CONTEXT: ReadContext = { line: 0, family: 'ipv4', reporter: { report() {} } };
const IDLE_COMMAND = newCommand(0);
const IDLE_RULE = newRule(0, NONE);

/**
 * The state of reading one line, as getopt and do_parse() keep it between
 * options. A class rather than closures, and one reader for every line: a
 * kube-proxy file has 100,000 lines, and a reader with its lists each was a
 * tenth of what reading them allocated.
 */
class RuleLineReader {
  private args: Arg[] = NONE;
  private ctx: ReadContext = IDLE_CONTEXT;
  private reporter: Reporter = IDLE_CONTEXT.reporter;
  private family: Family = 'ipv4';
  private command: Command = IDLE_COMMAND;
  private rule: Rule = IDLE_RULE;
  // The merged getopt table: generic options, then each extension's in the order loaded: the first mergedCount
  // entries of these lists, kept from line to line (emptying a list lets go of its storage).
  private readonly merged: ExtensionEntries[] = [];
  private readonly mergedDefs: ExtensionDef[] = [];
  private mergedCount = 0;
  /** An option's values while it is read (readExtensionOption): the first few entries, written by index. */
  private readonly values: Arg[] = [];
  private negation: Arg | undefined = undefined;
  private protocolUsed = false;
  private tableSeen = false;
  // After iptables would already have failed on an option it cannot resolve, the words
  // that follow are that option's values, not new mistakes: don't report them again.
  private lostTrack = false;
  // After an extension iptables cannot load, it stops reading the line: so do we.
  private stopped = false;
  // `-6` in an IPv4 file (or `-4` in IPv6): iptables-restore ignores the whole line.
  private skippedLine = false;
  private ambiguousOnlyForNft = false;

  /** Lets go of the last line. */
  release(): void {
    this.args = NONE;
    this.ctx = IDLE_CONTEXT;
    this.reporter = IDLE_CONTEXT.reporter;
    this.command = IDLE_COMMAND;
    this.rule = IDLE_RULE;
    this.negation = undefined;
    // The merged table holds only catalog entries, which live as long as the program; the values list a few of the
    // line's arguments, which it overwrites (emptying it each line would let go of its storage).
  }

  /** Reads one line's arguments into a new Command. */
  read(args: Arg[], ctx: ReadContext): Command {
    this.args = args;
    this.ctx = ctx;
    this.reporter = ctx.reporter;
    this.family = ctx.family;
    this.command = newCommand(ctx.line);
    this.rule = newRule(ctx.line, args);
    this.mergedCount = 0;
    this.negation = undefined;
    this.protocolUsed = false;
    this.tableSeen = false;
    this.lostTrack = false;
    this.stopped = false;
    this.skippedLine = false;
    this.ambiguousOnlyForNft = false;
    return this.readArgs();
  }

  private readArgs(): Command {
    let i = 0;
    while (i < this.args.length) {
      const arg = this.args[i];
      i++;
      if (arg.value === '!') {
        if (this.negation) this.reporter.report('IPT127', span(this.ctx, arg), 'two `!` in a row: iptables allows only one negation per option');
        this.negation = arg;
        continue;
      }
      if (arg.value.length < 2 || arg.value.charCodeAt(0) !== 45 /* - */) {
        if (!this.lostTrack || arg.value.startsWith('#')) this.reporter.report('IPT112', span(this.ctx, arg), strayMessage(arg));
        this.negation = undefined;
        continue;
      }

      // An option, long (exact, then prefix) or short (one letter, value attached or next); after it, `!` is spent.
      i = arg.value.charCodeAt(1) === 45 /* - */ ? this.readLong(arg, i) : this.readShort(arg, i);
      this.negation = undefined;
      if (this.stopped) break;
    }
    if (this.negation) this.reporter.report('IPT127', span(this.ctx, this.negation), '`!` at the end of the line negates nothing');

    if (!this.command.name) {
      const where = this.args[0] ?? { start: 0, end: 0 };
      this.reporter.report('IPT121', { line: this.ctx.line, start: where.start, end: this.args.length ? this.args[this.args.length - 1].end : 0 }, 'rule line without a command: start it with -A CHAIN (or -I, -D, -R, -N, -X, -F, -Z, -P, -E)');
    }
    compact(this.rule);
    if (this.skippedLine) return { ...this.command, name: undefined, commandToken: undefined, chain: undefined };
    if (this.command.name === 'append' || this.command.name === 'insert' || this.command.name === 'replace' || this.command.name === 'delete' || this.command.name === 'check') {
      this.command.rule = this.rule;
      this.rule.chain = this.command.chain;
    }
    return this.command;
  }

  /** A short option at `arg`, whose values (if any) start at `at`; returns where the next option starts. Short options are all generic ones. */
  private readShort(arg: Arg, at: number): number {
    const letter = arg.value[1];
    const generic = GENERIC_BY_SHORT.get(letter);
    if (!generic) {
      reportUnknownOption(this.ctx, arg, `-${letter}`, this.rule);
      this.lostTrack = true;
      return at;
    }
    let inlineValue: Arg | undefined;
    if (arg.value.length > 2) {
      if (generic.arity === 0) {
        // getopt would read the rest as more flags; iptables-restore lines never need that.
        this.reporter.report('IPT113', span(this.ctx, arg), `\`${arg.value}\`: \`-${letter}\` takes no value; separate the options`);
        return at;
      }
      inlineValue = subArg(arg, 2);
    }
    return this.readGeneric(generic, arg, inlineValue, at);
  }

  /** A long option at `arg` (`--name` or `--name=value`), whose values (if any) start at `at`; returns where the next option starts. */
  private readLong(arg: Arg, at: number): number {
    const eq = arg.value.indexOf('=');
    const name = eq >= 0 ? arg.value.slice(2, eq) : arg.value.slice(2);
    const inlineValue = eq >= 0 ? subArg(arg, eq + 1) : undefined;
    if (name.length === 0) {
      this.reporter.report('IPT113', span(this.ctx, arg), '`--` ends option parsing in getopt; iptables-restore then rejects the words after it');
      return at;
    }
    const entry = this.exactLong(name) ?? this.abbreviatedLong(arg, name);
    if (!entry) return at;
    if (entry.generic) return this.readGeneric(entry.generic, arg, inlineValue, at);
    if (entry.ext && entry.option) return this.readExtensionOption(entry.ext, entry.option, arg, inlineValue, at);
    return at;
  }

  /**
   * The option a long name that is no option's exact name stands for, as getopt_long reads it: the one option it
   * abbreviates, after loading the protocol match if nothing else knows it. Undefined, reported, when there is none
   * or more than one: iptables fails on the line there.
   */
  private abbreviatedLong(arg: Arg, name: string): LongEntry | undefined {
    let found = this.abbreviations(name);
    if (found.length === 0 && this.tryImplicitProtocol()) {
      const exact = this.exactLong(name);
      found = exact ? [exact] : this.abbreviations(name);
    }
    if (found.length > 1) {
      const names = found.map((c) => `--${c.name}`).join(', ');
      this.reporter.report('IPT115', span(this.ctx, arg), `\`--${name}\` is ambiguous: it could be ${names}; write the option out`);
      this.lostTrack = true;
      return undefined;
    }
    if (found.length === 0) {
      // Options of an extension iptables could not load were already reported with it.
      const unloadable = this.rule.matches.some((m) => !m.def) || (this.rule.target !== undefined && !this.rule.target.def && !this.rule.target.standard);
      if (!unloadable) reportUnknownOption(this.ctx, arg, `--${name}`, this.rule);
      this.lostTrack = true;
      return undefined;
    }
    const entry = found[0];
    if (this.ambiguousOnlyForNft) {
      this.ambiguousOnlyForNft = false;
      this.reporter.report('IPT115', span(this.ctx, arg), `\`--${name}\` is ambiguous for iptables-nft (it also abbreviates --fragments); ip6tables-legacy reads it as --${entry.name}: write the option out`, { severity: 'warning' });
    }
    return entry;
  }

  private mergeOptions(ext: ExtensionDef) {
    for (let i = 0; i < this.mergedCount; i++) if (this.mergedDefs[i] === ext) return;
    this.mergedDefs[this.mergedCount] = ext;
    this.merged[this.mergedCount++] = entriesOf(ext, this.family);
  }

  private addMatch(use: MatchUse) {
    this.rule.matches = appended(this.rule.matches, use);
    if (use.def) this.mergeOptions(use.def);
  }

  /** The extension instance that receives an option of `ext`: the target, else the latest match of that name. */
  private instanceFor(ext: ExtensionDef): ExtensionUse | undefined {
    if (this.rule.target?.def === ext) return this.rule.target;
    for (let i = this.rule.matches.length - 1; i >= 0; i--) if (this.rule.matches[i].def === ext) return this.rule.matches[i];
    return undefined;
  }

  /** The option whose exact long name is `name`: a generic one, else one of the extensions loaded so far, in load order. */
  private exactLong(name: string): LongEntry | undefined {
    const generic = GENERIC_BY_LONG.get(name);
    if (generic) return generic;
    for (let i = 0; i < this.mergedCount; i++) {
      const exact = this.merged[i].byName.get(name);
      if (exact) return exact;
    }
    return undefined;
  }

  /** getopt_long's abbreviations: every option `name` is a prefix of, ambiguous unless all are one option. */
  private abbreviations(name: string): readonly LongEntry[] {
    const candidates: LongEntry[] = [];
    const consider = (entry: LongEntry) => {
      if (entry.name.startsWith(name) && !candidates.some((c) => sameEntry(c, entry))) candidates.push(entry);
    };
    for (const entry of GENERIC_LONG_ENTRIES) consider(entry);
    for (let i = 0; i < this.mergedCount; i++) for (const entry of this.merged[i].list) consider(entry);
    // ip6tables-legacy has no --fragments option (iptables-nft shares IPv4's table), so a prefix
    // such as --fragm is ambiguous only with the nft backend.
    if (this.family === 'ipv6' && candidates.length > 1 && candidates.some((c) => c.generic?.key === 'fragment')) {
      const withoutFragments = candidates.filter((c) => c.generic?.key !== 'fragment');
      if (this.ctx.backend === 'legacy') return withoutFragments;
      if (this.ctx.backend === undefined && withoutFragments.length === 1) {
        this.ambiguousOnlyForNft = true;
        return withoutFragments;
      }
    }
    return candidates;
  }

  private tryImplicitProtocol(): boolean {
    const protocol = this.rule.protocol?.value?.value;
    if (!protocol || this.protocolUsed) return false;
    const def = findMatch(protocolMatchName(protocol), this.family);
    if (!def) return false;
    this.protocolUsed = true;
    // The fields of loadMatch's uses, in its order: every match use has one hidden class.
    this.addMatch({ name: undefined, keyword: undefined, extensionName: def.name, def, options: NONE, implicit: true });
    return true;
  }

  private applyNegationTo(what: string, token: Arg) {
    if (!this.negation) return;
    const advice = token.value === '-m' || token.value.startsWith('--ma')
      ? '; put it before the match option instead (`-m conntrack ! --ctstate NEW`)'
      : '; only -p, -s, -d, -i, -o, -f and options of matches that allow it can be negated';
    this.reporter.report('IPT127', span(this.ctx, this.negation), `\`!\` cannot negate ${what}${advice}`, {
      related: [{ message: `the option it precedes: ${token.value}`, line: this.ctx.line }],
    });
  }

  private takeValue(option: Arg, inline: Arg | undefined, at: number, label: string): { value?: Arg; next: number } {
    if (inline) return { value: inline, next: at };
    const value = this.args[at];
    if (!value) {
      this.reporter.report('IPT114', span(this.ctx, option), `${option.value} needs a value (${label})`);
      return { next: at };
    }
    return { value, next: at + 1 };
  }

  private readGeneric(generic: GenericOption, token: Arg, inline: Arg | undefined, at: number): number {
    const key = generic.key;
    if (this.negation && !generic.invert) this.applyNegationTo(`\`${token.value}\``, token);

    if (COMMAND_KEYS.has(key)) {
      const name = COMMAND_OF[key] as CommandName;
      if (this.command.name) {
        this.reporter.report('IPT122', span(this.ctx, token), `a second command \`${token.value}\`: one line holds one command (already ${this.command.commandToken?.value})`);
      }
      this.command.name ??= name;
      this.command.commandToken ??= token;
      let next = at;
      let chain: Arg | undefined;
      if (generic.arity === 1) {
        const taken = this.takeValue(token, inline, next, 'a chain name');
        chain = taken.value;
        next = taken.next;
      } else if (inline) {
        chain = inline;
      } else if (hasOptionalValue(this.args[next])) {
        chain = this.args[next++];
      }
      this.command.chain ??= chain;
      if (name === 'insert' || name === 'delete' || name === 'replace' || name === 'zero' || name === 'list' || name === 'list-rules') {
        if (hasOptionalValue(this.args[next]) && (name !== 'delete' || /^\d+$/.test(this.args[next].value))) {
          this.command.ruleNumber = this.args[next++];
          if (!/^\d+$/.test(this.command.ruleNumber.value) || Number(this.command.ruleNumber.value) < 1) {
            this.reporter.report('IPT123', span(this.ctx, this.command.ruleNumber), `\`${this.command.ruleNumber.value}\` is not a rule number (1 or more)`);
          }
        } else if (name === 'replace') {
          this.reporter.report('IPT114', span(this.ctx, token), `${token.value} needs a chain and a rule number: -R CHAIN NUMBER`);
        }
      }
      if (name === 'policy' || name === 'rename-chain') {
        if (hasOptionalValue(this.args[next])) this.command.extra = this.args[next++];
        else this.reporter.report('IPT114', span(this.ctx, token), name === 'policy' ? '-P needs a chain and a policy: -P CHAIN ACCEPT|DROP' : '-E needs the old and the new chain name');
      }
      return next;
    }

    if (inline && (PART_OF[key] || key === 'jump')) {
      // iptables reads these values from the argument itself (argv[optind - 1]), not from getopt's optarg.
      this.reporter.report('IPT113', span(this.ctx, token), `\`${token.value}\`: iptables takes the whole word as the value of ${key === 'jump' ? '-j' : SHORT_FOR_PART[PART_OF[key] as string]}; write \`${token.value.startsWith('--') ? token.value.slice(0, token.value.indexOf('=')) : token.value.slice(0, 2)} ${inline.value}\``);
    }
    const partKey = PART_OF[key];
    if (partKey) {
      if (this.rule[partKey]) {
        this.reporter.report('IPT126', span(this.ctx, token), `${SHORT_FOR_PART[partKey]} given twice: iptables allows it once per rule`);
      }
      let next = at;
      let value: Arg | undefined;
      if (generic.arity === 1) {
        const taken = this.takeValue(token, inline, next, key === 'protocol' ? 'a protocol' : key.endsWith('interface') ? 'an interface name' : 'an address');
        value = taken.value;
        next = taken.next;
      }
      const part: Part = { option: token, negation: this.negation, value };
      this.rule[partKey] ??= part;
      if (key === 'fragment' && this.family === 'ipv6') {
        this.reporter.report('IPT113', span(this.ctx, token), '`-f` is IPv4 only: ip6tables rejects it; use -m frag');
      }
      return next;
    }

    switch (key) {
      case 'match': {
        const taken = this.takeValue(token, inline, at, 'a match name');
        if (taken.value) this.loadMatch(token, taken.value);
        return taken.next;
      }
      case 'jump':
      case 'goto': {
        const taken = this.takeValue(token, inline, at, key === 'jump' ? 'a target or chain' : 'a chain');
        if (this.rule.target) {
          this.reporter.report('IPT126', span(this.ctx, token), `a second ${token.value}: a rule has one target (already ${this.rule.target.keyword?.value} ${this.rule.target.name?.value})`);
        }
        if (taken.value && !this.rule.target) this.loadTarget(token, taken.value, key === 'goto');
        return taken.next;
      }
      case 'table': {
        const taken = this.takeValue(token, inline, at, 'a table');
        this.reporter.report('IPT113', span(this.ctx, token), this.tableSeen ? '-t given twice' : 'iptables-restore sets the table from the `*table` line; -t is not allowed on a rule line');
        this.tableSeen = true;
        return taken.next;
      }
      case 'set-counters': {
        const taken = this.takeValue(token, inline, at, 'packets and bytes');
        let next = taken.next;
        const counts: Arg[] = [];
        if (taken.value) counts.push(taken.value);
        if (taken.value && !taken.value.value.includes(',')) {
          if (hasOptionalValue(this.args[next])) counts.push(this.args[next++]);
          else this.reporter.report('IPT114', span(this.ctx, token), '-c needs two values: -c PACKETS BYTES');
        }
        for (const count of counts) {
          if (!/^\d+(,\d+)?$/.test(count.value)) {
            this.reporter.report('IPT202', span(this.ctx, count), `${token.value}: \`${count.value}\` is not a number of packets or bytes`);
          }
        }
        return next;
      }
      case 'wait':
      case 'wait-interval':
        this.reporter.report('IPT113', span(this.ctx, token), `\`${token.value}\` cannot be used inside iptables-restore input`);
        return inline || !hasOptionalValue(this.args[at]) ? at : at + 1;
      case 'modprobe': {
        const taken = this.takeValue(token, inline, at, 'a program');
        return taken.next;
      }
      case 'ipv4':
      case 'ipv6':
        if ((key === 'ipv4') !== (this.family === 'ipv4')) {
          // iptables ignores the line silently when the family does not match; say so.
          this.reporter.report('IPT113', span(this.ctx, token), `\`${token.value}\` on an ${this.family === 'ipv4' ? 'IPv4' : 'IPv6'} ruleset: iptables skips this whole line`, { severity: 'warning' });
          this.skippedLine = true;
        }
        return at;
      case 'numeric':
      case 'exact':
      case 'line-numbers':
        this.reporter.report('IPT113', span(this.ctx, token), `\`${token.value}\` only goes with listing commands (-L); iptables refuses it here`);
        return at;
      case 'help':
      case 'version':
      case 'list':
        this.reporter.report('IPT113', span(this.ctx, token), `\`${token.value}\` makes iptables print and exit; it has no place in a rules file`);
        return at;
      default:
        // -n, -v, -x, --line-numbers, -b: accepted and meaningless in a rules file.
        return at;
    }
  }

  private loadMatch(keyword: Arg, nameArg: Arg) {
    const name = canonicalMatchName(nameArg.value);
    const def = findMatch(name, this.family);
    if (!def) {
      reportUnknownExtension(this.ctx, nameArg, 'match');
      this.stopped = true;
    }
    this.addMatch({ name: nameArg, keyword, extensionName: def?.name ?? nameArg.value, def, options: NONE, implicit: false });
  }

  private loadTarget(keyword: Arg, nameArg: Arg, isGoto: boolean) {
    const name = nameArg.value;
    const def = isGoto ? undefined : findTarget(name, this.family);
    const standard = !def;
    const other = !def && !isGoto && !STANDARD_VERDICTS.has(name) ? findAnyFamily(name, 'target') : undefined;
    // A target of the other family is an extension iptables cannot load, not a chain name.
    const target: TargetUse = { name: nameArg, keyword, extensionName: def?.name ?? name, def, options: NONE, goto: isGoto, standard: standard && !other };
    this.rule.target = target;
    if (def) this.mergeOptions(def);
    else if (other) {
      this.stopped = true;
      this.reporter.report('IPT201', span(this.ctx, nameArg), `target ${name} exists only for ${other.families.join(' and ')}, not in this ${this.family} ruleset`);
    }
  }

  private readExtensionOption(ext: ExtensionDef, option: OptionDef, token: Arg, inline: Arg | undefined, at: number): number {
    const instance = this.instanceFor(ext);
    const specs = option.args ?? NONE;
    // The values go to the start of one list kept from option to option, and the use gets an exact copy.
    const values = this.values;
    let count = 0;
    let next = at;
    if (specs.length === 0) {
      if (inline) this.reporter.report('IPT113', span(this.ctx, token), `--${option.name} takes no value`);
    } else if (option.optionalArg) {
      if (inline) values[count++] = inline;
      else if (hasOptionalValue(this.args[next])) values[count++] = this.args[next++];
    } else {
      for (let k = 0; k < specs.length; k++) {
        if (k === 0 && inline) {
          values[count++] = inline;
          continue;
        }
        const value = this.args[next];
        if (!value) {
          this.reporter.report('IPT114', span(this.ctx, token), `${token.value} needs ${specs.length > 1 ? `${specs.length} values` : 'a value'} (${specs.map((s) => s.label ?? s.kind).join(' ')})`);
          break;
        }
        values[count++] = value;
        next++;
      }
    }
    if (instance) instance.options = appended(instance.options, { token, def: option, negation: this.negation, values: count ? values.slice(0, count) : NONE });
    return next;
  }
}

/**
 * `list` with `item` at its end, for the lists of a rule while its line is read
 * (matches, and each use's options). Most hold one item: that list is made
 * exactly, and only a second item makes it grow by push (see compact()).
 */
function appended<T>(list: readonly T[], item: T): T[] {
  if (list.length === 0) return [item];
  (list as T[]).push(item);
  return list as T[];
}

/**
 * Lists that grew by push keep room for 16 more elements; with a million of
 * them in a kube-proxy ruleset that is most of the model's memory. Exact-size
 * copies cost little once and are what is kept. Lists of one item were made
 * exactly (appended()), and empty ones are all NONE.
 */
function compact(rule: Rule) {
  if (rule.matches.length > 1) rule.matches = rule.matches.slice();
  const matches = rule.matches;
  for (let i = 0; i < matches.length; i++) if (matches[i].options.length > 1) matches[i].options = matches[i].options.slice();
  if (rule.target && rule.target.options.length > 1) rule.target.options = rule.target.options.slice();
}

function strayMessage(arg: Arg): string {
  if (arg.value === '#' || arg.value.startsWith('#')) {
    return 'a `#` comment after a rule is not allowed: iptables-restore reads `#` as an argument and fails ("Bad argument"). Put the comment on its own line, or use -m comment --comment';
  }
  return `stray word \`${arg.value}\`: iptables-restore fails with "Bad argument"`;
}

function reportUnknownOption(ctx: ReadContext, arg: Arg, name: string, rule: Rule) {
  const loaded = rule.matches.map((m) => m.extensionName).concat(rule.target?.def ? [rule.target.extensionName] : []);
  const hint = loaded.length ? ` (loaded: ${loaded.join(', ')})` : rule.protocol ? '' : '; options of a protocol match need -p first, e.g. -p tcp --dport 22';
  ctx.reporter.report('IPT113', span(ctx, arg), `unknown option \`${name}\`${hint}`);
}

function reportUnknownExtension(ctx: ReadContext, nameArg: Arg, kind: 'match') {
  const other = findAnyFamily(canonicalMatchName(nameArg.value), kind);
  if (other) {
    ctx.reporter.report('IPT201', span(ctx, nameArg), `match \`${nameArg.value}\` exists only for ${other.families.join(' and ')}, not in this ${ctx.family} ruleset`);
  } else {
    ctx.reporter.report('IPT200', span(ctx, nameArg), `unknown match \`${nameArg.value}\`: iptables 1.8.9 has no such extension ("Couldn't load match")`);
  }
}
