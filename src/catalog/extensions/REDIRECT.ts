import type { ExtensionDef, ValueProblem } from '../types.js';

// iptables refuses a shifted port map (port-port/base) for REDIRECT outright.
function noBase(text: string): ValueProblem[] {
  const slash = text.indexOf('/');
  return slash < 0 ? [] : [{ message: 'REDIRECT takes no /base port ("shifted portmap ranges not supported")', start: slash, end: text.length }];
}

export const REDIRECT: ExtensionDef = {
  name: 'REDIRECT',
  type: 'target',
  families: ['ipv4', 'ipv6'],
  summary: 'Redirects the packet to the local machine (primary address of the incoming interface, or loopback).',
  tables: ['nat'],
  hooks: ['PREROUTING', 'OUTPUT'],
  options: [
    {
      name: 'to-ports',
      args: [{ kind: 'natPorts', label: 'port[-port]', validate: noBase }],
      summary: 'Local destination port or port range.',
    },
    { name: 'random', summary: 'Randomise the port mapping.' },
  ],
};
