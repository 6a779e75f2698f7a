import type { ExtensionDef, ValueContext, ValueProblem, ValueSpec } from '../types.js';
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

// xt_addrtype's IPv6 check refuses these (verified against the 6.x kernel of this machine).
const NOT_IPV6 = new Set(['BROADCAST', 'BLACKHOLE', 'PROHIBIT', 'THROW', 'NAT', 'XRESOLVE']);

const checkNames = prefixListValidator('address type', ROUTE_TYPES);

function validateTypes(text: string, ctx: ValueContext): ValueProblem[] {
  const problems = checkNames(text);
  if (problems.length || ctx.family !== 'ipv6') return problems;
  let start = 0;
  for (const word of text.split(',')) {
    const type = ROUTE_TYPES.find((t) => t.startsWith(word.toUpperCase()))!;
    if (NOT_IPV6.has(type)) {
      problems.push({ message: `the kernel does not support address type ${type} for IPv6`, start, end: start + word.length });
    }
    start += word.length + 1;
  }
  return problems;
}

const typeList: ValueSpec = {
  kind: 'custom',
  label: 'type[,type...]',
  choices: ROUTE_TYPES,
  caseInsensitive: true,
  validate: validateTypes,
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
      hooks: ['PREROUTING', 'INPUT', 'FORWARD'],
      summary: 'Look the address up only on the incoming interface (PREROUTING, INPUT, FORWARD only).',
    },
    {
      // The kernel refuses this in PREROUTING and INPUT (there is no output device there).
      name: 'limit-iface-out',
      excludes: ['limit-iface-in'],
      hooks: ['OUTPUT', 'FORWARD', 'POSTROUTING'],
      summary: 'Look the address up only on the outgoing interface (OUTPUT, FORWARD, POSTROUTING only).',
    },
  ],
  constraints: [
    { kind: 'anyOf', options: ['src-type', 'dst-type'], message: 'addrtype needs --src-type or --dst-type' },
  ],
};
