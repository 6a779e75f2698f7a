/** Options of the pure core. Everything the core knows about the world comes in here: no I/O inside. */
import type { Family } from './catalog/types.js';
import type { Severity } from './diagnostics.js';
import type { KernelProfile } from './kernel/profile.js';
import type { LintCache } from './model/line-memo.js';

export type Backend = 'legacy' | 'nft';

export interface LintOptions {
  /** Forces the family; otherwise decided from the file name, the header, then the addresses. */
  family?: Family;
  /** The file's name (not read): `rules.v6` or `ip6tables.rules` means IPv6. */
  fileName?: string;
  /** iptables backend that will load the file; otherwise from the save header, else nft (and said once). */
  backend?: Backend;
  /** Target kernels to check module requirements against; none: kernel checks are skipped. */
  kernels?: KernelProfile[];
  /** The host cannot load modules on demand (containers, modules_disabled=1): missing-but-loadable is an error. */
  noAutoload?: boolean;
  /** Sets defined by an `ipset save` file: name → set type (`hash:net`). */
  ipsets?: Map<string, { type: string; line: number; file?: string }>;
  /** Version of the iptables that will load the file, when known (`1.8.9`). */
  iptablesVersion?: string;
  /**
   * Kept between runs on the same document (createLintCache()): unchanged lines
   * reuse their reading and per-rule findings. For editors; a one-shot run needs none.
   */
  cache?: LintCache;
  /**
   * The caller wants the findings, not the model (a one-shot run, like the
   * command line's): the result's tables then list no commands, and their
   * chains no rules, policy or counters; each rule is let go of once its line
   * is checked. This saves much of the time and memory on large files (a
   * kube-proxy ruleset declares tens of thousands of chains). Ignored with a
   * cache.
   */
  findingsOnly?: boolean;
  /** Per-check severity overrides; `off` disables a check. */
  severities?: Record<string, Severity | 'off'>;
}
