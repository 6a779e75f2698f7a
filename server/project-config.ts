/**
 * The project's `.iptlintrc.json`, read the way the CLI reads it: the nearest
 * one above each document applies, its severities, family, backend, iptables
 * version, kernel inputs and ipsets file. Editor settings that are set win over
 * it, as command-line flags do. Loaded files are watched; an edit re-reads them.
 * In an untrusted workspace the paths it names (kernel inputs, ipsets) are not
 * read: opening a folder must not make the server read files it chooses.
 */
import { watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import { loadIpsets, loadKernelProfiles } from '../src/cli/kernel-inputs.js';
import { CONFIG_FILE_NAME, ConfigResolver, type Config } from '../src/config/load.js';
import type { IpsetDef } from '../src/kernel/ipset.js';
import type { KernelProfile } from '../src/kernel/profile.js';

export interface ProjectInputs {
  config?: Config;
  /** From the config's `kernel` section, when it names inputs and may be read. */
  kernels?: KernelProfile[];
  ipsets?: Map<string, IpsetDef>;
}

export class ProjectConfigs {
  private resolver: ConfigResolver;
  private inputs = new Map<string, Promise<ProjectInputs>>();
  private watchers = new Map<string, FSWatcher>();
  private reported = new Set<string>();
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly baseDir: () => string,
    private readonly trusted: () => boolean,
    private readonly onChange: () => void,
    private readonly warn: (message: string) => void,
  ) {
    this.resolver = new ConfigResolver(baseDir());
  }

  /** Forget everything read: after a config file changed, or trust was granted. */
  reset(): void {
    this.resolver = new ConfigResolver(this.baseDir());
    this.inputs.clear();
    this.reported.clear();
  }

  /** The inputs for a file on disk; none for other documents or when no config applies. */
  async forFile(path: string | undefined): Promise<ProjectInputs> {
    if (!path) return {};
    let config: Config | undefined;
    try {
      config = await this.resolver.forPath(path);
    } catch (error) {
      this.report(`iptlint: ${(error as Error).message}`);
      return {};
    }
    if (!config) return {};
    const file = join(config.dir, CONFIG_FILE_NAME);
    this.watchFile(file);
    let loaded = this.inputs.get(file);
    if (!loaded) {
      loaded = this.load(config);
      this.inputs.set(file, loaded);
    }
    return loaded;
  }

  private async load(config: Config): Promise<ProjectInputs> {
    const out: ProjectInputs = { config };
    const k = config.kernel;
    const namesFiles = k.config.length + k.modules.length > 0 || config.ipsets !== undefined;
    if (namesFiles && !this.trusted()) {
      this.report(`iptlint: ${config.path}: kernel inputs and ipsets are not read in an untrusted workspace`);
      return out;
    }
    if (k.enabled && k.config.length + k.modules.length + k.release.length > 0) {
      try {
        out.kernels = await loadKernelProfiles({ kernelConfig: k.config, modules: k.modules, kernelRelease: k.release, cwd: config.dir });
      } catch (error) {
        this.report(`iptlint: ${config.path}: kernel inputs not used: ${(error as Error).message}`);
      }
    }
    if (config.ipsets !== undefined) {
      try {
        out.ipsets = await loadIpsets(config.ipsets, config.dir);
      } catch (error) {
        this.report(`iptlint: ${config.path}: ipsets not used: ${(error as Error).message}`);
      }
    }
    return out;
  }

  private report(message: string) {
    if (this.reported.has(message)) return;
    this.reported.add(message);
    this.warn(message);
  }

  private watchFile(file: string) {
    if (this.watchers.has(file)) return;
    try {
      const watcher = watch(file, { persistent: false }, () => {
        clearTimeout(this.timer);
        this.timer = setTimeout(() => {
          // A replaced file is a new inode: watch it afresh on the next read.
          this.watchers.get(file)?.close();
          this.watchers.delete(file);
          this.reset();
          this.onChange();
        }, 100);
      });
      watcher.on('error', () => this.watchers.delete(file));
      this.watchers.set(file, watcher);
    } catch {
      // Unwatchable (gone already): the next change of settings or document re-reads it.
    }
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const w of this.watchers.values()) w.close();
    this.watchers.clear();
  }
}
