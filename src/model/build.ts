/**
 * Builds the model from parsed lines, walking them the way iptables-restore
 * does (a table opens with `*name`, closes with COMMIT; chain lines and rule
 * lines only inside), and reports what breaks that structure.
 */
import type { DocumentText } from '../../grammar/document.js';
import type { CountersNode, LineNode, Word } from '../../grammar/syntax.js';
import { findTarget, STANDARD_VERDICTS } from '../catalog/index.js';
import type { Family } from '../catalog/types.js';
import type { Reporter } from '../diagnostics.js';
import type { Backend } from '../lint-options.js';
import { memoised, memoKey, type LintCache } from './line-memo.js';
import { readRuleLine } from './rule-reader.js';
import type { Chain, Command, Counters, Rule, RulesFile, Table } from './types.js';

export const BUILTIN_CHAINS: Record<string, readonly string[]> = {
  filter: ['INPUT', 'FORWARD', 'OUTPUT'],
  nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'],
  mangle: ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'],
  raw: ['PREROUTING', 'OUTPUT'],
  security: ['INPUT', 'FORWARD', 'OUTPUT'],
};

/** XT_EXTENSION_MAXNAMELEN is 29 including the NUL. */
export const MAX_CHAIN_NAME = 28;

export interface BuildInput {
  /** Each line's text without its terminator, and the facts about the text as a whole. */
  text: DocumentText;
  family: Family;
  familySource: RulesFile['familySource'];
  generatedBy?: RulesFile['generatedBy'];
  backend?: Backend;
  reporter: Reporter;
  /** Memory of earlier runs on the same document (the editor's). */
  cache?: LintCache;
  /**
   * For a caller that keeps only findings: the tables keep no commands and the chains no rules, each let go of
   * once every visitor has seen it (a visitor keeps what it needs). Without it, the model keeps everything.
   */
  findingsOnly?: boolean;
}

/**
 * Whoever wants to see the model as it is built: the checks that need one line,
 * table or rule (and what came before it), so that a caller who keeps only
 * findings can let the rest of each rule go at once. The builder calls each
 * hook as a plain function, not as a method: write hooks as arrow functions.
 */
export interface ModelVisitor {
  /** Every line, as parsed, before the model reads it. */
  line?(node: LineNode, line: number, text: string): void;
  /** A table was opened by its `*name` line; its built-in chains are in it already. */
  table?(table: Table): void;
  /** A chain line, -N or -E added a chain to the table. */
  chain?(chain: Chain, table: Table): void;
  /** A rule line's command was read into the table; its rule is complete. */
  rule?(rule: Rule, table: Table): void;
  /**
   * A rule line's command was read into the table, after `chain` and `rule` for its line. `chain`: the chain the
   * command names, if the table has it at this line.
   */
  command?(command: Command, table: Table, chain: Chain | undefined): void;
  /** The last line was read. */
  end?(): void;
}

function toCounters(node: CountersNode, line: number): Counters {
  return { span: { line, start: node.start, end: node.end }, packets: node.packets, bytes: node.bytes, valid: node.valid };
}

/** Problems with a chain name, as iptables' assert_valid_chain_name sees them. */
export function chainNameProblem(name: string, family: Family): string | undefined {
  if (name.length > MAX_CHAIN_NAME) return `chain name \`${name}\` is ${name.length} characters long; iptables allows at most ${MAX_CHAIN_NAME}`;
  if (name.startsWith('-') || name.startsWith('!')) return `chain name \`${name}\` may not start with \`${name[0]}\``;
  if (STANDARD_VERDICTS.has(name) || findTarget(name, family)) return `chain name \`${name}\` clashes with the target of the same name`;
  return undefined;
}

/** Shows a model already built to visitors, table by table and rule by rule, as the builder would have. */
export function walkModel(file: RulesFile, visitors: readonly Pick<ModelVisitor, 'table' | 'rule'>[]): void {
  for (const table of file.tables) {
    for (const visitor of visitors) visitor.table?.(table);
    for (const command of table.commands) if (command.rule) for (const visitor of visitors) visitor.rule?.(command.rule, table);
  }
}

/**
 * Reads parsed lines into the model one at a time, in file order, so that a
 * caller need not keep every parsed line (or every part of every rule) alive.
 */
export class ModelBuilder {
  readonly file: RulesFile;
  private readonly seenTables = new Map<string, Table>();
  private current: Table | undefined;
  // The chain of the last rule and its table: saved files list a chain's rules together.
  private lastTable: Table | undefined;
  private lastChain: Chain | undefined;
  /** Each table's chains by Chain.index, as placeChain puts them in table.chains. */
  private readonly ordered = new Map<Table, Chain[]>();
  private lastKind: LineNode['kind'] | undefined;
  /**
   * The visitors' hooks, told of each line, table, chain and command as soon as it is read, in file order. Kept
   * per hook: looking each hook up on each visitor (objects of as many shapes), for every line, cost about 5% of
   * the 110k-rule benchmark.
   */
  private readonly onLine: NonNullable<ModelVisitor['line']>[];
  private readonly onTable: NonNullable<ModelVisitor['table']>[];
  private readonly onChain: NonNullable<ModelVisitor['chain']>[];
  private readonly onRule: NonNullable<ModelVisitor['rule']>[];
  private readonly onCommand: NonNullable<ModelVisitor['command']>[];
  private readonly onEnd: NonNullable<ModelVisitor['end']>[];

  /** `visitors` are made for the model about to be read (they may keep it, and read what is read so far). */
  constructor(private readonly input: BuildInput, visitors: (file: RulesFile) => readonly ModelVisitor[] = () => []) {
    this.file = { family: input.family, familySource: input.familySource, generatedBy: input.generatedBy, tables: [] };
    const made = visitors(this.file);
    const hooks = <K extends keyof ModelVisitor>(key: K) =>
      made.flatMap((v) => (v[key] ? [v[key]] : [])) as NonNullable<ModelVisitor[K]>[];
    this.onLine = hooks('line');
    this.onTable = hooks('table');
    this.onChain = hooks('chain');
    this.onRule = hooks('rule');
    this.onCommand = hooks('command');
    this.onEnd = hooks('end');
  }

  /** Reads line number `line`; lines must come in order, each once. */
  line(node: LineNode, line: number): void {
    const { reporter } = this.input;
    const text = this.input.text.texts.at(line) as string;
    // Indexed loops over the hooks: for…of over arrays costs several times more in this node, at every line.
    const onLine = this.onLine;
    for (let i = 0; i < onLine.length; i++) onLine[i](node, line, text);
    this.lastKind = node.kind;
    const current = this.current;
    switch (node.kind) {
      case 'blank':
      case 'comment':
        break;
      case 'table': {
        if (!node.name) {
          reporter.report('IPT102', { line, start: 0, end: 1 }, '`*` without a table name');
          break;
        }
        if (current) {
          reporter.report('IPT104', { line, start: 0, end: node.name.end }, `\`*${node.name.value}\` inside table \`${current.name}\`: COMMIT the previous table first (iptables-restore reads this line as a rule and fails)`);
          this.closeMissing(current, line, `before \`*${node.name.value}\` on line ${line + 1}`);
        }
        this.openTable(node.name, line);
        break;
      }
      case 'commit': {
        if (!node.exact) {
          reporter.report('IPT124', { line, start: 0, end: text.length }, 'COMMIT must stand alone on its line: iptables-restore does not recognise it with anything after it, not even a space');
        }
        if (!current) {
          reporter.report('IPT101', { line, start: 0, end: 6 }, 'COMMIT outside a table: no `*table` line is open');
          break;
        }
        current.commitLine = line;
        this.current = undefined;
        break;
      }
      case 'chain': {
        if (!current) {
          reporter.report('IPT101', { line, start: 0, end: text.length }, 'chain line outside a table: put it after a `*table` line');
          break;
        }
        this.readChainLine(current, node, line);
        break;
      }
      case 'rule': {
        if (!current) {
          reporter.report('IPT101', { line, start: 0, end: text.length }, 'line outside a table: rules go between a `*table` line and COMMIT');
          break;
        }
        this.readRule(current, node, line);
        break;
      }
    }
  }

  /** After the last line: what the end of the file means, and the finished model. */
  finish(): RulesFile {
    const { reporter, backend } = this.input;
    const { texts, facts } = this.input.text;
    const lineCount = texts.length;
    const current = this.current;
    if (current) {
      const last = Math.max(0, lineCount - 1);
      this.closeMissing(current, lineCount, 'before the end of the file');
      reporter.report('IPT104', { line: last, start: 0, end: texts.at(last)?.length ?? 0 }, `end of file inside table \`${current.name}\`: add COMMIT (iptables-restore fails with "COMMIT expected")`);
    }
    if (facts.missingFinalNewline && lineCount && this.lastKind === 'commit') {
      const last = lineCount - 1;
      reporter.report('IPT125', { line: last, start: 0, end: 6 }, 'the final COMMIT has no newline after it: iptables-legacy-restore does not recognise it and fails', {
        severity: backend === 'legacy' ? 'error' : 'warning',
        fixes: [{ title: 'Add a final newline', edits: [{ line: last, start: 6, end: 6, newText: '\n' }] }],
      });
    }
    // Rule lists grew by push, with room to spare; the 30,000 chains of a kube-proxy ruleset keep exact copies.
    for (const table of this.file.tables) for (const chain of table.chains.values()) if (chain.rules.length) chain.rules = chain.rules.slice();
    for (const hook of this.onEnd) hook();
    return this.file;
  }

  private openTable(name: Word, line: number) {
    const { reporter } = this.input;
    const known = Object.hasOwn(BUILTIN_CHAINS, name.value);
    const table: Table = { name: name.value, known, header: { line, start: 0, end: name.end }, chains: new Map(), commands: [] };
    if (!known) {
      reporter.report('IPT102', { line, start: name.start, end: name.end }, `unknown table \`${name.value}\`: iptables has filter, nat, mangle, raw and security`);
    } else {
      for (const chain of BUILTIN_CHAINS[name.value]) this.placeChain(table, newChain(chain, true, undefined));
    }
    const previous = this.seenTables.get(name.value);
    if (previous) {
      reporter.report('IPT103', { line, start: name.start, end: name.end }, `table \`${name.value}\` again (first on line ${previous.header.line + 1}): iptables-restore flushes it here, so the rules of the first block are lost`, {
        related: [{ message: 'first declared here', line: previous.header.line }],
      });
    } else {
      this.seenTables.set(name.value, table);
    }
    this.file.tables.push(table);
    this.current = table;
    for (const hook of this.onTable) hook(table);
  }

  private closeMissing(table: Table, line: number, reason: string) {
    this.input.reporter.report('IPT104', table.header, `table \`${table.name}\` is never closed with COMMIT ${reason}`, {
      fixes: [{ title: 'Insert COMMIT', edits: [{ line, start: 0, end: 0, newText: 'COMMIT\n' }] }],
    });
  }

  private readChainLine(table: Table, node: Extract<LineNode, { kind: 'chain' }>, line: number) {
    const { reporter, backend, family, findingsOnly } = this.input;
    if (!node.name) {
      reporter.report('IPT123', { line, start: 0, end: 1 }, '`:` without a chain name');
      return;
    }
    const name = node.name.value;
    const nameSpan = { line, start: node.name.start, end: node.name.end };
    const existing = table.chains.get(name);
    const builtinHere = table.known && BUILTIN_CHAINS[table.name].includes(name);
    const misplacedBuiltin = !builtinHere && table.known && isBuiltinElsewhere(name);
    if (!builtinHere) {
      const problem = chainNameProblem(name, family);
      if (problem) reporter.report('IPT123', nameSpan, problem);
      if (misplacedBuiltin) {
        reporter.report('IPT107', nameSpan, `table \`${table.name}\` has no built-in chain ${name} (it has ${BUILTIN_CHAINS[table.name].join(', ')}); iptables-nft creates an unrelated user chain, iptables-legacy fails`, {
          severity: backend === 'legacy' ? 'error' : 'warning',
        });
      }
    }
    if (existing?.declaration && !existing.builtin) {
      reporter.report('IPT106', nameSpan, `chain \`${name}\` declared twice (first on line ${existing.declaration.line + 1}): iptables-legacy-restore fails with "File exists"`, {
        severity: backend === 'legacy' ? 'error' : 'warning',
        related: [{ message: 'first declared here', line: existing.declaration.line }],
      });
    }
    const chain: Chain = existing ?? newChain(name, false, undefined);
    if (!chain.declaration) chain.declaration = nameSpan;
    if (!existing) this.addChain(table, chain);
    if (!node.policy) {
      reporter.report('IPT108', { line, start: node.name.end, end: node.name.end }, `chain \`${name}\` has no policy: write ${builtinHere ? 'ACCEPT or DROP' : '`-` for a user chain'}`);
    } else {
      const policySpan = { line, start: node.policy.start, end: node.policy.end };
      // A literal, not a spread: spreading cost more than the rest of reading a chain line (38,000 in a kube-proxy file).
      if (!findingsOnly) chain.policy = { value: node.policy.value, start: node.policy.start, end: node.policy.end, line };
      const policy = node.policy.value;
      if (chain.builtin) {
        if (policy !== 'ACCEPT' && policy !== 'DROP' && policy !== '-') {
          reporter.report('IPT108', policySpan, `invalid policy \`${policy}\` for built-in chain ${name}: only ACCEPT or DROP`);
        }
      } else if (policy !== '-' && !misplacedBuiltin) {
        const valid = policy === 'ACCEPT' || policy === 'DROP';
        reporter.report('IPT109', policySpan, valid
          ? `user chain \`${name}\` cannot have a policy: write \`-\`; iptables-nft ignores \`${policy}\`, iptables-legacy fails`
          : `invalid policy \`${policy}\` for user chain \`${name}\`: write \`-\``, {
          severity: valid && backend !== 'legacy' ? 'warning' : 'error',
          fixes: [{ title: 'Replace the policy with -', edits: [{ line, start: node.policy.start, end: node.policy.end, newText: '-' }] }],
        });
      }
    }
    if (node.counters && (!findingsOnly || !node.counters.valid)) {
      const counters = toCounters(node.counters, line);
      if (!findingsOnly) chain.counters = counters;
      if (!node.counters.valid) {
        reporter.report('IPT110', counters.span, 'malformed counters: write [PACKETS:BYTES] with decimal numbers (iptables-restore --counters rejects this)', { severity: 'warning' });
      }
    }
  }

  private readRule(table: Table, node: RuleLineNode, line: number) {
    const { reporter, backend, family } = this.input;
    if (node.unclosedCounters) {
      reporter.report('IPT110', { line, start: 0, end: 1 }, 'counters without a closing `]`: iptables-restore fails with "need ]"');
      return;
    }
    const { findingsOnly } = this.input;
    const command = readCommand(node, line, this.input.text.texts.at(line) as string, family, backend, this.input.cache, reporter);
    if (!findingsOnly) table.commands.push(command);
    const chainName = command.chain?.value;
    if (command.name === 'new-chain' && chainName !== undefined && command.chain) {
      const nameSpan = { line, start: command.chain.start, end: command.chain.end };
      const problem = chainNameProblem(chainName, family);
      if (problem) reporter.report('IPT123', nameSpan, problem);
      const existing = table.chains.get(chainName);
      if (existing) {
        reporter.report('IPT106', nameSpan, `chain \`${chainName}\` already exists${existing.declaration ? ` (line ${existing.declaration.line + 1})` : ' (built in)'}: -N fails with "Chain already exists"`, {
          related: existing.declaration ? [{ message: 'declared here', line: existing.declaration.line }] : undefined,
        });
      } else {
        this.addChain(table, newChain(chainName, false, nameSpan));
      }
    }
    if (command.name === 'rename-chain' && command.extra && chainName !== undefined) {
      const renamed = table.chains.get(chainName);
      if (renamed && !table.chains.has(command.extra.value)) {
        // The new entry shares the rule list of the old one, as both names lead to the same rules (which is how the
        // chain checks tell the entries of one chain).
        this.addChain(table, { ...renamed, name: command.extra.value, declaration: { line, start: command.extra.start, end: command.extra.end } });
      }
    }
    if (command.name === 'policy' && command.extra && chainName !== undefined) {
      const target = table.chains.get(chainName);
      const policySpan = { line, start: command.extra.start, end: command.extra.end };
      if (target && !target.builtin) {
        reporter.report('IPT108', policySpan, `-P on user chain \`${chainName}\`: only built-in chains have a policy`);
      } else if (command.extra.value !== 'ACCEPT' && command.extra.value !== 'DROP') {
        reporter.report('IPT108', policySpan, `invalid policy \`${command.extra.value}\`: only ACCEPT or DROP`);
      }
    }
    const rule = command.rule;
    const chain = chainName === undefined ? undefined : this.chainNamed(table, chainName);
    if (rule) for (let i = 0; i < this.onRule.length; i++) this.onRule[i](rule, table);
    for (let i = 0; i < this.onCommand.length; i++) this.onCommand[i](command, table, chain);
    if (rule && chain && !findingsOnly) chain.rules.push(rule);
  }

  private addChain(table: Table, chain: Chain) {
    this.placeChain(table, chain);
    for (const hook of this.onChain) hook(chain, table);
  }

  /**
   * Puts `chain` at the end of table.chains, which Chain.index tells: the one place the builder adds a chain. Each
   * caller looks its name up first and places only a new one, so a table's `ordered[i]` is the chain of index i.
   */
  private placeChain(table: Table, chain: Chain): void {
    chain.index = table.chains.size;
    table.chains.set(chain.name, chain);
    let ordered = this.ordered.get(table);
    if (!ordered) this.ordered.set(table, (ordered = []));
    ordered.push(chain);
  }

  /**
   * `table.chains.get(name)`, looking first where a saved file's next rule most likely goes: to the chain of the
   * line before (a chain's rules come together), else to one of the next chains declared (iptables-save writes the
   * rules chain by chain in the order it declares the chains, skipping those without rules). Those are a few
   * comparisons of names at hand, where a lookup among the 38,000 chains of a kube-proxy ruleset misses the cache.
   * Safe to remember, since no entry of the map is ever replaced.
   */
  private chainNamed(table: Table, name: string): Chain | undefined {
    const last = this.lastChain;
    if (last && table === this.lastTable) {
      if (name === last.name) return last;
      const ordered = this.ordered.get(table) as Chain[];
      const end = Math.min(last.index + 1 + NEXT_CHAINS_TRIED, ordered.length);
      for (let i = last.index + 1; i < end; i++) {
        if (ordered[i].name === name) return (this.lastChain = ordered[i]);
      }
    }
    const chain = table.chains.get(name);
    if (chain) {
      this.lastTable = table;
      this.lastChain = chain;
    }
    return chain;
  }
}

/** How many of the chains declared after the last rule's chain chainNamed compares before it looks the name up. */
const NEXT_CHAINS_TRIED = 4;

export type RuleLineNode = Extract<LineNode, { kind: 'rule' }>;

/**
 * The command of one rule line and what is wrong with it on its own: reading
 * the arguments (remembered per line in the editor's cache) and the counters.
 */
export function readCommand(node: RuleLineNode, line: number, text: string, family: Family, backend: Backend | undefined, cache: LintCache | undefined, reporter: Reporter): Command {
  const command = cache
    ? memoised(cache, 'commands', node, memoKey(family, backend), line, reporter,
      (recorder) => readRuleLine(node.args, { line, family, backend, reporter: recorder }),
      relocateCommand)
    : readRuleLine(node.args, { line, family, backend, reporter });
  const counters = readRuleCounters(node, line, text, reporter);
  if (counters) command.counters = counters;
  return command;
}

/** The `[packets:bytes]` before a rule's command, and what is wrong with them. */
export function readRuleCounters(node: RuleLineNode, line: number, text: string, reporter: Reporter): Counters | undefined {
  if (!node.counters) return undefined;
  const counters = toCounters(node.counters, line);
  if (!node.counters.valid) {
    const hasColon = node.counters.packets !== undefined || text.slice(node.counters.start, node.counters.end).includes(':');
    reporter.report('IPT110', counters.span, hasColon
      ? 'malformed counters: write [PACKETS:BYTES] with decimal numbers (iptables-restore --counters rejects this)'
      : 'malformed counters: iptables-restore fails with "need :"', { severity: hasColon ? 'warning' : 'error' });
  }
  return counters;
}

function relocateCommand(command: Command, line: number) {
  command.line = line;
  if (command.rule) command.rule.line = line;
}

/** A chain not in a table yet (ModelBuilder.placeChain gives it its index). */
function newChain(name: string, builtin: boolean, declaration: Chain['declaration']): Chain {
  return { name, index: -1, builtin, declaration, policy: undefined, counters: undefined, rules: [] };
}

const ALL_BUILTIN_CHAINS = new Set(Object.values(BUILTIN_CHAINS).flat());

function isBuiltinElsewhere(name: string): boolean {
  return ALL_BUILTIN_CHAINS.has(name);
}
