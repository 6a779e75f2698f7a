import type { ExtensionDef } from '../types.js';

export const icmp6: ExtensionDef = {
  name: 'icmp6',
  type: 'match',
  families: ['ipv6'],
  summary: 'Matches the ICMPv6 type and code; loaded by `-p icmpv6` (or ipv6-icmp) when its option follows.',
  implicitProtocol: true,
  // The kernel registration moved from ip6_tables (6.1) to xt_tcpudp (6.12); both require IPPROTO_ICMPV6.
  // iptables accepts both spellings of the protocol and loads this match for either.
  protocols: ['ipv6-icmp', 'icmpv6'],
  options: [
    {
      name: 'icmpv6-type',
      args: [{ kind: 'icmpv6Type', label: 'type[/code]|name' }],
      invert: true,
      required: true,
      summary: 'ICMPv6 type by name or number, optionally with a code.',
    },
  ],
};
