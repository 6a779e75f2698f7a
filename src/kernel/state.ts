/**
 * Where one module stands on one target kernel, with the evidence: loaded,
 * built in, not built, built but not installed, installed but not loaded.
 */
import type { ConfigSymbol, KernelProfile, ModuleRecord } from './profile.js';

export type ModuleState =
  | { state: 'loaded'; evidence: ModuleRecord }
  | { state: 'builtin'; evidence: ModuleRecord | ConfigSymbol; file: string }
  /** The config does not build it: `# CONFIG_X is not set`, `CONFIG_X=n`, or no line at all. */
  | { state: 'not-built'; symbol?: ConfigSymbol; file: string; absent: boolean }
  /** Built as a module (or nothing says otherwise) but not among the installed modules. */
  | { state: 'not-installed'; file: string; symbol?: ConfigSymbol; built?: ModuleRecord }
  /** Available as a module but not in the lsmod listing. */
  | { state: 'not-loaded'; file: string; symbol?: ConfigSymbol; installed?: ModuleRecord }
  /** Loadable as far as the inputs tell; nothing to say. */
  | { state: 'available'; symbol?: ConfigSymbol; installed?: ModuleRecord }
  | { state: 'unknown' };

export interface StateQuery {
  module: string;
  config?: string;
  /** The kernel's modules.alias has no alias for the request that should reach this module. */
  noAlias?: { file: string };
}

export function moduleState(profile: KernelProfile, q: StateQuery): ModuleState {
  const loaded = profile.loaded?.get(q.module);
  if (loaded) return { state: 'loaded', evidence: loaded };
  const builtin = profile.builtin?.get(q.module);
  if (builtin) return { state: 'builtin', evidence: builtin, file: builtin.file };

  const config = profile.config;
  const symbol = q.config ? config?.symbols.get(q.config) : undefined;
  if (config && q.config) {
    if (symbol?.value === 'y') return { state: 'builtin', evidence: symbol, file: config.file };
    if (!symbol || symbol.value === 'n') return { state: 'not-built', symbol, file: config.file, absent: !symbol };
  }

  const installed = profile.installed?.get(q.module);
  const built = profile.built?.get(q.module);
  if (profile.installed && !installed) {
    return { state: 'not-installed', file: profile.installed.values().next().value?.file ?? sourcePath(profile, 'modules.dep'), symbol, built };
  }
  if (!profile.installed && q.noAlias) {
    // Without modules.dep, a missing alias is the evidence that nothing installed answers the request.
    return { state: 'not-installed', file: q.noAlias.file, symbol, built };
  }
  if (!config && !profile.installed && profile.built && !built && profile.builtin) {
    // modules.order lists every module the build produced and modules.builtin every built-in one.
    return { state: 'not-built', file: sourcePath(profile, 'modules.order'), absent: true };
  }
  if (profile.loaded) {
    return { state: 'not-loaded', file: profile.loaded.values().next().value?.file ?? sourcePath(profile, 'lsmod'), symbol, installed };
  }
  if (symbol || installed || built) return { state: 'available', symbol, installed };
  return { state: 'unknown' };
}

function sourcePath(profile: KernelProfile, kind: string): string {
  return profile.sources.find((s) => s.kind === kind)?.path ?? kind;
}
