/** Fixtures for the kernel tests: the real Debian kernels, and variants derived from them here. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic, ReportExtras, Reporter, Span } from '../../src/diagnostics.js';
import { mergeProfile, type KernelProfile } from '../../src/kernel/profile.js';
import { profileFromConfig, readModulesFile } from '../../src/kernel/readers.js';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'kernels');

export const KERNELS = {
  '6.1': { release: '6.1.0-56-amd64', version: '6.1.192' },
  '6.12': { release: '6.12.117+deb12-amd64', version: '6.12.117' },
} as const;
export type KernelKey = keyof typeof KERNELS;

export function configPath(k: KernelKey): string {
  return join(FIXTURES, `config-${KERNELS[k].release}`);
}
export function modulesDir(k: KernelKey): string {
  return join(FIXTURES, KERNELS[k].release);
}
export function fixtureText(k: KernelKey, file: 'config' | 'modules.builtin' | 'modules.order' | 'modules.dep' | 'modules.alias'): string {
  return readFileSync(file === 'config' ? configPath(k) : join(modulesDir(k), file), 'utf8');
}

/** `CONFIG_X=m` → `# CONFIG_X is not set`, on the same line. */
export function switchOff(config: string, symbol: string): string {
  const re = new RegExp(`^${symbol}=.*$`, 'm');
  if (!re.test(config)) throw new Error(`${symbol} is not set in the fixture`);
  return config.replace(re, `# ${symbol} is not set`);
}
/** Delete the symbol's line entirely, as a kernel without the symbol would have it. */
export function dropSymbol(config: string, symbol: string): string {
  const re = new RegExp(`^(# )?${symbol}(=.*| is not set)\\n`, 'm');
  if (!re.test(config)) throw new Error(`${symbol} is not in the fixture`);
  return config.replace(re, '');
}
export function setSymbol(config: string, symbol: string, value: string): string {
  const re = new RegExp(`^(# )?${symbol}(=.*| is not set)$`, 'm');
  if (!re.test(config)) throw new Error(`${symbol} is not in the fixture`);
  return config.replace(re, `${symbol}=${value}`);
}
/** Remove a module from modules.dep: its own line and every mention as a dependency. */
export function withoutInDep(dep: string, module: string): string {
  const isIt = (p: string) => p.replace(/^.*\//, '').replace(/\.ko.*$/, '').replace(/-/g, '_') === module;
  return dep
    .split('\n')
    .filter((line) => !isIt(line.split(':')[0]))
    .map((line) => {
      const [head, rest] = line.split(': ');
      return rest === undefined ? line : `${head}: ${rest.split(' ').filter((p) => !isIt(p)).join(' ')}`;
    })
    .join('\n');
}
export function withoutInAlias(alias: string, module: string): string {
  return alias
    .split('\n')
    .filter((l) => l.split(/\s+/)[2] !== module)
    .join('\n');
}
/** An lsmod listing of the given modules (sizes are not read). */
export function lsmod(modules: Iterable<string>): string {
  return ['Module                  Size  Used by', ...[...modules].map((m) => `${m.padEnd(24)}16384  0`)].join('\n') + '\n';
}
/** Every module modules.dep knows, as names. */
export function installedModules(dep: string): string[] {
  return dep
    .split('\n')
    .filter(Boolean)
    .map((l) => l.split(':')[0].replace(/^.*\//, '').replace(/\.ko.*$/, ''));
}

export interface ProfileInput {
  config?: string;
  builtin?: string;
  order?: string;
  dep?: string;
  alias?: string;
  lsmod?: string;
}

/** A profile from texts, the way the CLI builds one from files (paths are labels only). */
export function profile(k: KernelKey, input: ProfileInput): KernelProfile {
  const rel = KERNELS[k].release;
  const dir = `/lib/modules/${rel}`;
  const base: KernelProfile = input.config ? profileFromConfig(input.config, `/boot/config-${rel}`) : { label: rel, release: rel, sources: [] };
  const files: [string | undefined, string][] = [
    [input.builtin, `${dir}/modules.builtin`],
    [input.order, `${dir}/modules.order`],
    [input.dep, `${dir}/modules.dep`],
    [input.alias, `${dir}/modules.alias`],
    [input.lsmod, 'lsmod.txt'],
  ];
  for (const [text, path] of files) if (text !== undefined) mergeProfile(base, readModulesFile(text, path));
  base.release ??= rel;
  base.label = rel;
  return base;
}

export class Collect implements Reporter {
  readonly diagnostics: Diagnostic[] = [];
  report(code: string, span: Span, message: string, extras?: ReportExtras): void {
    this.diagnostics.push({ code, severity: extras?.severity ?? 'error', message, ...span, related: extras?.related, data: extras?.data });
  }
}
