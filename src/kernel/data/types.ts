/** Shape of the generated reference-kernel facts (scripts/gen-kernel-data.mjs writes the data). */

export interface ExtensionFact {
  /** The module that serves it, as `modprobe -R` resolved the kernel's request; absent when none does. */
  module?: string;
  /** `module`, or `absent` when no module in that kernel provides the extension. */
  status: string;
  config?: string;
  /** The names the kernel asks for (`ipt_CT,ipt_NOTRACK`). */
  requests?: string[];
  /** `modprobe` load order: dependencies first, the module last. */
  loadOrder?: string[];
  /** Modules requested while the rule is checked (softdep, request_module), outside modules.dep. */
  runtime?: string[];
  nft: { native: boolean; modules?: string[]; fallbackOptions?: string[]; note: string };
  notes?: string;
}

export interface TableFact {
  module: string;
  config: string;
  loadOrder?: string[];
  /** nf_tables chain-type module iptables-nft needs for this table (`nft_chain_nat`). */
  nftChainModule?: string;
}

export interface ModuleFact {
  config?: string;
  status: string;
  path?: string;
  depends?: string[];
  closure?: string[];
  aliases?: string[];
  runtime?: string[];
}

export interface KernelData {
  release: string;
  /** Version from the config header (`6.1.192`). */
  version: string;
  /** Debian package version. */
  package?: string;
  /** Keyed `family/kind/name`: `ipv4/match/recent`. */
  extensions: Record<string, ExtensionFact>;
  /** Keyed `family/table`. */
  tables: Record<string, TableFact>;
  modules: Record<string, ModuleFact>;
  /** ipset set type (`hash:net`) → the module that implements it. */
  ipsetTypes: Record<string, { module: string; config: string; family: string; closure?: string[] }>;
}
