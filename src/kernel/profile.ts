/**
 * What one target kernel has, read from whatever the user supplied (a .config,
 * lsmod output, modules.builtin/.order/.dep/.alias, a /lib/modules/<release> tree).
 * The readers in this folder fill it; the module analysis only queries it.
 * Every fact keeps the file (and 0-based line) it came from, so a finding can
 * show its evidence.
 */

export type InputKind =
  | 'config'
  | 'lsmod'
  | 'proc-modules'
  | 'modules.builtin'
  | 'modules.order'
  | 'modules.dep'
  | 'modules.alias'
  | 'modules-directory'
  | 'release';

export interface InputSource {
  kind: InputKind;
  /** Path as the user gave it (or as detected); absent for `--kernel-release`. */
  path?: string;
}

/** One line of a kernel config: `CONFIG_X=m`, `CONFIG_X=y`, `# CONFIG_X is not set`. */
export interface ConfigSymbol {
  symbol: string;
  /** `y`, `m`, `n` (for "is not set"), or the literal value of a string/int symbol. */
  value: string;
  /** 0-based. */
  line: number;
}

export interface KernelConfig {
  file: string;
  /** Version from the header comment (`# Linux/x86 6.1.192 Kernel Configuration`). */
  version?: string;
  symbols: Map<string, ConfigSymbol>;
}

/** A module named in a file, with where. */
export interface ModuleRecord {
  name: string;
  file: string;
  /** 0-based. */
  line: number;
  /** Path inside /lib/modules/<release> when the file gives one. */
  path?: string;
  /** Direct and indirect dependencies as modules.dep lists them. */
  depends?: string[];
}

export interface AliasRecord {
  /** Shell-style pattern from modules.alias (`ipt_recent`, `ip_set_hash:net`). */
  pattern: string;
  module: string;
  file: string;
  line: number;
}

export interface KernelProfile {
  /** How findings name this kernel: its release, else the file it came from. */
  label: string;
  /** Kernel release (`6.1.0-13-amd64`), from `--kernel-release`, a directory name or a `config-<release>` file name. */
  release?: string;
  /** Upstream version (`6.1.55`), from the config header or the release. */
  version?: string;
  config?: KernelConfig;
  /** modules.builtin: compiled into the image. */
  builtin?: Map<string, ModuleRecord>;
  /** modules.order: built as loadable modules (what the build produced, installed or not). */
  built?: Map<string, ModuleRecord>;
  /** modules.dep: installed and known to depmod. */
  installed?: Map<string, ModuleRecord>;
  /** lsmod or /proc/modules: loaded right now. */
  loaded?: Map<string, ModuleRecord>;
  aliases?: AliasRecord[];
  /** Every input that went into this profile, in the order given. */
  sources: InputSource[];
}

/** An input that is not what it claims to be. The CLI turns it into a one-line error naming the file. */
export class KernelInputError extends Error {
  constructor(
    message: string,
    readonly file: string,
  ) {
    super(message);
    this.name = 'KernelInputError';
  }
}

/** Module names are compared the way modprobe does: `-` and `_` are the same. */
export function moduleName(name: string): string {
  return name.replace(/-/g, '_');
}

/** `kernel/net/netfilter/xt_recent.ko.xz` → `xt_recent`. */
export function moduleFromPath(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return moduleName(base.replace(/\.ko(\.(xz|gz|zst))?$/, ''));
}

/** `6.1.0-13-amd64` → `6.1.0`; `6.12.117+deb12-amd64` → `6.12.117`. */
export function versionOfRelease(release: string): string | undefined {
  return /^(\d+\.\d+(?:\.\d+)?)/.exec(release)?.[1];
}

/** Compare dotted versions numerically; missing parts count as 0. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((x) => parseInt(x, 10) || 0);
  const pb = b.split('.').map((x) => parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

const GLOB = /[*?[]/;
const globCache = new Map<string, RegExp>();

/** Glob match as modules.alias uses it (`*`, `?`, `[…]`). */
function aliasMatches(pattern: string, name: string): boolean {
  let re = globCache.get(pattern);
  if (!re) {
    re = new RegExp(`^${pattern.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
    globCache.set(pattern, re);
  }
  return re.test(name);
}

/** Per profile: exact aliases by name, the wildcard ones in file order, and answers already given. */
interface AliasIndex {
  exact: Map<string, AliasRecord>;
  globs: AliasRecord[];
  answers: Map<string, { module: string; alias?: AliasRecord } | 'none'>;
}
const aliasIndexes = new WeakMap<AliasRecord[], AliasIndex>();

function aliasIndex(aliases: AliasRecord[]): AliasIndex {
  let index = aliasIndexes.get(aliases);
  if (!index) {
    index = { exact: new Map(), globs: [], answers: new Map() };
    for (const a of aliases) {
      if (GLOB.test(a.pattern)) index.globs.push(a);
      else if (!index.exact.has(a.pattern)) index.exact.set(a.pattern, a);
    }
    aliasIndexes.set(aliases, index);
  }
  return index;
}

/**
 * What `modprobe NAME` would pick from this kernel's own modules.alias, as the
 * kernel's request_module does: a real module of that name first, then the
 * aliases. Undefined when the profile has no alias file (the caller then uses
 * the reference data).
 */
export function resolveRequest(profile: KernelProfile, request: string): { module: string; alias?: AliasRecord } | 'none' | undefined {
  const name = moduleName(request);
  if (profile.installed?.has(name) || profile.builtin?.has(name)) return { module: name };
  if (!profile.aliases) return undefined;
  const index = aliasIndex(profile.aliases);
  const known = index.answers.get(request);
  if (known) return known;
  const hit = index.exact.get(request) ?? index.exact.get(name) ?? index.globs.find((a) => aliasMatches(a.pattern, request) || aliasMatches(a.pattern, name));
  const answer = hit ? { module: hit.module, alias: hit } : ('none' as const);
  index.answers.set(request, answer);
  return answer;
}

/** Merge another profile's facts into `into` (several inputs describing the same kernel). */
export function mergeProfile(into: KernelProfile, from: KernelProfile): void {
  into.release ??= from.release;
  into.version ??= from.version;
  into.config ??= from.config;
  for (const key of ['builtin', 'built', 'installed', 'loaded'] as const) {
    const src = from[key];
    if (!src) continue;
    const dst = (into[key] ??= new Map());
    for (const [k, v] of src) if (!dst.has(k)) dst.set(k, v);
  }
  if (from.aliases) into.aliases = [...(into.aliases ?? []), ...from.aliases];
  into.sources.push(...from.sources);
  if (!into.release && !into.config) into.label = from.label;
}

/** A label for findings: the release when known, else the version, else the first file. */
export function labelFor(profile: Omit<KernelProfile, 'label'>): string {
  if (profile.release) return profile.release;
  if (profile.version) return profile.version;
  return profile.sources.find((s) => s.path)?.path ?? 'kernel';
}
