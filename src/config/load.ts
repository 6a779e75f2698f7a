/**
 * Finds, reads and validates `.iptlintrc.json`. The nearest one walking up
 * from each linted file applies to it (no merging across levels: one file
 * says everything about its tree), unless `--config` names one for all.
 * Every problem is a CliError that names the file and the key, so the CLI
 * exits with status 2 and one clear message.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Family } from '../catalog/types.js';
import { describeFsError } from '../cli/files.js';
import { CliError } from '../cli/errors.js';
import type { Severity } from '../diagnostics.js';
import type { Backend } from '../lint-options.js';
import { findCheck } from '../suppressions.js';
import { validate } from './schema.js';

export const CONFIG_FILE_NAME = '.iptlintrc.json';
/** Names people will try; iptlint has no YAML parser, so it says so instead of silently ignoring them. */
const UNSUPPORTED_NAMES = ['.iptlintrc.yaml', '.iptlintrc.yml', '.iptlintrc'];

export type FailureThreshold = 'error' | 'warning' | 'info';

/** A validated config with paths made absolute and check names turned into codes. */
export interface Config {
  /** The file it came from. */
  path: string;
  /** Its directory: the base of every relative path and pattern in it. */
  dir: string;
  severities: Record<string, Severity | 'off'>;
  family?: Family;
  backend?: Backend;
  iptablesVersion?: string;
  ipsets?: string;
  kernel: { config: string[]; modules: string[]; release: string[]; enabled: boolean; autoload: boolean };
  include?: string[];
  exclude?: string[];
  failureThreshold?: FailureThreshold;
  maxWarnings?: number;
}

interface RawConfig {
  checks?: Record<string, Severity | 'off'>;
  family?: Family;
  backend?: Backend;
  iptablesVersion?: string;
  ipsets?: string;
  kernel?: { config?: string | string[]; modules?: string | string[]; release?: string | string[]; enabled?: boolean; autoload?: boolean };
  include?: string[];
  exclude?: string[];
  failureThreshold?: FailureThreshold;
  maxWarnings?: number;
}

const list = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** Parses and validates config text; `shown` is the path used in messages. */
export function parseConfig(text: string, file: string, shown = file): Config {
  let raw: unknown;
  try {
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new CliError(`${shown}: not valid JSON: ${(error as Error).message}`);
  }
  const problems = validate(raw);
  const data = raw as RawConfig;
  const severities: Record<string, Severity | 'off'> = {};
  if (problems.length === 0) {
    for (const [key, level] of Object.entries(data.checks ?? {})) {
      const info = findCheck(key);
      if (!info) problems.push(`'checks.${key}' is not an iptlint check (see 'iptlint rules')`);
      else severities[info.code] = level;
    }
  }
  if (problems.length > 0) {
    throw new CliError(`${shown}: invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
  const dir = path.dirname(path.resolve(file));
  const abs = (p: string) => path.resolve(dir, p);
  return {
    path: shown,
    dir,
    severities,
    family: data.family,
    backend: data.backend,
    iptablesVersion: data.iptablesVersion,
    ipsets: data.ipsets !== undefined ? abs(data.ipsets) : undefined,
    kernel: {
      config: list(data.kernel?.config).map(abs),
      modules: list(data.kernel?.modules).map(abs),
      release: list(data.kernel?.release),
      enabled: data.kernel?.enabled ?? true,
      autoload: data.kernel?.autoload ?? true,
    },
    include: data.include,
    exclude: data.exclude,
    failureThreshold: data.failureThreshold,
    maxWarnings: data.maxWarnings,
  };
}

export async function loadConfigFile(file: string, cwd: string): Promise<Config> {
  const absolute = path.resolve(cwd, file);
  let text: string;
  try {
    text = await readFile(absolute, 'utf8');
  } catch (error) {
    throw new CliError(`${file}: cannot read configuration: ${describeFsError(error)}`);
  }
  const config = parseConfig(text, absolute, file);
  return config;
}

async function isFile(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isFile();
  } catch {
    return false;
  }
}

/**
 * Answers "which config applies here?" for files and directories, caching
 * each directory's answer so a tree of hundreds of files reads each config once.
 */
export class ConfigResolver {
  private readonly byDir = new Map<string, Promise<Config | undefined>>();
  private explicit?: Promise<Config>;

  /** `explicit`: --config; `enabled` false: --no-config. */
  constructor(
    private readonly cwd: string,
    explicitPath?: string,
    private readonly enabled = true,
  ) {
    if (explicitPath !== undefined) {
      this.explicit = loadConfigFile(explicitPath, cwd);
      // Awaited by check() or forPath(); this only keeps an early failure from being "unhandled".
      this.explicit.catch(() => undefined);
    }
  }

  /** Reads --config now, so a bad one fails the run before any file is read. */
  async check(): Promise<void> {
    await this.explicit;
  }

  /** The config for a file (pass the file) or a directory argument (pass the directory with isDir). */
  async forPath(p: string, isDir = false): Promise<Config | undefined> {
    if (this.explicit) return this.explicit;
    if (!this.enabled) return undefined;
    const absolute = path.resolve(this.cwd, p);
    return this.forDir(isDir ? absolute : path.dirname(absolute));
  }

  private forDir(dir: string): Promise<Config | undefined> {
    let found = this.byDir.get(dir);
    if (!found) {
      found = this.lookup(dir);
      this.byDir.set(dir, found);
    }
    return found;
  }

  private async lookup(dir: string): Promise<Config | undefined> {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    if (await isFile(candidate)) return loadConfigFile(path.relative(this.cwd, candidate) || candidate, this.cwd);
    for (const name of UNSUPPORTED_NAMES) {
      const other = path.join(dir, name);
      if (await isFile(other)) {
        throw new CliError(`${path.relative(this.cwd, other) || other}: iptlint reads only ${CONFIG_FILE_NAME} (JSON); rename it and write it as JSON`);
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    return this.forDir(parent);
  }
}
