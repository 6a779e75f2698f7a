import type { ExtensionDef } from '../types.js';

export const DNAT: ExtensionDef = {
  name: 'DNAT',
  type: 'target',
  families: ['ipv4', 'ipv6'],
  summary: 'Rewrites the destination address (and optionally port) of a new connection.',
  tables: ['nat'],
  hooks: ['PREROUTING', 'OUTPUT'],
  options: [
    {
      name: 'to-destination',
      // Revision 2 (both kernels) also takes a shifted port map: port-port/base.
      args: [{ kind: 'natRange', label: '[ipaddr[-ipaddr]][:port[-port[/base]]]' }],
      required: true,
      summary: 'New destination address or range, optionally with a port range.',
    },
    { name: 'random', summary: 'Randomise the port mapping.' },
    { name: 'persistent', summary: 'Give a client the same destination on every connection.' },
  ],
};
