import type { ExtensionDef, ValueSpec } from '../types.js';
import { prefixListValidator } from './conntrack.js';

// Route types in the order iptables tries them: an abbreviation is matched
// case-insensitively against this list and the first hit wins ("U" = UNSPEC).
const ROUTE_TYPES = [
  'UNSPEC',
  'UNICAST',
  'LOCAL',
  'BROADCAST',
  'ANYCAST',
  'MULTICAST',
  'BLACKHOLE',
  'UNREACHABLE',
  'PROHIBIT',
  'THROW',
  'NAT',
  'XRESOLVE',
] as const;

const typeList: ValueSpec = {
  kind: 'custom',
  label: 'type[,type...]',
  choices: ROUTE_TYPES,
  caseInsensitive: true,
  validate: prefixListValidator('address type', ROUTE_TYPES),
};

export const addrtype: ExtensionDef = {
  name: 'addrtype',
  type: 'match',
  families: ['ipv4', 'ipv6'],
  summary: 'Matches on the routing type (local, broadcast, unicast, …) of the source or destination address.',
  options: [
    {
      name: 'src-type',
      args: [typeList],
      invert: true,
      summary: 'Source address must have one of these route types.',
    },
    {
      name: 'dst-type',
      args: [typeList],
      invert: true,
      summary: 'Destination address must have one of these route types.',
    },
    {
      // The kernel refuses this in OUTPUT and POSTROUTING (there is no input device there).
      name: 'limit-iface-in',
      excludes: ['limit-iface-out'],
      summary: 'Look the address up only on the incoming interface (PREROUTING, INPUT, FORWARD only).',
    },
    {
      // The kernel refuses this in PREROUTING and INPUT (there is no output device there).
      name: 'limit-iface-out',
      excludes: ['limit-iface-in'],
      summary: 'Look the address up only on the outgoing interface (OUTPUT, FORWARD, POSTROUTING only).',
    },
  ],
  constraints: [
    { kind: 'anyOf', options: ['src-type', 'dst-type'], message: 'addrtype needs --src-type or --dst-type' },
  ],
};
