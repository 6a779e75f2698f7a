/**
 * Rules and chains (IPT3xx): chain references, loops, interfaces per
 * built-in chain, and the tables and hooks where the kernel allows each
 * extension — a user chain inherits the hooks of every built-in chain that
 * reaches it, which is exactly what the kernel checks when the table loads.
 */
import { doubled } from '../../grammar/int32.js';
import { parseLine } from '../../grammar/parser.js';
import { STANDARD_VERDICTS } from '../catalog/index.js';
import type { ExtensionDef, Hook, OptionDef } from '../catalog/types.js';
import { BUILTIN_CHAINS, type ModelVisitor } from '../model/build.js';
import { NONE, readRuleLine } from '../model/rule-reader.js';
import type { LineNode } from '../../grammar/syntax.js';
import type { Arg, Chain, Command, ExtensionUse, OptionUse, Rule, Table } from '../model/types.js';
import type { Reporter } from '../diagnostics.js';
import type { CheckContext, CheckInfo, ModelCheck } from './types.js';

const info: CheckInfo[] = [
  {
    code: 'IPT301', name: 'interface-direction', category: 'rules', severity: 'error',
    summary: '-i in OUTPUT or POSTROUTING, or -o in INPUT or PREROUTING.',
    description: 'Locally generated packets have no input interface, and packets on their way in have no output interface yet; iptables refuses "-i" in OUTPUT/POSTROUTING and "-o" in INPUT/PREROUTING. In a user chain called from there, the test silently never matches.',
    bad: '*filter\n-A OUTPUT -i eth0 -j DROP\nCOMMIT', good: '*filter\n-A OUTPUT -o eth0 -j DROP\nCOMMIT',
    fix: 'Use -o in OUTPUT/POSTROUTING and -i in INPUT/PREROUTING, or move the rule to FORWARD.',
  },
  {
    code: 'IPT302', name: 'wrong-table', category: 'rules', severity: 'error',
    summary: 'A target or match used in a table the kernel does not allow it in.',
    description: 'The kernel registers many extensions for one table only: REJECT in filter, DNAT/SNAT/MASQUERADE/REDIRECT in nat, CT and NOTRACK in raw, TTL/TOS/DSCP/ECN/TPROXY/CHECKSUM in mangle. Elsewhere the table fails to load with "Invalid argument" or "No chain/target/match by that name".',
    bad: '*filter\n-A FORWARD -p tcp --dport 80 -j DNAT --to-destination 10.0.0.2\nCOMMIT', good: '*nat\n-A PREROUTING -p tcp --dport 80 -j DNAT --to-destination 10.0.0.2\nCOMMIT',
    fix: 'Move the rule to the table the message names.',
  },
  {
    code: 'IPT303', name: 'wrong-hook', category: 'rules', severity: 'error',
    summary: 'A target or match reachable from a built-in chain where the kernel does not allow it.',
    description: 'Extensions are registered for certain hooks (MASQUERADE and SNAT in POSTROUTING, DNAT in PREROUTING and OUTPUT, owner in OUTPUT and POSTROUTING…). Some options are tied to hooks as well (addrtype --limit-iface-in, policy --dir out only where packets leave). The kernel checks every built-in chain from which a rule can be reached, through any number of jumps, and refuses the table otherwise. One exception: iptables-nft checks an option\'s hooks only for rules in the built-in chains themselves, so an option reached through a user chain is refused by iptables-legacy alone, and is a warning unless the backend is legacy.',
    bad: '*nat\n-A PREROUTING -j MASQUERADE\nCOMMIT', good: '*nat\n-A POSTROUTING -o eth0 -j MASQUERADE\nCOMMIT',
    fix: 'Move the rule (or the jump to its chain) to a built-in chain the message lists.',
  },
  {
    code: 'IPT304', name: 'undefined-chain', category: 'rules', severity: 'error',
    summary: 'A rule adds to, jumps to or goes to a chain that does not exist at that point.',
    description: 'Chains must be declared (`:NAME - [0:0]` or -N) before rules use them. A rule in, or a jump to, an undeclared chain fails with "No chain/target/match by that name". A -j name that is neither a chain nor an extension fails with "Couldn\'t load target".',
    bad: '*filter\n-A INPUT -j LOGDROP\nCOMMIT', good: '*filter\n:LOGDROP - [0:0]\n-A INPUT -j LOGDROP\n-A LOGDROP -j DROP\nCOMMIT',
    fix: 'Declare the chain before its first use, or correct the name.',
  },
  {
    code: 'IPT305', name: 'chain-loop', category: 'rules', severity: 'error',
    summary: 'Chains that jump to each other in a cycle.',
    description: 'The kernel refuses a table in which a chain can reach itself through jumps or gotos ("Too many levels of symbolic links").',
    bad: '*filter\n:A - [0:0]\n:B - [0:0]\n-A A -j B\n-A B -j A\nCOMMIT', good: '*filter\n:A - [0:0]\n:B - [0:0]\n-A A -j B\n-A B -j RETURN\nCOMMIT',
    fix: 'Break the cycle: one of the jumps must go elsewhere, or become RETURN.',
  },
  {
    code: 'IPT306', name: 'jump-to-builtin-chain', category: 'rules', severity: 'error',
    summary: 'A jump or goto to a built-in chain.',
    description: 'Built-in chains are entered only from their hook; iptables refuses -j INPUT or -g PREROUTING.',
    bad: '*filter\n:CHECK - [0:0]\n-A CHECK -j INPUT\nCOMMIT', good: '*filter\n:CHECK - [0:0]\n-A CHECK -j RETURN\nCOMMIT',
    fix: 'Jump to a user chain, or use RETURN to go back to the caller.',
  },
  {
    code: 'IPT308', name: 'rule-not-found', category: 'rules', severity: 'error',
    summary: '-I, -R or -D with a position past the end of the chain, or -D/-C of a rule that is not there.',
    description: 'Inside a restore file, chains start empty (unless --noflush), so positions and rule specifications refer only to what the file itself added before. A position past the end, or a rule that was never added, fails with "Index of insertion too big" or "Bad rule (does a matching rule exist in that chain?)".',
    bad: '*filter\n-I INPUT 5 -j ACCEPT\nCOMMIT', good: '*filter\n-I INPUT 1 -j ACCEPT\nCOMMIT',
    fix: 'Use a position within the rules added so far, or -A.',
  },
  {
    code: 'IPT309', name: 'chain-command', category: 'rules', severity: 'error',
    summary: '-X, -E or -R used where iptables refuses it, or where the two backends disagree.',
    description: '-X fails on a chain that rules still jump to; -X of a built-in chain is refused by iptables-legacy, -E of one by both; -E and -R work in iptables-legacy-restore but not in iptables-nft-restore 1.8.9 (-R even crashes it).',
    bad: '*filter\n:MINE - [0:0]\n-A INPUT -j MINE\n-X MINE\nCOMMIT', good: '*filter\n:MINE - [0:0]\n-A INPUT -j MINE\nCOMMIT',
    fix: 'Write the final state of the table instead of commands that edit it: iptables-save output never needs -X, -E or -R.',
  },
  {
    code: 'IPT307', name: 'drop-in-nat', category: 'rules', severity: 'error',
    summary: 'DROP in the nat table.',
    description: 'iptables refuses `-j DROP` and a DROP policy set with -P in the nat table ("The nat table is not intended for filtering"): the nat table sees only the first packet of each connection.',
    bad: '*nat\n-A PREROUTING -s 192.0.2.0/24 -j DROP\nCOMMIT', good: '*raw\n-A PREROUTING -s 192.0.2.0/24 -j DROP\nCOMMIT',
    fix: 'Filter in the filter table (or raw/mangle for early drops).',
  },
];

const HOOK_OF_CHAIN: Record<string, Hook> = {
  PREROUTING: 'PREROUTING', INPUT: 'INPUT', FORWARD: 'FORWARD', OUTPUT: 'OUTPUT', POSTROUTING: 'POSTROUTING',
};

function span(line: number, arg: { start: number; end: number }) {
  return { line, start: arg.start, end: arg.end };
}

/** Chain name of a jump or goto that refers to a chain (not a verdict, not an extension). */
function chainTarget(rule: Rule): Arg | undefined {
  const target = rule.target;
  if (!target?.standard || !target.name) return undefined;
  return STANDARD_VERDICTS.has(target.name.value) ? undefined : target.name;
}

/**
 * The jump graph of one table on integer chain ids, numbered in the order the
 * chains enter the table (the order of table.chains): a kube-proxy ruleset has
 * tens of thousands of chains and over 100,000 jumps, and string-keyed maps in
 * the graph walks cost more than everything else in the check. Each edge keeps
 * where its jump is written, not its rule, so that no rule outlives its line.
 */
class ChainGraph {
  /** By chain id: the ids are the chains' places in table.chains (Chain.index). */
  readonly names: string[] = [];
  /**
   * Jump edges as parallel columns, the first `edges` entries of each in use: from (-1: a chain not known yet, see
   * TableChecks.lateSources), to, and the jump's line and columns. Int32Arrays doubled when full: number[] columns
   * grown by push were copied half as large again each time, every copy a fresh large object (70,000 jumps: some
   * 8 MB of memory touched for the first time, which costs more than the pushes).
   */
  from = new Int32Array(EDGES_AT_FIRST);
  to = new Int32Array(EDGES_AT_FIRST);
  jumpLine = new Int32Array(EDGES_AT_FIRST);
  jumpStart = new Int32Array(EDGES_AT_FIRST);
  jumpEnd = new Int32Array(EDGES_AT_FIRST);
  edges = 0;

  add(name: string) {
    this.names.push(name);
  }

  /** Adds an edge and returns its index. */
  addEdge(from: number, to: number, line: number, jump: Arg): number {
    const e = this.edges;
    if (e === this.from.length) {
      this.from = doubled(this.from);
      this.to = doubled(this.to);
      this.jumpLine = doubled(this.jumpLine);
      this.jumpStart = doubled(this.jumpStart);
      this.jumpEnd = doubled(this.jumpEnd);
    }
    this.from[e] = from;
    this.to[e] = to;
    this.jumpLine[e] = line;
    this.jumpStart[e] = jump.start;
    this.jumpEnd[e] = jump.end;
    this.edges = e + 1;
    return e;
  }

  /** Moves every edge to and from a chain id onto `to[id]` (the last name of a renamed chain, see lastNames). */
  rename(to: Int32Array) {
    for (let e = 0; e < this.edges; e++) {
      if (this.from[e] >= 0) this.from[e] = to[this.from[e]];
      this.to[e] = to[this.to[e]];
    }
  }

  /** Adjacency in compressed form: edges of chain c are targets[offsets[c]..offsets[c+1]), in file order; `edges` gives each one's index. */
  adjacency(): { offsets: Int32Array; targets: Int32Array; edges: Int32Array } {
    const n = this.names.length;
    const offsets = new Int32Array(n + 1);
    for (let e = 0; e < this.edges; e++) if (this.from[e] >= 0) offsets[this.from[e] + 1]++;
    for (let i = 0; i < n; i++) offsets[i + 1] += offsets[i];
    const fill = offsets.slice(0, n);
    const targets = new Int32Array(offsets[n]);
    const edges = new Int32Array(offsets[n]);
    for (let e = 0; e < this.edges; e++) {
      const from = this.from[e];
      if (from < 0) continue;
      const at = fill[from]++;
      targets[at] = this.to[e];
      edges[at] = e;
    }
    return { offsets, targets, edges };
  }
}

/** A chain used before it exists: whether it is declared later decides the message, so it is reported with the table. */
interface EarlyUse {
  line: number;
  arg: Arg;
  /** For a jump or goto to the chain (not the chain a command works on): whether it is a goto. */
  jump?: { goto: boolean };
}

/**
 * The chain checks of one table, fed each command as it is read (as
 * iptables-restore applies them, in order) and finished once the file is read:
 * whether a chain exists at a line is known there and then, while the hooks
 * that reach a chain, loops, and whether a missing chain is declared later
 * need the whole table.
 */
class TableChecks {
  private readonly graph = new ChainGraph();
  private readonly builtins: readonly string[];
  private readonly simulation: ChainSimulation | undefined;
  private readonly early: EarlyUse[] = [];
  /** Edges from a chain that did not exist yet when the rule was read (its rule is reported, see IPT304); by name until the end. */
  private readonly lateSources: { edge: number; name: string }[] = [];
  /** The restricted uses read so far, checked once the hooks that reach each chain are known. */
  private readonly placed: PlacedUse[] = [];
  /** -E: pairs of chain ids (old name's entry, new name's entry) of one chain, in file order (see lastNames). */
  private readonly renames: number[] = [];

  constructor(private readonly ctx: CheckContext, readonly table: Table) {
    this.builtins = table.known ? BUILTIN_CHAINS[table.name] : [];
    for (const name of table.chains.keys()) this.graph.add(name);
    this.simulation = table.known ? new ChainSimulation(ctx, table) : undefined;
  }

  chainAdded(chain: Chain) {
    this.simulation?.chainAdded(chain.name, chain.index);
    this.graph.add(chain.name);
  }

  /** `chain`: the chain the command names, as the builder found it (undefined: not in the table yet). */
  command(command: Command, chain: Chain | undefined) {
    const rule = command.rule;
    const jumpTo = rule ? chainTarget(rule) : undefined;
    const jumpId = jumpTo ? this.table.chains.get(jumpTo.value)?.index : undefined;
    this.check(command, chain?.index, jumpTo, jumpId);
    this.simulation?.apply(command, chain?.index, jumpTo?.value, jumpId);
    if (rule && chain && this.table.known) this.keepPlaced(rule, chain.index);
    if (command.name === 'rename-chain' && chain && command.extra) {
      // The builder enters a renamed chain as a second entry that shares the old entry's rule list; the entries of
      // one chain are the ones that share it.
      const renamed = this.table.chains.get(command.extra.value);
      if (renamed && renamed !== chain && renamed.rules === chain.rules) this.renames.push(chain.index, renamed.index);
    }
  }

  /** The uses of `rule` (in chain `chainId`) that a table or hook restricts, for finish: all it keeps of a rule. */
  private keepPlaced(rule: Rule, chainId: number) {
    const matches = rule.matches;
    for (let i = 0; i < matches.length; i++) this.keepPlacedUse(matches[i], rule.line, chainId);
    const target = rule.target;
    if (target?.def) this.keepPlacedUse(target, rule.line, chainId);
  }

  private keepPlacedUse(use: ExtensionUse, line: number, chainId: number) {
    const def = use.def;
    if (!def || !placementMatters(def)) return;
    const anchor = use.name ?? use.options[0]?.token;
    if (!anchor) return;
    const hooked = (option: OptionUse) => tiedToHooks(option.def);
    const options = use.options.some(hooked) ? use.options.filter(hooked) : NONE;
    this.placed.push({ chainId, line, def, start: anchor.start, end: anchor.end, options });
  }

  /** The findings of one command that its own line and the chains so far decide; `chainId` and `jumpId` are undefined for chains that do not exist (yet). */
  private check(command: Command, chainId: number | undefined, jumpTo: Arg | undefined, jumpId: number | undefined) {
    const { ctx, table } = this;
    const { reporter } = ctx;
    const line = command.line;
    const chainArg = command.chain;
    const needsExistingChain = command.name !== 'new-chain' && command.name !== undefined && chainArg !== undefined;
    if (needsExistingChain && table.known && chainId === undefined) this.early.push({ line, arg: chainArg });
    if (command.name === 'policy' && command.extra?.value === 'DROP' && table.name === 'nat') {
      reporter.report('IPT307', span(line, command.extra), 'DROP policy in the nat table: iptables refuses it');
    }
    const rule = command.rule;
    if (!rule || !chainArg) return;
    const chainName = chainArg.value;

    if (rule.inInterface && (chainName === 'OUTPUT' || chainName === 'POSTROUTING')) {
      reporter.report('IPT301', span(line, rule.inInterface.option), `-i in ${chainName}: outgoing packets have no input interface; iptables refuses it (use -o)`);
    }
    if (rule.outInterface && (chainName === 'INPUT' || chainName === 'PREROUTING')) {
      reporter.report('IPT301', span(line, rule.outInterface.option), `-o in ${chainName}: incoming packets have no output interface yet; iptables refuses it (use -i)`);
    }
    const target = rule.target;
    if (target?.name?.value === 'DROP' && table.name === 'nat') {
      reporter.report('IPT307', span(line, target.name), '-j DROP in the nat table: iptables refuses it ("not intended for filtering"); drop in the filter table');
    }
    if (!jumpTo || !table.known) return;
    if (this.builtins.includes(jumpTo.value)) {
      reporter.report('IPT306', span(line, jumpTo), `${target?.keyword?.value} ${jumpTo.value}: a built-in chain cannot be jumped to`);
      return;
    }
    if (jumpId === undefined) {
      this.early.push({ line, arg: jumpTo, jump: { goto: !!target?.goto } });
      return;
    }
    const edge = this.graph.addEdge(chainId ?? -1, jumpId, line, jumpTo);
    if (chainId === undefined) this.lateSources.push({ edge, name: chainName });
  }

  /** The findings that need the whole table: chains used before they exist, loops, and where each restricted extension is reached from. */
  finish() {
    const { ctx, table, graph } = this;
    for (const use of this.early) this.reportEarlyUse(use);
    if (!table.known) return;
    for (const { edge, name } of this.lateSources) graph.from[edge] = table.chains.get(name)?.index ?? -1;
    // One chain under all the names -E gave it: its jumps, the jumps to it and its rules count under its last name.
    const latest = this.renames.length ? lastNames(graph.names.length, this.renames) : undefined;
    if (latest) graph.rename(latest);
    const adjacency = graph.adjacency();
    const hooks = reachableHooks(graph, table, this.builtins, adjacency, latest);
    reportLoops(ctx, graph, adjacency);
    if (!this.placed.length) return;
    // Chain ids are positions in table.chains (ChainGraph), so no name is looked up again.
    const chains = Array.from(table.chains.values());
    for (const use of this.placed) {
      const id = latest ? latest[use.chainId] : use.chainId;
      checkPlacement(ctx, table, chains[id], hooks[id], use);
    }
  }

  private reportEarlyUse({ line, arg, jump }: EarlyUse) {
    const table = this.table;
    const later = table.chains.get(arg.value)?.declaration;
    const fixes = later ? undefined : [{ title: `Declare chain ${arg.value}`, edits: [{ line: table.header.line + 1, start: 0, end: 0, newText: `:${arg.value} - [0:0]\n` }] }];
    let message: string;
    if (!jump) {
      message = later
        ? `chain \`${arg.value}\` is used here but declared only on line ${later.line + 1}: declare it before its first use`
        : `chain \`${arg.value}\` does not exist in table ${table.name}: declare it with \`:${arg.value} - [0:0]\``;
    } else {
      message = later
        ? `chain \`${arg.value}\` is jumped to here but declared only on line ${later.line + 1}: declare it before its first use`
        : jump.goto
          ? `-g to chain \`${arg.value}\`, which does not exist in table ${table.name}`
          : `-j ${arg.value}: no chain of that name in table ${table.name} and no target extension (iptables fails with "Couldn't load target")`;
    }
    this.ctx.reporter.report('IPT304', span(line, arg), message, { fixes });
  }
}

/** Whether the table has -D or -C by specification, which compare rules whole: every value of a rule matters. */
export function comparesWholeRules(table: Table): boolean {
  return table.commands.some((c) => c.name === 'delete' || c.name === 'check');
}

const IGNORE: Reporter = { report() {} };

/**
 * Replays the commands of a table in order, as iptables-restore applies them to
 * the freshly flushed table: how many rules each chain holds, for positions,
 * and the jumps to each chain, for -X. By chain id (ChainGraph), falling back
 * to the name for a chain not declared yet (what a name gathered moves to its id
 * when the chain comes): a kube-proxy table has 100,000 commands, and
 * string-keyed maps of 30,000 chains cost more than the rest of the replay.
 *
 * -D and -C by specification need the rules themselves. Until the first of
 * them, only counts are kept, with the lines of the commands that changed
 * them; the first one reads those lines again to build each chain's list of
 * rules (by the lines that added them), kept from then on. An iptables-save
 * file has no -D or -C, and pays for counts only.
 */
class ChainSimulation {
  private counts = new Int32Array(64);
  private readonly countsByName = new Map<string, number>();
  /** While only counts are kept: the lines of the commands that changed them, the first `changeCount` (as ChainGraph's columns, for the same reason: one for every rule). */
  private changes = new Int32Array(EDGES_AT_FIRST);
  private changeCount = 0;
  /** Once a -D or -C by specification needed them: the lines of the rules each chain holds, in chain order. */
  private lists: Map<string, number[]> | undefined;
  /** Jumps so far to each chain, for -X. */
  private references = new Int32Array(64);
  private readonly referencesByName = new Map<string, number>();
  private readonly specs = new Map<number, string>();

  constructor(private readonly ctx: CheckContext, private readonly table: Table) {}

  /** Chain `id` has come into the table under `name`. */
  chainAdded(name: string, id: number) {
    if (id >= this.counts.length) {
      this.counts = doubled(this.counts);
      this.references = doubled(this.references);
    }
    const count = this.countsByName.get(name);
    if (count !== undefined) {
      this.counts[id] = count;
      this.countsByName.delete(name);
    }
    const references = this.referencesByName.get(name);
    if (references !== undefined) {
      this.references[id] = references;
      this.referencesByName.delete(name);
    }
  }

  /** The command on a line, read again from its text (rules need not outlive their line, see LintOptions.findingsOnly). */
  private reread(line: number): { node: LineNode; command: Command | undefined } {
    const node = parseLine(this.ctx.doc.texts.at(line) ?? '', false);
    const command = node.kind === 'rule' ? readRuleLine(node.args, { line, family: this.ctx.file.family, backend: this.ctx.backend, reporter: IGNORE }) : undefined;
    return { node, command };
  }

  /**
   * The rule specification on a line, as -D and -C compare it: its arguments without the command, chain and
   * position; read once per line.
   */
  private spec(line: number): string {
    let text = this.specs.get(line);
    if (text !== undefined) return text;
    text = '';
    const { node, command } = this.reread(line);
    if (node.kind === 'rule' && command?.rule) {
      const skipped = [command.commandToken, command.chain, command.ruleNumber].map((a) => a?.start);
      for (const a of node.args) if (!skipped.includes(a.start)) text += a.value + '\u0000';
    }
    this.specs.set(line, text);
    return text;
  }

  private count(chain: string, id: number | undefined): number {
    if (this.lists) return this.lists.get(chain)?.length ?? 0;
    return id !== undefined ? this.counts[id] : (this.countsByName.get(chain) ?? 0);
  }

  private setCount(chain: string, id: number | undefined, count: number, line: number) {
    if (id !== undefined) this.counts[id] = count;
    else this.countsByName.set(chain, count);
    this.changed(line);
  }

  private changed(line: number) {
    if (this.changeCount === this.changes.length) this.changes = doubled(this.changes);
    this.changes[this.changeCount++] = line;
  }

  /** The rules of `chain`, building every chain's list from the commands so far the first time. */
  private list(chain: string): number[] {
    if (!this.lists) {
      // From here on added(), removed() and flushed() change lists, not counts: replaying the changes builds them.
      this.lists = new Map();
      for (let i = 0; i < this.changeCount; i++) {
        const line = this.changes[i];
        const command = this.reread(line).command;
        if (command) this.change(command, undefined, command.chain ? this.count(command.chain.value, undefined) : 0);
      }
      this.changeCount = 0;
    }
    let list = this.lists.get(chain);
    if (!list) this.lists.set(chain, (list = []));
    return list;
  }

  /** Adds the rule on `line` at splice() position `at` (as iptables counts, 0-based; negative from the end). */
  private added(chain: string, id: number | undefined, at: number, line: number) {
    if (this.lists) this.list(chain).splice(at, 0, line);
    else this.setCount(chain, id, this.count(chain, id) + 1, line);
  }

  /** Removes the rule at splice() position `at`, if the chain has any (the command is on `line`). */
  private removed(chain: string, id: number | undefined, at: number, line: number) {
    if (this.lists) this.list(chain).splice(at, 1);
    else this.setCount(chain, id, Math.max(0, this.count(chain, id) - 1), line);
  }

  private flushed(chain: string | undefined, id: number | undefined, line: number) {
    if (this.lists) {
      if (chain === undefined) this.lists.clear();
      else this.lists.delete(chain);
    } else if (chain === undefined) {
      this.counts.fill(0);
      this.countsByName.clear();
      this.changed(line);
    } else {
      this.setCount(chain, id, 0, line);
    }
  }

  /**
   * What `command` does to the rules of its chain, which holds `count` now (-D and -C by specification aside):
   * one place for apply() and for the replay that builds the lists, which must agree.
   */
  private change(command: Command, chainId: number | undefined, count: number) {
    const chain = command.chain?.value;
    const line = command.line;
    if (chain === undefined) {
      if (command.name === 'flush') this.flushed(undefined, undefined, line);
      return;
    }
    const number = command.ruleNumber ? Number(command.ruleNumber.value) : undefined;
    switch (command.name) {
      case 'append':
        this.added(chain, chainId, count, line);
        break;
      case 'insert':
        this.added(chain, chainId, (number ?? 1) - 1, line);
        break;
      case 'delete':
        if (number !== undefined && !(number > count)) this.removed(chain, chainId, number - 1, line);
        break;
      case 'flush':
        this.flushed(chain, chainId, line);
        break;
      default:
        break;
    }
  }

  private referencesTo(chain: string, id: number | undefined): number {
    return id !== undefined ? this.references[id] : (this.referencesByName.get(chain) ?? 0);
  }

  private referTo(chain: string, id: number | undefined) {
    if (id !== undefined) this.references[id]++;
    else this.referencesByName.set(chain, (this.referencesByName.get(chain) ?? 0) + 1);
  }

  /**
   * Applies `command`, whose chain has id `chainId` (undefined: not a chain of the table yet); `jumpTo` is the
   * chain its rule jumps to, if any, and `jumpId` its id.
   */
  apply(command: Command, chainId: number | undefined, jumpTo: string | undefined, jumpId: number | undefined) {
    const { reporter, backend } = this.ctx;
    const chain = command.chain?.value;
    const line = command.line;
    if (chain === undefined) {
      this.change(command, undefined, 0);
      return;
    }
    const count = this.count(chain, chainId);
    const number = command.ruleNumber ? Number(command.ruleNumber.value) : undefined;
    const numberSpan = command.ruleNumber ? span(line, command.ruleNumber) : span(line, command.chain as Arg);
    switch (command.name) {
      case 'append':
        this.change(command, chainId, count);
        break;
      case 'insert':
        if (number !== undefined && number > count + 1) {
          reporter.report('IPT308', numberSpan, `-I ${chain} ${number}: the chain has only ${count} rule${count === 1 ? '' : 's'} at this point, so the position can be at most ${count + 1}`);
        }
        this.change(command, chainId, count);
        break;
      case 'replace':
        reporter.report('IPT309', span(line, command.commandToken as Arg), '-R inside a restore file: iptables-nft-restore 1.8.9 fails (it crashes); write the final rule instead', {
          severity: backend === 'legacy' ? 'info' : 'warning',
        });
        if (number !== undefined && number > count) {
          reporter.report('IPT308', numberSpan, `-R ${chain} ${number}: the chain has only ${count} rule${count === 1 ? '' : 's'} at this point`);
        }
        break;
      case 'delete':
      case 'check': {
        if (number !== undefined && command.name === 'delete') {
          if (number > count) reporter.report('IPT308', numberSpan, `-D ${chain} ${number}: the chain has only ${count} rule${count === 1 ? '' : 's'} at this point`);
          this.change(command, chainId, count);
          break;
        }
        const wanted = this.spec(line);
        const list = this.list(chain);
        const index = list.findIndex((l) => this.spec(l) === wanted);
        if (index < 0) {
          reporter.report('IPT308', span(line, command.commandToken as Arg), `${command.commandToken?.value} ${chain}: no such rule has been added to ${chain} at this point (iptables: "Bad rule")`);
        } else if (command.name === 'delete') {
          list.splice(index, 1);
        }
        return;
      }
      case 'flush':
        this.change(command, chainId, count);
        break;
      case 'delete-chain': {
        const builtin = this.table.chains.get(chain)?.builtin;
        if (builtin) {
          reporter.report('IPT309', span(line, command.chain as Arg), `-X ${chain}: a built-in chain cannot be deleted (iptables-legacy fails; iptables-nft ignores it)`, {
            severity: backend === 'legacy' ? 'error' : 'warning',
          });
        } else if (this.referencesTo(chain, chainId) > 0) {
          reporter.report('IPT309', span(line, command.chain as Arg), `-X ${chain}: rules still jump to this chain; iptables refuses to delete it ("Too many links")`);
        }
        break;
      }
      case 'rename-chain':
        reporter.report('IPT309', span(line, command.commandToken as Arg), '-E inside a restore file: iptables-nft-restore 1.8.9 fails on it; declare the chain under its final name instead', {
          severity: backend === 'legacy' ? 'info' : 'warning',
        });
        if (this.table.chains.get(chain)?.builtin) {
          reporter.report('IPT309', span(line, command.chain as Arg), `-E ${chain}: a built-in chain cannot be renamed; iptables refuses it`);
        }
        break;
      default:
        break;
    }
    if (jumpTo && (command.name === 'append' || command.name === 'insert')) this.referTo(jumpTo, jumpId);
  }
}

/** The room for jumps (and rule changes) a table's columns start with: doubled as needed. */
const EDGES_AT_FIRST = 1024;


const HOOK_ORDER: readonly Hook[] = ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'];
const HOOK_BIT: Record<Hook, number> = { PREROUTING: 1, INPUT: 2, FORWARD: 4, OUTPUT: 8, POSTROUTING: 16 };

function hookNames(mask: number): Hook[] {
  return HOOK_ORDER.filter((h) => mask & HOOK_BIT[h]);
}

const allowedMasks = new WeakMap<readonly Hook[], number>();

function maskOf(hooks: readonly Hook[]): number {
  let mask = allowedMasks.get(hooks);
  if (mask === undefined) {
    mask = 0;
    for (const h of hooks) mask |= HOOK_BIT[h];
    allowedMasks.set(hooks, mask);
  }
  return mask;
}

/** For every chain (by id), the hooks (as a bit mask) of the built-in chains that reach it. */
function reachableHooks(graph: ChainGraph, table: Table, builtins: readonly string[], adj: ReturnType<ChainGraph['adjacency']>, latest?: Int32Array): Uint8Array {
  const masks = new Uint8Array(graph.names.length);
  const stack: number[] = [];
  for (const builtin of builtins) {
    const id = table.chains.get(builtin)?.index;
    if (id === undefined) continue;
    const start = latest ? latest[id] : id;
    const bit = HOOK_BIT[HOOK_OF_CHAIN[builtin]];
    masks[start] |= bit;
    stack.push(start);
    while (stack.length) {
      const chain = stack.pop() as number;
      for (let e = adj.offsets[chain]; e < adj.offsets[chain + 1]; e++) {
        const to = adj.targets[e];
        if (masks[to] & bit) continue;
        masks[to] |= bit;
        stack.push(to);
      }
    }
  }
  return masks;
}

/** Reports each cycle once, at the jump that closes it. Iterative: deep chains must not overflow the stack. */
function reportLoops(ctx: CheckContext, graph: ChainGraph, adj: ReturnType<ChainGraph['adjacency']>) {
  const n = graph.names.length;
  const WHITE = 0;
  const GREY = 1;
  const BLACK = 2;
  const color = new Uint8Array(n);
  const nextEdge = new Int32Array(n);
  const path: number[] = [];
  const reported = new Set<string>();
  for (let start = 0; start < n; start++) {
    if (color[start] !== WHITE || adj.offsets[start] === adj.offsets[start + 1]) continue;
    color[start] = GREY;
    nextEdge[start] = adj.offsets[start];
    path.push(start);
    while (path.length) {
      const chain = path[path.length - 1];
      const e = nextEdge[chain];
      if (e >= adj.offsets[chain + 1]) {
        color[chain] = BLACK;
        path.pop();
        continue;
      }
      nextEdge[chain] = e + 1;
      const to = adj.targets[e];
      if (color[to] === GREY) {
        const cycle = path.slice(path.indexOf(to)).concat(to).map((id) => graph.names[id]);
        const key = [...cycle].sort().join(' ');
        if (reported.has(key)) continue;
        reported.add(key);
        const edge = adj.edges[e];
        ctx.reporter.report('IPT305', { line: graph.jumpLine[edge], start: graph.jumpStart[edge], end: graph.jumpEnd[edge] }, `chain loop: ${cycle.join(' → ')}; the kernel refuses the table`);
      } else if (color[to] === WHITE) {
        color[to] = GREY;
        nextEdge[to] = adj.offsets[to];
        path.push(to);
      }
    }
  }
}

/**
 * -E: for each chain id, the id of the entry of the name its chain was given last (its own id if it never was
 * renamed). `renames` holds (old id, new id) pairs in file order; the new id is the entry the rename made, or an
 * existing entry of the same chain (`-E A B` then `-E B A` goes back to A's entry). Ids are grouped by chain under
 * the first id of each, which then points at the group's latest entry.
 */
function lastNames(n: number, renames: readonly number[]): Int32Array {
  const group = Int32Array.from({ length: n }, (_, i) => i);
  const latestOfGroup = Int32Array.from({ length: n }, (_, i) => i);
  for (let k = 0; k < renames.length; k += 2) {
    const chain = group[renames[k]];
    group[renames[k + 1]] = chain;
    latestOfGroup[chain] = renames[k + 1];
  }
  return group.map((chain) => latestOfGroup[chain]);
}

/** Whether the kernel allows the option in some hooks only (addrtype --limit-iface-in), or only with some values. */
function tiedToHooks(option: OptionDef | undefined): boolean {
  return !!option?.hooks || !!option?.hooksByValue;
}

const placementCache = new WeakMap<ExtensionDef, boolean>();

/** Whether the kernel restricts where the extension, or one of its options, may be used: worked out once per extension. */
function placementMatters(def: ExtensionDef): boolean {
  let matters = placementCache.get(def);
  if (matters === undefined) placementCache.set(def, (matters = !!def.tables || !!def.hooks || def.options.some(tiedToHooks)));
  return matters;
}

/**
 * A match or target whose extension a table or hook restricts, as the chain checks keep it until the end of its
 * table: where it is, and its options that hooks restrict (usually none). Not the rule, so that no rule outlives
 * its line: a kube-proxy ruleset has tens of thousands of DNAT rules.
 */
interface PlacedUse {
  chainId: number;
  line: number;
  def: ExtensionDef;
  /** The columns of its name, or of its first option for an implicit match. */
  start: number;
  end: number;
  options: readonly OptionUse[];
}

function checkPlacement(ctx: CheckContext, table: Table, chain: Chain, hooks: number, placed: PlacedUse) {
  const { def, line } = placed;
  const anchor = { line, start: placed.start, end: placed.end };
  const what = `${def.type === 'target' ? 'target' : 'match'} ${def.name}`;
  // Restrictions that only iptables-legacy enforces are errors only when the backend is known to be legacy.
  const severity = def.restrictionsLegacyOnly && ctx.backend !== 'legacy' ? 'warning' : undefined;
  const legacyNote = def.restrictionsLegacyOnly ? ' (iptables-legacy refuses it; iptables-nft accepts it)' : '';
  if (def.tables?.length && !(def.tables as readonly string[]).includes(table.name)) {
    ctx.reporter.report('IPT302', anchor, `${what} is only valid in the ${def.tables.join(' or ')} table, not in ${table.name}${legacyNote}`, { severity });
    return;
  }
  // Options allowed in fewer hooks than their extension (addrtype --limit-iface-in/out), or only with some values (policy --dir out).
  for (const use of placed.options) {
    // iptables stops at a `!` the option does not allow (IPT206), before the kernel sees the rule.
    if (use.negation && !use.def?.invert) continue;
    const value = use.def?.hooksByValue && use.values.length ? use.values[0].value : undefined;
    const byValue = value !== undefined && use.def?.hooksByValue && Object.hasOwn(use.def.hooksByValue, value) ? use.def.hooksByValue[value] : undefined;
    const optionHooks = byValue ?? use.def?.hooks;
    if (!optionHooks || !hooks) continue;
    const bad = hooks & ~maskOf(optionHooks);
    if (bad === 0) continue;
    const what = byValue ? `\`--${use.def?.name} ${value}\`` : `--${use.def?.name}`;
    const message = `${what} of ${def.name} is only valid in ${optionHooks.join(', ')}, not in ${hookNames(bad).join(', ')}`;
    if (chain.builtin) {
      ctx.reporter.report('IPT303', span(line, use.token), message);
    } else {
      // The extension checks its options against the hooks when the rule is added; iptables-nft adds a user chain's
      // rules with no hook at all, so only iptables-legacy (which checks the whole table at once) refuses this.
      ctx.reporter.report('IPT303', span(line, use.token), `${message} (chain ${chain.name} is reached from ${hookNames(hooks).join(', ')}; iptables-legacy refuses it, iptables-nft checks it only in built-in chains)`, {
        severity: ctx.backend === 'legacy' ? undefined : 'warning',
      });
    }
  }
  if (!def.hooks?.length || !hooks) return;
  const badMask = hooks & ~maskOf(def.hooks);
  if (badMask === 0) return;
  const via = chain.builtin ? '' : ` (chain ${chain.name} is reached from ${hookNames(hooks).join(', ')})`;
  ctx.reporter.report('IPT303', anchor, `${what} is only valid in ${def.hooks.join(', ')}, not in ${hookNames(badMask).join(', ')}${via}${legacyNote}`, { severity });
}


/** The chain checks of one lint run: each table's, fed as its chains and commands are read, finished after the last line. */
function visit(ctx: CheckContext): ModelVisitor {
  const tables: TableChecks[] = [];
  let current: TableChecks | undefined;
  return {
    table: (table) => tables.push((current = new TableChecks(ctx, table))),
    chain: (chain) => current?.chainAdded(chain),
    command: (command, _table, chain) => current?.command(command, chain),
    end: () => {
      for (const table of tables) table.finish();
    },
  };
}

export const chainChecks: ModelCheck = { info, visit };
