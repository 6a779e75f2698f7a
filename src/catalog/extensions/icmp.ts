import type { ExtensionDef } from '../types.js';

export const icmp: ExtensionDef = {
  name: 'icmp',
  type: 'match',
  families: ['ipv4'],
  summary: 'Matches the ICMP type and code; loaded by `-p icmp` when its option follows.',
  implicitProtocol: true,
  // The kernel registration moved from ip_tables (6.1) to xt_tcpudp (6.12); both require IPPROTO_ICMP.
  protocols: ['icmp'],
  options: [
    {
      name: 'icmp-type',
      args: [{ kind: 'icmpType', label: 'type[/code]|name' }],
      invert: true,
      required: true,
      summary: 'ICMP type by name or number, optionally with a code.',
    },
  ],
};
