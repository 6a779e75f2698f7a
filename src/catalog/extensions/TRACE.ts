import type { ExtensionDef } from '../types.js';

// The kernel's xt_TRACE is registered for the raw table only, and
// iptables-legacy enforces that. iptables-nft translates TRACE into nft's
// `meta nftrace set 1` and accepts it in any table, so a TRACE outside raw only
// loads with the nft backend.
export const TRACE: ExtensionDef = {
  name: 'TRACE',
  type: 'target',
  families: ['ipv4', 'ipv6'],
  summary: 'Marks the packet so that every rule it traverses afterwards is logged (nft monitor trace / kernel log).',
  tables: ['raw'],
  restrictionsLegacyOnly: true,
  options: [],
};
