/**
 * The `iptlint.*` settings: read from `workspace/configuration` (or the
 * initialization options of clients without it), checked, and turned into the
 * core's LintOptions. Kernel inputs are files, read here and watched so that
 * an edited config is re-read without restarting the server.
 */
import { watch, type FSWatcher } from 'node:fs';
import { resolve } from 'node:path';
import type { Family } from '../src/catalog/types.js';
import { loadKernelProfiles } from '../src/cli/kernel-inputs.js';
import type { Severity } from '../src/diagnostics.js';
import type { KernelProfile } from '../src/kernel/profile.js';
import type { Backend, LintOptions } from '../src/lint-options.js';
import { findCheck } from '../src/suppressions.js';
import type { ProjectInputs } from './project-config.js';

export interface ServerSettings {
  kernelConfig: string[];
  modules: string[];
  kernelRelease: string[];
  backend?: Backend;
  family?: Family;
  severity: Record<string, Severity | 'off'>;
  noAutoload: boolean;
  /** Milliseconds between the last edit and the lint that publishes diagnostics. */
  debounceMs: number;
}

export const DEFAULT_DEBOUNCE_MS = 200;

export function defaultSettings(): ServerSettings {
  return { kernelConfig: [], modules: [], kernelRelease: [], severity: {}, noAutoload: false, debounceMs: DEFAULT_DEBOUNCE_MS };
}

const SEVERITIES = new Set(['error', 'warning', 'info', 'hint', 'off']);

function stringList(value: unknown, name: string, problems: string[]): string[] {
  if (value === undefined || value === null || value === '') return [];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.filter((v) => v !== '');
  problems.push(`iptlint.${name} must be a path or a list of paths; ignored`);
  return [];
}

/** Accepts `{iptlint: {...}}` or the section itself; anything malformed is reported and ignored, never thrown. */
export function readSettings(raw: unknown): { settings: ServerSettings; problems: string[] } {
  const problems: string[] = [];
  const settings = defaultSettings();
  let section = raw as Record<string, unknown> | undefined;
  if (section && typeof section === 'object' && 'iptlint' in section && typeof section.iptlint === 'object') {
    section = section.iptlint as Record<string, unknown>;
  }
  if (!section || typeof section !== 'object' || Array.isArray(section)) return { settings, problems };
  settings.kernelConfig = stringList(section.kernelConfig, 'kernelConfig', problems);
  settings.modules = stringList(section.modules, 'modules', problems);
  settings.kernelRelease = stringList(section.kernelRelease, 'kernelRelease', problems);
  const backend = section.backend;
  if (backend === 'legacy' || backend === 'nft') settings.backend = backend;
  else if (backend !== undefined && backend !== null && backend !== 'auto') problems.push(`iptlint.backend must be auto, legacy or nft (got ${JSON.stringify(backend)}); using auto`);
  const family = section.family;
  if (family === 'ipv4' || family === 'ipv6') settings.family = family;
  else if (family !== undefined && family !== null && family !== 'auto') problems.push(`iptlint.family must be auto, ipv4 or ipv6 (got ${JSON.stringify(family)}); using auto`);
  if (section.noAutoload === true) settings.noAutoload = true;
  if (typeof section.debounceMs === 'number' && Number.isFinite(section.debounceMs) && section.debounceMs >= 0) {
    settings.debounceMs = Math.min(section.debounceMs, 5000);
  }
  const severity = section.severity;
  if (severity && typeof severity === 'object' && !Array.isArray(severity)) {
    for (const [key, value] of Object.entries(severity as Record<string, unknown>)) {
      const check = findCheck(key);
      if (!check) {
        problems.push(`iptlint.severity: '${key}' is not an iptlint check; ignored`);
        continue;
      }
      if (typeof value !== 'string' || !SEVERITIES.has(value)) {
        problems.push(`iptlint.severity.${key} must be error, warning, info, hint or off; ignored`);
        continue;
      }
      settings.severity[check.code] = value as Severity | 'off';
    }
  } else if (severity !== undefined && severity !== null) {
    problems.push('iptlint.severity must be an object of check code to severity; ignored');
  }
  return { settings, problems };
}

/**
 * The core's options for one document: editor settings that are set win over
 * the project's `.iptlintrc.json`, as the CLI's flags win over it; kernel
 * inputs named in the settings replace the project's.
 */
export function lintOptionsFor(settings: ServerSettings, kernels: KernelProfile[], fileName: string | undefined, project: ProjectInputs = {}): LintOptions {
  const config = project.config;
  const options: LintOptions = { fileName };
  const family = settings.family ?? config?.family;
  if (family) options.family = family;
  const backend = settings.backend ?? config?.backend;
  if (backend) options.backend = backend;
  const fromSettings = settings.kernelConfig.length + settings.modules.length + settings.kernelRelease.length > 0;
  const targets = fromSettings ? kernels : (project.kernels ?? []);
  if (targets.length > 0) options.kernels = targets;
  if (settings.noAutoload || config?.kernel.autoload === false) options.noAutoload = true;
  if (config?.iptablesVersion) options.iptablesVersion = config.iptablesVersion;
  if (project.ipsets) options.ipsets = project.ipsets;
  const severities = { ...config?.severities, ...settings.severity };
  if (Object.keys(severities).length > 0) options.severities = severities;
  return options;
}

/** Reads the kernel inputs named by the settings and watches them; `onChange` fires after a watched file changes. */
export class KernelInputs {
  profiles: KernelProfile[] = [];
  private watchers: FSWatcher[] = [];
  private timer?: NodeJS.Timeout;

  constructor(private readonly onChange: () => void, private readonly log: (message: string) => void) {}

  async load(settings: ServerSettings, baseDir: string): Promise<string | undefined> {
    this.unwatch();
    const paths = [...settings.kernelConfig, ...settings.modules];
    let problem: string | undefined;
    try {
      this.profiles = await loadKernelProfiles({ kernelConfig: settings.kernelConfig, modules: settings.modules, kernelRelease: settings.kernelRelease, cwd: baseDir });
    } catch (error) {
      this.profiles = [];
      problem = `iptlint: kernel inputs not used: ${(error as Error).message}`;
    }
    for (const p of paths) this.watchPath(resolve(baseDir, p));
    return problem;
  }

  private watchPath(path: string) {
    try {
      const watcher = watch(path, { persistent: false }, () => {
        // Editors save by rename-and-replace, which fires several events: settle first.
        clearTimeout(this.timer);
        this.timer = setTimeout(() => this.onChange(), 100);
      });
      watcher.on('error', (error) => this.log(`iptlint: stopped watching ${path}: ${error.message}`));
      this.watchers.push(watcher);
    } catch (error) {
      this.log(`iptlint: cannot watch ${path}: ${(error as Error).message}`);
    }
  }

  unwatch() {
    clearTimeout(this.timer);
    for (const w of this.watchers) w.close();
    this.watchers = [];
  }
}
