/**
 * The file-system side of the kernel inputs: reads `--kernel-config`,
 * `--modules` and `--kernel-release` (or the running kernel's files) and hands
 * the text to the pure readers in src/kernel/.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { platform, release as osRelease } from 'node:os';
import { gunzipSync } from 'node:zlib';
import { readIpsetSave, type IpsetDef } from '../kernel/ipset.js';
import { KernelInputError, labelFor, mergeProfile, versionOfRelease, type KernelProfile } from '../kernel/profile.js';
import { profileFromConfig, readModulesFile } from '../kernel/readers.js';
import { CliError } from './errors.js';

export interface KernelInputOptions {
  kernelConfig: string[];
  modules: string[];
  kernelRelease: string[];
  cwd: string;
}

/** The text files a /lib/modules/<release> directory holds that iptlint reads. */
const MODULES_DIR_FILES = ['modules.builtin', 'modules.order', 'modules.dep', 'modules.alias'];

function describeError(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'ENOENT') return 'no such file or directory';
  if (e?.code === 'EACCES') return 'permission denied';
  if (e?.code === 'EISDIR') return 'is a directory';
  return e?.message ?? String(err);
}

/** Read a file as text, gunzipping it when it is gzip data (`/proc/config.gz`, `config.gz`). */
async function readText(path: string, shown: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    throw new CliError(`${shown}: cannot read: ${describeError(err)}`);
  }
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes);
    } catch (err) {
      throw new CliError(`${shown}: cannot read: corrupt gzip data (${describeError(err)})`);
    }
  }
  if (bytes.includes(0)) throw new CliError(`${shown}: not a text file`);
  return bytes.toString('utf8');
}

function asCliError(err: unknown): never {
  if (err instanceof KernelInputError) throw new CliError(err.message);
  throw err;
}

async function readConfigProfile(path: string, cwd: string): Promise<KernelProfile> {
  const text = await readText(resolve(cwd, path), path);
  try {
    return profileFromConfig(text, path);
  } catch (err) {
    asCliError(err);
  }
}

/** A modules file, or a whole /lib/modules/<release> directory. */
async function readModulesProfile(path: string, cwd: string): Promise<KernelProfile> {
  const full = resolve(cwd, path);
  let isDir: boolean;
  try {
    isDir = (await stat(full)).isDirectory();
  } catch (err) {
    throw new CliError(`${path}: cannot read: ${describeError(err)}`);
  }
  try {
    if (!isDir) return readModulesFile(await readText(full, path), path);
    const present = new Set(await readdir(full).catch((err) => { throw new CliError(`${path}: cannot read: ${describeError(err)}`); }));
    const files = MODULES_DIR_FILES.filter((f) => present.has(f));
    if (files.length === 0) throw new CliError(`${path}: not a kernel modules directory (no ${MODULES_DIR_FILES.join(', ')})`);
    const name = basename(full);
    const release = versionOfRelease(name) ? name : undefined;
    const profile: KernelProfile = { label: release ?? path, release, sources: [{ kind: 'modules-directory', path }] };
    for (const f of files) {
      const shown = join(path, f);
      mergeProfile(profile, readModulesFile(await readText(join(full, f), shown), shown));
    }
    profile.label = labelFor(profile);
    return profile;
  } catch (err) {
    asCliError(err);
  }
}

/**
 * Read every kernel input into one profile per kernel. Inputs describing the
 * same release are merged; otherwise the n-th `--modules` goes with the n-th
 * `--kernel-config`, and a single config takes all modules inputs.
 */
export async function loadKernelProfiles(opts: KernelInputOptions): Promise<KernelProfile[]> {
  const profiles: KernelProfile[] = [];
  for (const path of opts.kernelConfig) profiles.push(await readConfigProfile(path, opts.cwd));
  const parts: KernelProfile[] = [];
  for (const path of opts.modules) parts.push(await readModulesProfile(path, opts.cwd));

  const configCount = profiles.length;
  const unmatched: KernelProfile[] = [];
  for (const part of parts) {
    const same = part.release ? profiles.find((p) => p.release === part.release) : undefined;
    if (same) mergeProfile(same, part);
    else unmatched.push(part);
  }
  if (unmatched.length > 0) {
    if (configCount === 0) {
      // No config: directories of different releases are different kernels; loose files (lsmod,
      // a modules.dep) belong to the one kernel when there is one.
      const loose = unmatched.filter((p) => !p.release);
      for (const part of unmatched.filter((p) => p.release)) {
        const same = profiles.find((p) => p.release === part.release);
        if (same) mergeProfile(same, part);
        else profiles.push(part);
      }
      if (loose.length > 0 && profiles.length > 1) {
        throw new CliError(
          `${loose[0].sources[0]?.path}: cannot tell which of the ${profiles.length} kernels it belongs to: give each kernel's files as its /lib/modules/<release> directory, or add --kernel-config`,
        );
      }
      if (loose.length > 0 && profiles.length === 0) profiles.push({ label: '', sources: [] });
      for (const part of loose) mergeProfile(profiles[0], part);
    } else if (configCount === 1) {
      for (const part of unmatched) mergeProfile(profiles[0], part);
    } else if (unmatched.length === configCount && parts.length === configCount) {
      unmatched.forEach((part, i) => mergeProfile(profiles[i], part));
    } else {
      throw new CliError(
        `${unmatched[0].sources[0]?.path}: cannot tell which of the ${configCount} kernel configs it belongs to: give one --modules per --kernel-config in the same order, or use /lib/modules/<release> directories`,
      );
    }
  }

  const releases = opts.kernelRelease;
  if (releases.length > 0) {
    if (profiles.length === 0) {
      for (const r of releases) profiles.push({ label: r, release: r, version: versionOfRelease(r), sources: [{ kind: 'release' }] });
    } else if (releases.length === profiles.length) {
      releases.forEach((r, i) => {
        profiles[i].release = r;
        profiles[i].version ??= versionOfRelease(r);
        profiles[i].sources.push({ kind: 'release' });
      });
    } else {
      throw new CliError(`--kernel-release was given ${releases.length} times for ${profiles.length} kernels: give one per --kernel-config, in the same order`);
    }
  }
  for (const p of profiles) p.label = labelFor(p);
  return profiles;
}

export interface RunningKernel {
  profiles: KernelProfile[];
  /** The files that were read, to say so. */
  used: string[];
  /** Why the kernel checks are skipped, when they are. */
  skipped?: string;
}

/**
 * The running kernel, for when no kernel input is given: its config
 * (`/proc/config.gz`, else `/boot/config-<release>`) and its modules directory.
 * `root` is for tests (a fake file-system root).
 */
export async function detectRunningKernel(root = '/', release = osRelease(), os = platform()): Promise<RunningKernel> {
  if (os !== 'linux') return { profiles: [], used: [], skipped: `kernel checks skipped: not running on Linux (${os}); pass --kernel-config or --modules` };
  const at = (p: string) => join(root, p);
  const configs = ['/proc/config.gz', `/boot/config-${release}`].filter((p) => existsSync(at(p)));
  const modulesDir = `/lib/modules/${release}`;
  const hasModules = MODULES_DIR_FILES.some((f) => existsSync(at(join(modulesDir, f))));
  if (configs.length === 0 && !hasModules) {
    return {
      profiles: [],
      used: [],
      skipped: `kernel checks skipped: no config or modules directory for the running kernel ${release} (looked for /proc/config.gz, /boot/config-${release}, ${modulesDir})`,
    };
  }
  const used: string[] = [];
  let profile: KernelProfile | undefined;
  if (configs.length > 0) {
    profile = await readConfigProfile(at(configs[0]), '/');
    profile.config!.file = configs[0];
    profile.sources = [{ kind: 'config', path: configs[0] }];
    used.push(configs[0]);
  }
  if (hasModules) {
    const mods = await readModulesProfile(at(modulesDir), '/');
    used.push(modulesDir);
    if (profile) mergeProfile(profile, mods);
    else profile = mods;
  }
  profile!.release = release;
  profile!.label = labelFor(profile!);
  return { profiles: [profile!], used };
}

/** `--ipsets FILE`: the sets an `ipset save` file defines. */
export async function loadIpsets(path: string, cwd: string): Promise<Map<string, IpsetDef>> {
  const text = await readText(resolve(cwd, path), path);
  try {
    return readIpsetSave(text, path);
  } catch (err) {
    asCliError(err);
  }
}
