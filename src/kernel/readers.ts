/**
 * One small reader per kernel input format. Each takes the text and the path
 * (for messages and evidence) and returns data; none touches the file system.
 */
import {
  KernelInputError,
  labelFor,
  moduleFromPath,
  moduleName,
  type AliasRecord,
  type ConfigSymbol,
  type InputKind,
  type KernelConfig,
  type KernelProfile,
  type ModuleRecord,
} from './profile.js';

const CONFIG_HEADER = /^#\s*Linux\/\S+\s+(\S+)\s+Kernel Configuration\s*$/;
const CONFIG_SET = /^(CONFIG_[A-Za-z0-9_]+)=(.*)$/;
const CONFIG_UNSET = /^#\s*(CONFIG_[A-Za-z0-9_]+) is not set\s*$/;

/** A `.config`, `/boot/config-*` or the text of `/proc/config.gz`. */
export function readKernelConfig(text: string, path: string): KernelConfig {
  const symbols = new Map<string, ConfigSymbol>();
  let version: string | undefined;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '');
    let m: RegExpExecArray | null;
    if ((m = CONFIG_SET.exec(line))) {
      symbols.set(m[1], { symbol: m[1], value: m[2].replace(/^"(.*)"$/, '$1'), line: i });
    } else if ((m = CONFIG_UNSET.exec(line))) {
      symbols.set(m[1], { symbol: m[1], value: 'n', line: i });
    } else if (!version && (m = CONFIG_HEADER.exec(line))) {
      version = m[1];
    } else if (line.trim() !== '' && !line.startsWith('#')) {
      throw new KernelInputError(`${path}:${i + 1}: not a kernel config (expected CONFIG_NAME=value or a comment)`, path);
    }
  }
  if (symbols.size === 0) throw new KernelInputError(`${path}: not a kernel config (no CONFIG_ lines)`, path);
  return { file: path, version, symbols };
}

/** `lsmod` output (with its `Module Size Used by` header) or `/proc/modules`. */
export function readLoadedModules(text: string, path: string): Map<string, ModuleRecord> {
  const loaded = new Map<string, ModuleRecord>();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '' || (i === 0 && /^Module\s+Size\s+Used by/.test(line))) continue;
    const m = /^([A-Za-z0-9_-]+)\s+\d+\s+(?:\d+|-)/.exec(line);
    if (!m) throw new KernelInputError(`${path}:${i + 1}: not lsmod output or /proc/modules (expected "NAME SIZE USED …")`, path);
    const name = moduleName(m[1]);
    loaded.set(name, { name, file: path, line: i });
  }
  return loaded;
}

/** `modules.builtin` or `modules.order`: one module path per line. */
export function readModuleList(text: string, path: string): Map<string, ModuleRecord> {
  const list = new Map<string, ModuleRecord>();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '') continue;
    if (!/^\S+\.(ko|o)(\.(xz|gz|zst))?$/.test(line)) {
      throw new KernelInputError(`${path}:${i + 1}: not a modules.builtin/modules.order list (expected a .ko path)`, path);
    }
    const name = moduleFromPath(line);
    if (!list.has(name)) list.set(name, { name, file: path, line: i, path: line });
  }
  return list;
}

/** `modules.dep`: `path.ko: dep.ko dep.ko …`. */
export function readModulesDep(text: string, path: string): Map<string, ModuleRecord> {
  const dep = new Map<string, ModuleRecord>();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '') continue;
    const m = /^(\S+\.ko(?:\.(?:xz|gz|zst))?):\s*(.*)$/.exec(line);
    if (!m) throw new KernelInputError(`${path}:${i + 1}: not a modules.dep file (expected "module.ko: deps…")`, path);
    const name = moduleFromPath(m[1]);
    const depends = m[2].split(/\s+/).filter(Boolean).map(moduleFromPath);
    dep.set(name, { name, file: path, line: i, path: m[1], depends });
  }
  // depmod only writes paths of files it found, so a module named as a dependency is installed
  // even when its own line was filtered out of the file (a netfilter-only excerpt, say).
  for (const rec of [...dep.values()]) {
    const paths = lines[rec.line].trim().split(':')[1].split(/\s+/).filter(Boolean);
    for (const p of paths) {
      const name = moduleFromPath(p);
      if (!dep.has(name)) dep.set(name, { name, file: path, line: rec.line, path: p });
    }
  }
  return dep;
}

/** `modules.alias`: `alias PATTERN MODULE`. */
export function readModulesAlias(text: string, path: string): AliasRecord[] {
  const aliases: AliasRecord[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '' || line.startsWith('#')) continue;
    const m = /^alias\s+(\S+)\s+(\S+)$/.exec(line);
    if (!m) throw new KernelInputError(`${path}:${i + 1}: not a modules.alias file (expected "alias PATTERN MODULE")`, path);
    aliases.push({ pattern: m[1], module: moduleName(m[2]), file: path, line: i });
  }
  return aliases;
}

/**
 * Which format a modules input is in: by file name first (modules.dep, …), then
 * by content, so `lsmod > loaded.txt` works too.
 */
export function detectModulesKind(text: string, path: string): Exclude<InputKind, 'config' | 'modules-directory' | 'release'> {
  const base = path.slice(path.lastIndexOf('/') + 1);
  for (const kind of ['modules.builtin', 'modules.order', 'modules.dep', 'modules.alias'] as const) {
    if (base === kind || base.startsWith(`${kind}.`)) {
      // modules.dep.bin / modules.alias.bin are depmod's binary indexes: not text.
      if (base.endsWith('.bin')) break;
      return kind;
    }
  }
  if (base === 'modules' && /^\S+ \d+ \d+ /m.test(text)) return 'proc-modules';
  const first = text.split('\n').find((l) => l.trim() !== '')?.trim() ?? '';
  if (/^Module\s+Size\s+Used by/.test(first)) return 'lsmod';
  if (/^alias\s+\S+\s+\S+$/.test(first)) return 'modules.alias';
  if (/^\S+\.ko(\.\w+)?:/.test(first)) return 'modules.dep';
  if (/^\S+\.ko(\.\w+)?$/.test(first)) return 'modules.order';
  if (/^[A-Za-z0-9_]+ \d+ \d+ \S+ (Live|Loading|Unloading)/.test(first)) return 'proc-modules';
  throw new KernelInputError(
    `${path}: not a modules file (expected lsmod output, /proc/modules, modules.builtin, modules.order, modules.dep or modules.alias)`,
    path,
  );
}

/** Read one modules input into a partial profile. */
export function readModulesFile(text: string, path: string): KernelProfile {
  const kind = detectModulesKind(text, path);
  const profile: KernelProfile = { label: path, sources: [{ kind, path }] };
  switch (kind) {
    case 'lsmod':
    case 'proc-modules':
      profile.loaded = readLoadedModules(text, path);
      break;
    case 'modules.builtin':
      profile.builtin = readModuleList(text, path);
      break;
    case 'modules.order':
      profile.built = readModuleList(text, path);
      break;
    case 'modules.dep':
      profile.installed = readModulesDep(text, path);
      break;
    case 'modules.alias':
      profile.aliases = readModulesAlias(text, path);
      break;
  }
  return profile;
}

/** A kernel config as a profile; the release comes from a `config-<release>` file name when there is one. */
export function profileFromConfig(text: string, path: string): KernelProfile {
  const config = readKernelConfig(text, path);
  const base = path.slice(path.lastIndexOf('/') + 1);
  const release = /^config-(.+?)(\.gz)?$/.exec(base)?.[1];
  const profile: KernelProfile = { label: '', release, version: config.version, config, sources: [{ kind: 'config', path }] };
  profile.label = labelFor(profile);
  return profile;
}
