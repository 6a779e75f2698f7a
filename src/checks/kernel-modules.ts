/**
 * Kernel-module analysis: what the ruleset needs (src/kernel/requirements.ts)
 * against what each target kernel has (src/kernel/profile.ts), reported at the
 * token that causes each need, with the module, CONFIG symbol, kernel and fix.
 */
import { extensionSince, optionSince, SINCE, type SinceEntry } from '../catalog/since.js';
import type { RelatedInformation, ReportExtras, Reporter, Severity, Span } from '../diagnostics.js';
import type { CheckContext, CheckInfo, ModelCheck } from './types.js';
import type { Backend, LintOptions } from '../lint-options.js';
import { walkModel, type ModelVisitor } from '../model/build.js';
import type { Rule, RulesFile } from '../model/types.js';
import { compareVersions, type KernelProfile } from '../kernel/profile.js';
import { referenceFor, REMOVED_EXTENSIONS } from '../kernel/reference.js';
import { decideBackend, optionName, RequirementWalker, setReferences, type ModuleNeed, type Requirement } from '../kernel/requirements.js';
import { moduleState, type ModuleState } from '../kernel/state.js';


export const MODULES_LOAD_FILE = '/etc/modules-load.d/iptables.conf';

export const kernelCheckInfo: readonly CheckInfo[] = [
  {
    code: 'IPT401',
    name: 'kernel-module-not-built',
    category: 'kernel',
    severity: 'error',
    summary: 'The target kernel was built without a module the ruleset needs.',
    description:
      'A table, match or target needs a kernel module whose CONFIG symbol is not set in the target kernel config (or is missing from it). iptables-restore fails on that rule ("No chain/target/match by that name" or "Extension X revision 0 not supported") and the whole file is rejected.',
    bad: '# CONFIG_NETFILTER_XT_MATCH_RECENT is not set\n-A INPUT -m recent --name ssh --rcheck -j DROP',
    good: 'CONFIG_NETFILTER_XT_MATCH_RECENT=m\n-A INPUT -m recent --name ssh --rcheck -j DROP',
    fix: 'Rebuild the kernel with the named symbol set to `m` (or `y`), or use a kernel that has it.',
  },
  {
    code: 'IPT402',
    name: 'kernel-extension-removed',
    category: 'kernel',
    severity: 'error',
    summary: 'The extension was removed from the target kernel version.',
    description:
      'No module of the target kernel provides this extension any more (ULOG since Linux 3.17, CLUSTERIP in current kernels). The userspace iptables may still know the name, but loading the rule fails.',
    bad: '-A INPUT -j ULOG --ulog-prefix "in: "',
    good: '-A INPUT -j NFLOG --nflog-prefix "in: "',
    fix: 'Use the replacement the message names (ULOG → NFLOG, CLUSTERIP → the cluster match).',
  },
  {
    code: 'IPT403',
    name: 'kernel-module-not-installed',
    category: 'kernel',
    severity: 'error',
    summary: 'The module is configured as loadable (=m) but is not installed.',
    description:
      'The kernel was built with the module as `=m`, but the given modules directory (modules.dep, modules.alias) does not contain it. Distributions split rarely used modules into a separate package (Ubuntu: linux-modules-extra, RHEL: kernel-modules-extra), so a minimal install lacks them.',
    bad: 'CONFIG_NETFILTER_XT_MATCH_RECENT=m, but xt_recent.ko is not in /lib/modules/$(uname -r)/modules.dep',
    good: 'xt_recent.ko listed in modules.dep after installing linux-modules-extra-$(uname -r)',
    fix: 'Install the package that ships the module, then run depmod.',
  },
  {
    code: 'IPT404',
    name: 'kernel-module-not-loaded',
    category: 'kernel',
    severity: 'info',
    summary: 'The module is available but not loaded; the kernel loads it on demand unless module loading is disabled.',
    description:
      'The lsmod listing does not show the module. On a normal host the kernel loads it when the rules are restored. In containers or with kernel.modules_disabled=1 (`--no-autoload`) it cannot, and this becomes an error: load it at boot from /etc/modules-load.d/.',
    bad: 'lsmod without xt_recent, host with modules_disabled=1',
    good: 'xt_recent listed in /etc/modules-load.d/iptables.conf',
    fix: '`modprobe MODULE` now, and add the module name as a line of /etc/modules-load.d/iptables.conf to load it at boot.',
  },
  {
    code: 'IPT405',
    name: 'ipset-undefined',
    category: 'kernel',
    severity: 'error',
    summary: 'A rule refers to an ipset that the given `ipset save` file does not define.',
    description:
      'iptables-restore looks the set up by name when it loads the rule; a set that does not exist yet makes the restore fail. The sets must be created (ipset restore) before the rules are loaded.',
    bad: '-A INPUT -m set --match-set blocklist src -j DROP   (no `create blocklist …` in the ipset file)',
    good: 'create blocklist hash:net family inet …\n-A INPUT -m set --match-set blocklist src -j DROP',
    fix: 'Create the set in the ipset file (`create NAME TYPE …`) or fix the set name.',
  },
  {
    code: 'IPT406',
    name: 'backend-assumed',
    category: 'kernel',
    severity: 'info',
    summary: 'Neither an option nor the save header says which iptables backend loads the file; nf_tables is assumed.',
    description:
      'iptables-nft needs nf_tables and nft_compat instead of the iptable_* table modules, and no xt_* module for extensions it translates natively. The module analysis assumes iptables-nft, the default on current distributions, unless `--backend` or a `# Generated by iptables-save … (legacy)` header says otherwise.',
    bad: '*filter   (no "# Generated by" header, no --backend)',
    good: '# Generated by iptables-save v1.8.9 (nf_tables) on …\n*filter',
    fix: 'Pass `--backend legacy` or `--backend nft`, or keep the header iptables-save writes.',
  },
  {
    code: 'IPT501',
    name: 'userspace-too-old',
    category: 'userspace',
    severity: 'error',
    summary: 'The extension or option is newer than the iptables that will load the file.',
    description:
      'iptlint records the iptables release that introduced extensions and options added after iptables 1.4.0 (bpf in 1.4.19, SYNPROXY in 1.4.21, cgroup --path in 1.6.1, …). When the `# Generated by iptables-save vX.Y.Z` header or `--iptables-version` names an older iptables, that iptables does not know the name and rejects the whole file. No version known: nothing is checked.',
    bad: '# Generated by iptables-save v1.4.14 on …\n-A INPUT -m bpf --bytecode "4,48 0 0 9,21 0 1 6,6 0 0 1,6 0 0 0" -j ACCEPT',
    good: '# Generated by iptables-save v1.8.9 (nf_tables) on …\n-A INPUT -m bpf --bytecode "4,48 0 0 9,21 0 1 6,6 0 0 1,6 0 0 0" -j ACCEPT',
    fix: 'Upgrade iptables on the target host to the release the message names, or rewrite the rule without the extension or option.',
  },
];

const FIX_INSTALL = 'Ubuntu: `linux-modules-extra-$(uname -r)`; RHEL: `kernel-modules-extra`';

function severityOf(code: string): Severity {
  return kernelCheckInfo.find((c) => c.code === code)!.severity;
}

/** "`-m recent` needs xt_recent (CONFIG_…=m; a dependency of …)": the cause, the module, and why it is needed. */
function needPhrase(req: Requirement, need: ModuleNeed, config?: string): string {
  const notes: string[] = [];
  if (config) notes.push(config);
  switch (need.role) {
    case 'dependency':
      notes.push(`a dependency of ${need.neededBy}`);
      break;
    case 'runtime':
      notes.push(`requested by ${need.neededBy} when the rule is loaded`);
      break;
    case 'backend':
      notes.push('for iptables-nft');
      break;
    case 'set-type':
      notes.push(`set type ${need.neededBy}, loaded by ip_set`);
      break;
    default:
      break;
  }
  return `\`${req.what}\` needs ${need.module}${notes.length ? ` (${notes.join('; ')})` : ''}`;
}

function relatedFor(state: ModuleState, need: ModuleNeed, profile: KernelProfile): RelatedInformation[] {
  const out: RelatedInformation[] = [];
  const config = profile.config;
  const symbolLine = (s: { symbol: string; value: string; line: number }) =>
    s.value === 'n' ? `# ${s.symbol} is not set` : `${s.symbol}=${s.value}`;
  switch (state.state) {
    case 'not-built':
      if (state.symbol) out.push({ message: symbolLine(state.symbol), file: state.file, line: state.symbol.line });
      else out.push({ message: need.config ? `${need.config} does not appear in this config` : `${need.module} is not in this list`, file: state.file });
      break;
    case 'not-installed':
      if (state.symbol && config) out.push({ message: symbolLine(state.symbol), file: config.file, line: state.symbol.line });
      if (state.built) out.push({ message: `${state.built.path ?? need.module} was built (modules.order)`, file: state.built.file, line: state.built.line });
      out.push({ message: `${need.module} is not listed here`, file: state.file });
      break;
    case 'not-loaded':
      if (state.symbol && config) out.push({ message: symbolLine(state.symbol), file: config.file, line: state.symbol.line });
      if (state.installed) out.push({ message: `${state.installed.path ?? need.module} is installed`, file: state.installed.file, line: state.installed.line });
      out.push({ message: `${need.module} is not loaded`, file: state.file });
      break;
    default:
      break;
  }
  return out;
}

/** The reporter applies `severities` overrides; the severity passed here is the check's own choice. */
function report(reporter: Reporter, _options: LintOptions, code: string, span: Span, message: string, extras: ReportExtras): void {
  reporter.report(code, span, message, { ...extras, severity: extras.severity ?? severityOf(code) });
}

function data(need: ModuleNeed | undefined, kernel: string): Record<string, string> {
  const d: Record<string, string> = { kernel };
  if (need) d.module = need.module;
  if (need?.config) d.config = need.config;
  return d;
}

/** moduleState, remembered: large rulesets ask about the same few modules thousands of times. */
function cachedState(states: Map<string, ModuleState>, profile: KernelProfile, need: ModuleNeed, noAlias?: { file: string }): ModuleState {
  const key = `${need.module}\u0000${need.config ?? ''}\u0000${noAlias?.file ?? ''}`;
  let state = states.get(key);
  if (!state) {
    state = moduleState(profile, { module: need.module, config: need.config, noAlias });
    states.set(key, state);
  }
  return state;
}

/** Report one need on one kernel; returns whether it found a hard problem (so callers stop at the root cause). */
function judge(
  reporter: Reporter,
  options: LintOptions,
  profile: KernelProfile,
  req: Requirement,
  need: ModuleNeed,
  once: Set<string>,
  primary: boolean,
  states: Map<string, ModuleState>,
): boolean {
  const kernel = profile.label;
  const noAlias = primary && req.noAlias ? { file: req.noAlias.file } : undefined;
  const state = cachedState(states, profile, need, noAlias);
  // Nothing to say about a module that is there, or a dependency that modprobe brings along.
  if (state.state !== 'not-built' && state.state !== 'not-installed' && state.state !== 'not-loaded') return false;
  if (state.state === 'not-loaded' && need.role === 'dependency') return false;
  const key = `${kernel}\u0000${need.module}\u0000${state.state}`;
  const related = relatedFor(state, need, profile);
  const extras = { data: data(need, kernel), related: related.length ? related : undefined };
  switch (state.state) {
    case 'not-built': {
      const removed = primary && state.absent && req.extension ? REMOVED_EXTENSIONS[req.extension.name] : undefined;
      if (removed && profile.config) {
        // A kernel between the reference versions that no longer has the symbol at all: it was removed, not left out.
        reportRemoved(reporter, options, profile, { ...req, removed: { replacement: removed.replacement, history: `${removed.history(referenceFor(profile))} (${need.config} is not in ${state.file})`, module: need.module, config: need.config } });
        return true;
      }
      if (!primary && once.has(key)) return true;
      once.add(key);
      const why = state.symbol
        ? state.symbol.value === 'n'
          ? `${state.symbol.symbol} is not set`
          : `${state.symbol.symbol}=${state.symbol.value}`
        : need.config
          ? `${need.config} is absent from ${state.file}`
          : `${need.module} is in neither modules.builtin nor modules.order`;
      const fix = need.config ? `rebuild with \`${need.config}=m\`` : 'rebuild the kernel with this module enabled';
      report(reporter, options, 'IPT401', req.span, `${needPhrase(req, need)}, but kernel ${kernel} was built without it (${why}): ${fix}`, extras);
      return true;
    }
    case 'not-installed': {
      if (!primary && once.has(key)) return true;
      once.add(key);
      const config = state.symbol ? `${state.symbol.symbol}=${state.symbol.value}` : need.config;
      const where = req.noAlias && primary && !profile.installed ? `no alias in ${state.file} answers \`${req.noAlias.request}\`` : `it is not in ${state.file}`;
      report(
        reporter,
        options,
        'IPT403',
        req.span,
        `${needPhrase(req, need, config)}, but kernel ${kernel} does not have it installed (${where}): install the package that ships \`${need.module}.ko\` (${FIX_INSTALL})`,
        extras,
      );
      return true;
    }
    case 'not-loaded': {
      // Hard dependencies come with modprobe of the module itself; only the module and the
      // modules requested at run time have to be loaded by name.
      if (need.role === 'dependency') return false;
      if (once.has(key)) return false;
      once.add(key);
      const load = `\`modprobe ${need.module}\`, and add the line \`${need.module}\` to ${MODULES_LOAD_FILE}`;
      if (options.noAutoload) {
        report(reporter, options, 'IPT404', req.span, `${needPhrase(req, need)}, which is not loaded on kernel ${kernel} and cannot be loaded on demand on this host (--no-autoload): load it before the rules with ${load}`, { ...extras, severity: 'error' });
        return true;
      }
      report(reporter, options, 'IPT404', req.span, `${needPhrase(req, need)}, which is not loaded on kernel ${kernel}; the kernel will load it on demand. To load it at boot: ${load}`, extras);
      return false;
    }
    default:
      return false;
  }
}

function reportRemoved(reporter: Reporter, options: LintOptions, profile: KernelProfile, req: Requirement): void {
  const removed = req.removed!;
  const name = req.extension?.name ?? req.what;
  const instead = removed.replacement ? `; use ${removed.replacement} instead` : '';
  const data: Record<string, string> = { kernel: profile.label, extension: name };
  if (removed.module) data.module = removed.module;
  if (removed.config) data.config = removed.config;
  const related: RelatedInformation[] = [];
  const symbol = removed.config ? profile.config?.symbols.get(removed.config) : undefined;
  if (profile.config && removed.config) {
    related.push(
      symbol
        ? { message: symbol.value === 'n' ? `# ${symbol.symbol} is not set` : `${symbol.symbol}=${symbol.value}`, file: profile.config.file, line: symbol.line }
        : { message: `${removed.config} does not appear in this config`, file: profile.config.file },
    );
  }
  report(reporter, options, 'IPT402', req.span, `\`${req.what}\` cannot load on kernel ${profile.label}: ${removed.history}, and no module of this kernel provides \`${name}\`${instead}`, {
    data,
    related: related.length ? related : undefined,
  });
}

/** Userspace: extensions and options newer than the iptables that will load the file (table in catalog/since.ts). */
/** The newest version the table names: an iptables at least this new has everything in it. */
const NEWEST_SINCE = SINCE.reduce((newest, e) => (compareVersions(e.since, newest) > 0 ? e.since : newest), '0');

/** IPT501 for one rule, when the iptables that will load the file is older than something in the table. */
function userspaceCheck(file: RulesFile, options: LintOptions, reporter: Reporter): ((rule: Rule) => void) | undefined {
  const version = options.iptablesVersion ?? file.generatedBy?.version;
  // A current iptables has everything the table knows: nothing to look up, rule by rule.
  if (!version || compareVersions(NEWEST_SINCE, version) <= 0) return undefined;
  const source = options.iptablesVersion ? '--iptables-version' : 'the save header';
  const tooNew = (entry: SinceEntry | undefined) => (entry && compareVersions(entry.since, version) > 0 ? entry : undefined);
  const fix = (what: string) => `upgrade iptables on that host to a release that has it, or rewrite the rule without ${what}`;
  return (rule) => {
    const uses = [...rule.matches.map((m) => ({ kind: 'match' as const, use: m })), ...(rule.target && !rule.target.standard ? [{ kind: 'target' as const, use: rule.target }] : [])];
    for (const { kind, use } of uses) {
      const name = use.def?.name ?? use.extensionName;
      const token = use.name ?? use.keyword;
      const ext = tooNew(extensionSince(kind, name, file.family));
      if (ext && token) {
        report(reporter, options, 'IPT501', { line: rule.line, start: token.start, end: token.end }, `\`${use.extensionName}\` needs iptables ${ext.since} or later, but ${source} says ${version}, which rejects the rule: ${fix('it')}`, {
          data: { extension: use.extensionName, since: ext.since, iptables: version },
        });
        // An older iptables stops at the unknown extension; its options add nothing.
        continue;
      }
      for (const o of use.options) {
        const opt = tooNew(optionSince(kind, name, optionName(o), file.family));
        if (!opt) continue;
        report(reporter, options, 'IPT501', { line: rule.line, start: o.token.start, end: o.token.end }, `\`--${optionName(o)}\` of \`${use.extensionName}\` needs iptables ${opt.since} or later, but ${source} says ${version}, which rejects the rule: ${fix('the option')}`, {
          data: { extension: use.extensionName, option: optionName(o), since: opt.since, iptables: version },
        });
      }
    }
  };
}

/** IPT405 for one rule: sets it uses that the ipset file does not define. Independent of any kernel. */
function ipsetCheck(options: LintOptions, reporter: Reporter): ((rule: Rule) => void) | undefined {
  const sets = options.ipsets;
  if (!sets) return undefined;
  const files = [...new Set([...sets.values()].map((s) => s.file).filter((f): f is string => !!f))];
  return (rule) => {
    for (const use of [...rule.matches, ...(rule.target ? [rule.target] : [])]) {
      for (const ref of setReferences(use)) {
        if (sets.has(ref.name)) continue;
        report(reporter, options, 'IPT405', { line: rule.line, ...ref.span }, `set \`${ref.name}\` is not defined in ${files.join(', ') || 'the ipset file'}: create it there (\`create ${ref.name} TYPE …\`) before the rules are restored`, {
          data: { set: ref.name },
          related: files.map((f) => ({ message: 'sets defined here', file: f })),
        });
      }
    }
  };
}

/** The module needs of each table and rule, judged on one kernel as they are read. */
function kernelCheck(file: RulesFile, options: LintOptions, reporter: Reporter, profile: KernelProfile, backend: Backend): ModelVisitor {
  const once = new Set<string>();
  const states = new Map<string, ModuleState>();
  // Requirements (the same object for every use of an extension in the same way, see RequirementWalker)
  // that can report nothing more: only a primary module the kernel lacks is reported at each use.
  const settled = new WeakSet<Requirement>();
  const walker = new RequirementWalker({ family: file.family, backend, ref: referenceFor(profile), profile, ipsets: options.ipsets }, (req) => settled.has(req));
  const judgeRequirement = (req: Requirement) => {
    if (req.removed) {
      reportRemoved(reporter, options, profile, req);
      return;
    }
    if (!req.primary) return;
    const stop = judge(reporter, options, profile, req, req.primary, once, true, states);
    if (stop) return;
    // The primary and every dependency up to the first hard problem have been judged: later uses of this
    // requirement would only find the same once-per-kernel findings again.
    if (!req.noAlias) {
      const primary = cachedState(states, profile, req.primary).state;
      if (primary !== 'not-built' && primary !== 'not-installed') settled.add(req);
    }
    for (const dep of req.deps) {
      if (judge(reporter, options, profile, req, dep, once, false, states)) break;
    }
  };
  return { table: (table) => walker.table(table, judgeRequirement), rule: (rule) => walker.rule(rule, judgeRequirement) };
}

/** The kernel and userspace checks of one lint run, rule by rule as the model is read: one visitor for each part. */
function visitKernelModules(file: RulesFile, options: LintOptions, reporter: Reporter): ModelVisitor[] {
  const visitors: ModelVisitor[] = [];
  const userspace = userspaceCheck(file, options, reporter);
  if (userspace) visitors.push({ rule: userspace });
  const ipsets = ipsetCheck(options, reporter);
  if (ipsets) visitors.push({ rule: ipsets });
  const kernels = options.kernels ?? [];
  if (kernels.length) {
    const backend = decideBackend(file, options.backend);
    for (const profile of kernels) visitors.push(kernelCheck(file, options, reporter, profile, backend.backend));
  }
  return visitors;
}

/** The kernel and userspace checks over a model already built (the model builder runs them as it reads, see kernelModulesCheck). */
export function checkKernelModules(file: RulesFile, options: LintOptions, reporter: Reporter): void {
  walkModel(file, visitKernelModules(file, options, reporter));
  reportAssumedBackend(file, options, reporter);
}

/** Said once, after the model is built: its place is the first table header. */
function reportAssumedBackend(file: RulesFile, options: LintOptions, reporter: Reporter): void {
  if (!options.kernels?.length || decideBackend(file, options.backend).source !== 'assumed') return;
  const first = file.tables[0]?.header ?? { line: 0, start: 0, end: 0 };
  report(reporter, options, 'IPT406', first, 'no --backend and no `# Generated by iptables-save … (nf_tables|legacy)` header: assuming iptables-nft (nf_tables) for the kernel-module checks', {});
}

/** The check as the registry lists it (src/checks/registry.ts: add it to MODEL_CHECKS). */
export const kernelModulesCheck: ModelCheck = {
  info: kernelCheckInfo,
  visit: (ctx) => visitKernelModules(ctx.file, withBackend(ctx), ctx.reporter),
  run: (ctx) => reportAssumedBackend(ctx.file, withBackend(ctx), ctx.reporter),
};

function withBackend(ctx: CheckContext): LintOptions {
  return { ...ctx.options, backend: ctx.options.backend ?? ctx.backend };
}
