import type { ExtensionDef } from '../types.js';

// userspace libxt_NOTRACK is an alias of CT; the kernel module xt_CT registers
// NOTRACK itself too. Both iptables-nft and iptables-legacy save it as `-j NOTRACK`
// (checked with iptables-save 1.8.9), so no savedAs.
export const NOTRACK: ExtensionDef = {
  name: 'NOTRACK',
  type: 'target',
  families: ['ipv4', 'ipv6'],
  summary: 'Exempts the packet from connection tracking (same as `CT --notrack`).',
  tables: ['raw'],
  options: [],
};
