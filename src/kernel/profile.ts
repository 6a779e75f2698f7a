/**
 * What one target kernel has, read from whatever the user supplied (a .config,
 * lsmod output, modules.builtin/.dep/.alias, a /lib/modules/<release> tree).
 * The readers in this folder fill it; the module analysis only queries it.
 * (Placeholder shape: the kernel-module work owns and completes this file.)
 */
export interface KernelProfile {
  /** How findings name this kernel: its release, else the file it came from. */
  label: string;
  release?: string;
}
