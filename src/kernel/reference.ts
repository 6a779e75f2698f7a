/**
 * Picks the reference kernel whose facts (module names, CONFIG symbols,
 * aliases, dependencies) stand in for a target kernel where its own files say
 * nothing, and applies what is known to differ in other versions.
 */
import { referenceKernels, type KernelData } from './data/index.js';
import { compareVersions, versionOfRelease, type KernelProfile } from './profile.js';

/** The version a profile describes: the config header, else the release. */
export function profileVersion(profile: KernelProfile): string | undefined {
  return profile.config?.version ?? profile.version ?? (profile.release ? versionOfRelease(profile.release) : undefined);
}

/**
 * The newest reference kernel of the same or an older major.minor; the oldest
 * one for older kernels. Without any version, the newest (the likeliest for a
 * current host), which callers mention when it matters.
 */
export function referenceFor(profile: KernelProfile | undefined): KernelData {
  const version = profile ? profileVersion(profile) : undefined;
  const all = referenceKernels;
  if (!version) return all[all.length - 1];
  const series = version.split('.').slice(0, 2).join('.');
  let pick = all[0];
  for (const k of all) {
    if (compareVersions(k.version.split('.').slice(0, 2).join('.'), series) <= 0) pick = k;
  }
  return pick;
}

/** Reference data for a release given by name only (`--kernel-release`, `iptlint modules`). */
export function referenceForRelease(release: string | undefined): KernelData {
  return referenceFor(release ? { label: release, release, sources: [] } : undefined);
}

/**
 * Extensions that no module provides any more, with what replaces them.
 * Background knowledge, not in the reference tables: ULOG was removed in
 * Linux 3.17 in favour of NFLOG (iptables-extensions(8) says the same);
 * CLUSTERIP is present in 6.1 and gone in 6.12 (visible in the reference
 * tables), and the `cluster` match is its documented replacement.
 */
export const REMOVED_EXTENSIONS: Record<string, { replacement: string; history: (ref: KernelData) => string }> = {
  ULOG: { replacement: '`-j NFLOG` (with ulogd2 or another nfnetlink_log listener)', history: () => 'ULOG was removed from Linux in 3.17' },
  CLUSTERIP: {
    replacement: 'the `cluster` match (`-m cluster`)',
    history: () => 'CLUSTERIP was removed from Linux (Debian 6.1 has it, 6.12 no longer does)',
  },
};

/**
 * Linux 5.12 merged the per-family syslog loggers (nf_log_ipv4, nf_log_ipv6, …)
 * into nf_log_syslog (background knowledge: upstream commit "netfilter: nf_log:
 * merge nf_log_ipv4, nf_log_ipv6, …" / CONFIG_NF_LOG_SYSLOG in 5.12's Kconfig).
 */
export function renameForVersion(module: string, family: 'ipv4' | 'ipv6', version: string | undefined): { module: string; config?: string } {
  if (module === 'nf_log_syslog' && version && compareVersions(version, '5.12') < 0) {
    return family === 'ipv4' ? { module: 'nf_log_ipv4', config: 'CONFIG_NF_LOG_IPV4' } : { module: 'nf_log_ipv6', config: 'CONFIG_NF_LOG_IPV6' };
  }
  return { module };
}
