import type { ExtensionDef } from '../types.js';

const PORTS = { kind: 'portList', maxItems: 15, label: 'port[,port|,port:port]...' } as const;
const ALL = ['sports', 'dports', 'ports'] as const;

export const multiport: ExtensionDef = {
  name: 'multiport',
  type: 'match',
  families: ['ipv4', 'ipv6'],
  summary: 'Matches a list of up to 15 ports or port ranges (a range counts as two) in one rule.',
  // Both iptables and the kernel's checkentry insist on one of these protocols, not inverted.
  protocols: ['tcp', 'udp', 'udplite', 'sctp', 'dccp'],
  options: [
    {
      name: 'sports',
      aliases: ['source-ports'],
      args: [PORTS],
      invert: true,
      excludes: ALL.filter((o) => o !== 'sports'),
      summary: 'Source port is one of the listed ports or ranges.',
    },
    {
      name: 'dports',
      aliases: ['destination-ports'],
      args: [PORTS],
      invert: true,
      excludes: ALL.filter((o) => o !== 'dports'),
      summary: 'Destination port is one of the listed ports or ranges.',
    },
    {
      name: 'ports',
      args: [PORTS],
      invert: true,
      excludes: ALL.filter((o) => o !== 'ports'),
      summary: 'Either the source or the destination port is one of the listed ports or ranges.',
    },
  ],
  constraints: [{ kind: 'oneOf', options: ALL, message: 'multiport needs one of --sports, --dports or --ports' }],
};
