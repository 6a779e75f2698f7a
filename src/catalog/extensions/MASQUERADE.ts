import type { ExtensionDef, ValueProblem } from '../types.js';

// MASQUERADE's target has no base-port field: iptables accepts a /base and drops it.
function baseIgnored(text: string): ValueProblem[] {
  const slash = text.indexOf('/');
  return slash < 0
    ? []
    : [{ message: 'MASQUERADE ignores a /base port (only DNAT honours it)', severity: 'warning', start: slash, end: text.length }];
}

export const MASQUERADE: ExtensionDef = {
  name: 'MASQUERADE',
  type: 'target',
  families: ['ipv4', 'ipv6'],
  summary: 'Source NAT to the address of the outgoing interface, forgotten when the interface goes down.',
  tables: ['nat'],
  hooks: ['POSTROUTING'],
  options: [
    {
      name: 'to-ports',
      args: [{ kind: 'natPorts', label: 'port[-port]', validate: baseIgnored }],
      summary: 'Source port or port range to use.',
    },
    { name: 'random', summary: 'Randomise the source port mapping.' },
    { name: 'random-fully', summary: 'Fully randomise the source port mapping.' },
  ],
};
