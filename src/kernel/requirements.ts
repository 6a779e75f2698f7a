/**
 * What a ruleset needs from a kernel: for every table, match, target and
 * referenced ipset, the module the kernel will load for it (resolved the way
 * request_module resolves `ipt_NAME`), the modules that one pulls in, and the
 * token in the rules file that causes it.
 */
import type { Family } from '../catalog/types.js';
import type { Backend } from '../lint-options.js';
import { walkModel } from '../model/build.js';
import type { ExtensionUse, MatchUse, OptionUse, Rule, RulesFile, Span, Table, TargetUse } from '../model/types.js';
import { referenceKernels } from './data/index.js';
import type { ExtensionFact, KernelData } from './data/types.js';
import type { IpsetDef } from './ipset.js';
import { moduleName, resolveRequest, type AliasRecord, type KernelProfile } from './profile.js';
import { profileVersion, REMOVED_EXTENSIONS, renameForVersion } from './reference.js';

export type NeedRole = 'table' | 'backend' | 'extension' | 'dependency' | 'runtime' | 'set-type';

export interface ModuleNeed {
  module: string;
  /** CONFIG symbol that builds it, from the reference kernel. */
  config?: string;
  role: NeedRole;
  /** The module (or `iptables-nft`) that needs this one; for a set-type module, the set type. */
  neededBy?: string;
}

export interface Requirement {
  /** The token that causes the need. */
  span: Span;
  /** How messages name the cause: `-m recent`, `*nat`, `--match-set blocklist`. */
  what: string;
  /** The module itself; absent when no module of this kernel provides the extension. */
  primary?: ModuleNeed;
  /** Modules the primary loads or requests, checked after it. */
  deps: ModuleNeed[];
  /** The extension, for removed-extension messages. */
  extension?: { kind: 'match' | 'target'; name: string };
  /** Set when the extension was removed from the kernel. */
  removed?: { replacement: string; history: string; module?: string; config?: string };
  /** The target kernel's own modules.alias has no alias for the kernel's request. */
  noAlias?: { request: string; file: string };
  /** Where the module name came from. */
  resolvedBy?: AliasRecord;
}

export interface RequirementContext {
  family: Family;
  backend: Backend;
  ref: KernelData;
  profile?: KernelProfile;
  ipsets?: Map<string, IpsetDef>;
}

/** iptables-save's option name without dashes or `=value`. */
export function optionName(o: OptionUse): string {
  return o.def?.name ?? o.token.value.replace(/^--?/, '').split('=')[0];
}

function moduleConfig(ctx: RequirementContext, module: string): string | undefined {
  return ctx.ref.modules[module]?.config;
}

/** Hard dependencies: the target's own modules.dep when given, else the reference closure. */
function dependencies(ctx: RequirementContext, module: string): string[] {
  const own = ctx.profile?.installed?.get(module)?.depends;
  if (own) return own;
  return ctx.ref.modules[module]?.closure ?? [];
}

function addModuleChain(ctx: RequirementContext, req: Requirement, module: string, extraRuntime: string[] = []): void {
  const seen = new Set<string>([module, ...req.deps.map((d) => d.module)]);
  const version = ctx.profile ? profileVersion(ctx.profile) : undefined;
  for (const dep of dependencies(ctx, module)) {
    if (seen.has(dep)) continue;
    seen.add(dep);
    req.deps.push({ module: dep, config: moduleConfig(ctx, dep), role: 'dependency', neededBy: module });
  }
  for (const raw of [...extraRuntime, ...(ctx.ref.modules[module]?.runtime ?? [])]) {
    const renamed = renameForVersion(raw, ctx.family, version);
    if (seen.has(renamed.module)) continue;
    seen.add(renamed.module);
    req.deps.push({ module: renamed.module, config: renamed.config ?? moduleConfig(ctx, renamed.module), role: 'runtime', neededBy: module });
  }
}

function tableRequirements(ctx: RequirementContext, table: Table): Requirement[] {
  if (!table.known) return [];
  const what = `*${table.name}`;
  if (ctx.backend === 'nft') {
    const core: Requirement = { span: table.header, what, primary: { module: 'nf_tables', config: moduleConfig(ctx, 'nf_tables'), role: 'backend', neededBy: 'iptables-nft' }, deps: [] };
    addModuleChain(ctx, core, 'nf_tables');
    const out = [core];
    const chainModule = ctx.ref.tables[`${ctx.family}/${table.name}`]?.nftChainModule;
    if (chainModule) {
      const chain: Requirement = { span: table.header, what, primary: { module: chainModule, config: moduleConfig(ctx, chainModule), role: 'backend', neededBy: 'iptables-nft' }, deps: [] };
      addModuleChain(ctx, chain, chainModule);
      out.push(chain);
    }
    return out;
  }
  const fact = ctx.ref.tables[`${ctx.family}/${table.name}`];
  if (!fact) return [];
  const req: Requirement = { span: table.header, what, primary: { module: fact.module, config: fact.config, role: 'table' }, deps: [] };
  addModuleChain(ctx, req, fact.module);
  return [req];
}

/** Whether the use has one of `options` (by iptables-save name). */
function usesAny(use: ExtensionUse, options: readonly string[]): boolean {
  const uses = use.options;
  for (let i = 0; i < uses.length; i++) if (options.includes(optionName(uses[i]))) return true;
  return false;
}

function extensionSpan(rule: Rule, use: ExtensionUse): Span {
  const token = use.name ?? use.keyword ?? ((use as MatchUse).implicit ? rule.protocol?.value : undefined) ?? use.options[0]?.token;
  return token ? { line: rule.line, start: token.start, end: token.end } : { line: rule.line, start: 0, end: 0 };
}

function describe(kind: 'match' | 'target', use: ExtensionUse): string {
  if (kind === 'match') return (use as MatchUse).implicit ? `-p ${use.extensionName}` : `-m ${use.extensionName}`;
  return `${(use as TargetUse).goto ? '-g' : '-j'} ${use.extensionName}`;
}

/** The module the target kernel itself would pick, when its modules.alias was given. */
function resolveOnProfile(ctx: RequirementContext, fact: ExtensionFact): { module?: string; alias?: AliasRecord; missing?: string } {
  const profile = ctx.profile;
  if (!profile?.aliases || !fact.requests?.length) return {};
  for (const request of fact.requests) {
    const hit = resolveRequest(profile, request);
    if (hit && hit !== 'none') return { module: hit.module, alias: hit.alias };
  }
  return { missing: fact.requests[0] };
}

/** What a match, or a target that is not a verdict or chain jump (the caller passes those over), needs. */
function extensionRequirement(ctx: RequirementContext, rule: Rule, kind: 'match' | 'target', use: ExtensionUse): Requirement | undefined {
  const fact = ctx.ref.extensions[`${ctx.family}/${kind}/${use.extensionName}`];
  const removed = REMOVED_EXTENSIONS[use.extensionName];
  const span = extensionSpan(rule, use);
  const what = describe(kind, use);
  const extension = { kind, name: use.extensionName };
  if (!fact) {
    // Not in the reference kernel at all (unknown to it): other checks report unknown extensions.
    if (removed && kind === 'target') return { span, what, deps: [], extension, removed: { replacement: removed.replacement, history: removed.history(ctx.ref) } };
    return undefined;
  }
  if (!fact.module || fact.status === 'absent') {
    // The module and symbol it had in a reference kernel that still had it (CLUSTERIP: 6.1), as evidence.
    const before = referenceKernels.map((k) => k.extensions[`${ctx.family}/${kind}/${use.extensionName}`]).find((f) => f?.module && f.status !== 'absent');
    const was = { module: before?.module, config: before?.config };
    return {
      span,
      what,
      deps: [],
      extension,
      removed: removed ? { replacement: removed.replacement, history: removed.history(ctx.ref), ...was } : { replacement: '', history: `no module of this kernel provides \`${use.extensionName}\``, ...was },
    };
  }

  if (ctx.backend === 'nft' && fact.nft.native) {
    if (!usesAny(use, fact.nft.fallbackOptions ?? [])) {
      // Translated to native nf_tables expressions: only their modules are needed.
      const [first, ...rest] = fact.nft.modules ?? [];
      if (!first) return undefined;
      const req: Requirement = { span, what, extension, primary: { module: first, config: moduleConfig(ctx, first), role: 'extension', neededBy: 'iptables-nft' }, deps: [] };
      addModuleChain(ctx, req, first, rest);
      return req;
    }
  }

  const own = resolveOnProfile(ctx, fact);
  const module = moduleName(own.module ?? fact.module);
  const req: Requirement = {
    span,
    what,
    extension,
    primary: { module, config: moduleConfig(ctx, module) ?? (module === fact.module ? fact.config : undefined), role: 'extension' },
    deps: [],
    resolvedBy: own.alias,
    noAlias: own.missing && ctx.profile?.aliases?.[0] ? { request: own.missing, file: ctx.profile.aliases[0].file } : undefined,
  };
  addModuleChain(ctx, req, module, module === fact.module ? fact.runtime ?? [] : []);
  if (ctx.backend === 'nft') {
    // iptables-nft runs every extension it cannot translate through nft_compat.
    req.deps.unshift({ module: 'nft_compat', config: moduleConfig(ctx, 'nft_compat'), role: 'backend', neededBy: 'iptables-nft' });
  }
  return req;
}

const SET_OPTIONS = new Set(['match-set', 'add-set', 'del-set', 'map-set']);

/** Set names an extension refers to (`-m set --match-set NAME`, `-j SET --add-set NAME`). */
export function setReferences(use: ExtensionUse): { name: string; option: string; span: Omit<Span, 'line'> }[] {
  if (use.extensionName !== 'set' && use.extensionName !== 'SET') return [];
  const out: { name: string; option: string; span: Omit<Span, 'line'> }[] = [];
  for (const o of use.options) {
    const option = optionName(o);
    if (!SET_OPTIONS.has(option) && option !== 'set') continue;
    const v = o.values[0];
    if (v) out.push({ name: v.value, option, span: { start: v.start, end: v.end } });
  }
  return out;
}

function setTypeRequirements(ctx: RequirementContext, rule: Rule, use: ExtensionUse): Requirement[] {
  if (!ctx.ipsets) return [];
  const out: Requirement[] = [];
  for (const ref of setReferences(use)) {
    const def = ctx.ipsets.get(ref.name);
    if (!def) continue;
    const fact = ctx.ref.ipsetTypes[def.type];
    if (!fact) continue;
    const req: Requirement = {
      span: { line: rule.line, ...ref.span },
      what: `--${ref.option} ${ref.name}`,
      // For set types, neededBy names the type: ip_set loads `ip_set_<type>` when the set is created.
      primary: { module: fact.module, config: fact.config, role: 'set-type', neededBy: def.type },
      deps: [],
    };
    addModuleChain(ctx, req, fact.module);
    out.push(req);
  }
  return out;
}

/** Every module need of the file, in file order: table headers, then each rule's matches and target. */
export function requirementsOf(file: RulesFile, ctx: RequirementContext): Requirement[] {
  const out: Requirement[] = [];
  const keep = (req: Requirement) => out.push({ ...req });
  const walker = new RequirementWalker(ctx);
  walkModel(file, [{ table: (table) => walker.table(table, keep), rule: (rule) => walker.rule(rule, keep) }]);
  return out;
}

type Ways = Map<unknown, { fallback?: readonly string[]; ways: (Requirement | null | undefined)[] }>;

/**
 * The module needs of a file, table by table and rule by rule as the caller
 * reaches them (in file order), for a caller that judges each and keeps none:
 * a 100,000-rule file has some 300,000 extension uses. What an extension needs
 * is worked out once per way of using it, and that same object is passed for
 * every such use with `span` set to the use at hand (copy it to keep it); the
 * caller can tell by identity that it has judged it before. Uses of a
 * requirement for which `skip` says true are passed over without a word: a
 * caller that has nothing more to learn from it pays nothing per use.
 */
export class RequirementWalker {
  // Per extension (its definition, or kind and name when unknown): the fallback options and each way of use.
  // Extensions by definition; names without one (unknown extensions) by kind, so the key is a word the parser already made.
  private readonly known: Ways = new Map();
  private readonly unknownMatches: Ways = new Map();
  private readonly unknownTargets: Ways = new Map();

  constructor(private readonly ctx: RequirementContext, private readonly skip?: (req: Requirement) => boolean) {}

  /** What the table itself needs (its table module, or nf_tables and the chain type). */
  table(table: Table, each: (req: Requirement) => void): void {
    for (const req of tableRequirements(this.ctx, table)) each(req);
  }

  /** What the rule's matches and target need, in order, with the set types of the ipsets they name. */
  rule(rule: Rule, each: (req: Requirement) => void): void {
    const ipsets = this.ctx.ipsets;
    // Indexed: for…of over arrays costs several times more in this node, and this runs for every rule.
    const matches = rule.matches;
    for (let i = 0; i < matches.length; i++) {
      const m = matches[i];
      const r = this.forUse(rule, 'match', m);
      if (r) each(r);
      if (ipsets) for (const s of setTypeRequirements(this.ctx, rule, m)) each(s);
    }
    const target = rule.target;
    if (target) {
      const r = this.forUse(rule, 'target', target);
      if (r) each(r);
      if (ipsets) for (const s of setTypeRequirements(this.ctx, rule, target)) each(s);
    }
  }

  private forUse(rule: Rule, kind: 'match' | 'target', use: ExtensionUse): Requirement | undefined {
    // Verdicts and chain jumps need no module: a third of all uses, and each chain name would need an entry of its own.
    if (kind === 'target' && (use as TargetUse).standard) return undefined;
    const ctx = this.ctx;
    const id: unknown = use.def ?? use.extensionName;
    const table = use.def ? this.known : kind === 'match' ? this.unknownMatches : this.unknownTargets;
    let entry = table.get(id);
    if (!entry) {
      const fact = ctx.ref.extensions[`${ctx.family}/${kind}/${use.extensionName}`];
      entry = { fallback: ctx.backend === 'nft' ? fact?.nft.fallbackOptions : undefined, ways: [] };
      table.set(id, entry);
    }
    // What describe() and the nft translation depend on: -p or -m, -j or -g, and the fallback options.
    const how = kind === 'match' ? ((use as MatchUse).implicit ? 0 : 1) : (use as TargetUse).goto ? 2 : 3;
    const way = how * 2 + (entry.fallback && usesAny(use, entry.fallback) ? 1 : 0);
    const req = entry.ways[way];
    if (req === undefined) {
      const made = extensionRequirement(ctx, rule, kind, use);
      entry.ways[way] = made ?? null;
      return made;
    }
    if (req === null || this.skip?.(req)) return undefined;
    req.span = extensionSpan(rule, use);
    return req;
  }
}

/** The backend that will load the file: the option, else the save header, else nft (assumed). */
export function decideBackend(file: RulesFile, forced: Backend | undefined): { backend: Backend; source: 'option' | 'header' | 'assumed' } {
  if (forced) return { backend: forced, source: 'option' };
  const b = file.generatedBy?.backend;
  if (b === 'nf_tables') return { backend: 'nft', source: 'header' };
  if (b === 'legacy') return { backend: 'legacy', source: 'header' };
  return { backend: 'nft', source: 'assumed' };
}

/**
 * The modules to list for loading at boot, dependencies before dependents,
 * each once (what `iptlint modules` prints).
 */
export function loadOrder(reqs: Requirement[], ref: KernelData): { module: string; config?: string; lines: number[]; whats: string[] }[] {
  const entries = new Map<string, { module: string; config?: string; lines: Set<number>; whats: Set<string> }>();
  const order: string[] = [];
  const visit = (module: string, config: string | undefined, line: number, what: string, stack: Set<string>) => {
    if (stack.has(module)) return;
    const known = entries.get(module);
    if (known) {
      known.lines.add(line);
      known.whats.add(what);
      return;
    }
    stack.add(module);
    for (const dep of ref.modules[module]?.depends ?? []) visit(dep, ref.modules[dep]?.config, line, what, stack);
    stack.delete(module);
    entries.set(module, { module, config, lines: new Set([line]), whats: new Set([what]) });
    order.push(module);
  };
  for (const r of reqs) {
    if (!r.primary) continue;
    // Runtime requests first: modprobe would not load them as dependencies, so list them explicitly.
    for (const d of r.deps) if (d.role === 'runtime' || d.role === 'backend') visit(d.module, d.config, r.span.line, r.what, new Set());
    visit(r.primary.module, r.primary.config, r.span.line, r.what, new Set());
  }
  return order.map((m) => {
    const e = entries.get(m)!;
    return { module: m, config: e.config, lines: [...e.lines].sort((a, b) => a - b), whats: [...e.whats] };
  });
}
