import type { ExtensionDef } from '../types.js';

export const physdev: ExtensionDef = {
  name: 'physdev',
  type: 'match',
  families: ['ipv4', 'ipv6'],
  // The kernel also refuses --physdev-out/--physdev-is-out in OUTPUT unless the rule
  // requires --physdev-is-bridged, because the output port is not known there yet.
  summary: 'Matches the bridge ports a bridged packet entered or will leave by (needs br_netfilter).',
  options: [
    {
      name: 'physdev-in',
      args: [{ kind: 'interface', label: 'port[+]' }],
      invert: true,
      summary: 'Bridge port the packet arrived on; a trailing + matches every name with that prefix.',
    },
    {
      name: 'physdev-out',
      args: [{ kind: 'interface', label: 'port[+]' }],
      invert: true,
      summary: 'Bridge port the packet will leave by; a trailing + matches every name with that prefix.',
    },
    { name: 'physdev-is-in', invert: true, summary: 'The packet entered through a bridge port.' },
    { name: 'physdev-is-out', invert: true, summary: 'The packet will leave through a bridge port.' },
    { name: 'physdev-is-bridged', invert: true, summary: 'The packet is being bridged rather than routed.' },
  ],
  constraints: [
    {
      kind: 'anyOf',
      options: ['physdev-in', 'physdev-out', 'physdev-is-in', 'physdev-is-out', 'physdev-is-bridged'],
      message: 'physdev needs at least one of its options',
    },
  ],
};
