import type { ExtensionDef, ValueContext, ValueProblem } from '../types.js';

// iptables' NAT parser accepts a port part only when the rule's -p is one of
// these (IPPROTO_ICMP included, as in libxt_NAT.c), by name or number.
const PORT_PROTOCOLS = new Set(['tcp', 'udp', 'sctp', 'dccp', 'icmp', '6', '17', '132', '33', '1']);

function portProtocolProblem(ctx: ValueContext): ValueProblem[] {
  return ctx.protocol !== undefined && PORT_PROTOCOLS.has(ctx.protocol)
    ? []
    : [{ message: 'a port needs `-p tcp`, `udp`, `sctp` or `dccp` in the same rule' }];
}

/** Shared by the NAT targets: a port in --to-source/--to-destination needs a port protocol. */
export function natRangeNeedsPortProtocol(text: string, ctx: ValueContext): ValueProblem[] {
  let hasPort: boolean;
  const bracket = text.indexOf('[');
  if (bracket >= 0) {
    const close = text.indexOf(']', bracket);
    hasPort = close >= 0 && text.indexOf(':', close) >= 0;
  } else {
    // One colon means address:port; several mean a bare IPv6 address.
    const colons = text.split(':').length - 1;
    hasPort = colons === 1;
  }
  return hasPort ? portProtocolProblem(ctx) : [];
}

/** Shared by MASQUERADE and REDIRECT: --to-ports always names ports. */
export function natPortsNeedPortProtocol(_text: string, ctx: ValueContext): ValueProblem[] {
  return portProtocolProblem(ctx);
}

export const SNAT: ExtensionDef = {
  name: 'SNAT',
  type: 'target',
  families: ['ipv4', 'ipv6'],
  summary: 'Rewrites the source address (and optionally port) of a new connection.',
  tables: ['nat'],
  hooks: ['POSTROUTING', 'INPUT'],
  options: [
    {
      name: 'to-source',
      args: [{ kind: 'natRange', label: '[ipaddr[-ipaddr]][:port[-port]]', validate: natRangeNeedsPortProtocol }],
      required: true,
      summary: 'New source address or range, optionally with a port range.',
    },
    { name: 'random', summary: 'Randomise the source port mapping.' },
    { name: 'random-fully', summary: 'Fully randomise the source port mapping (PRNG for every connection).' },
    { name: 'persistent', summary: 'Give a client the same source address on every connection.' },
  ],
};
