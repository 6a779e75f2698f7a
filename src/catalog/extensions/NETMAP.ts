import type { ExtensionDef } from '../types.js';

export const NETMAP: ExtensionDef = {
  name: 'NETMAP',
  type: 'target',
  families: ['ipv4', 'ipv6'],
  summary: 'Maps a whole network onto another one of the same size, one to one, keeping the host part.',
  tables: ['nat'],
  hooks: ['PREROUTING', 'POSTROUTING', 'OUTPUT', 'INPUT'],
  options: [
    {
      name: 'to',
      args: [{ kind: 'hostMask', label: 'address[/mask]' }],
      required: true,
      summary: 'The network to map to; the host bits of the address are kept from the packet.',
    },
  ],
};
