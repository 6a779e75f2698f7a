import type { ExtensionDef } from '../types.js';

export const pkttype: ExtensionDef = {
  name: 'pkttype',
  type: 'match',
  families: ['ipv4', 'ipv6'],
  summary: 'Matches the link-layer packet type: unicast, broadcast or multicast.',
  options: [
    {
      name: 'pkt-type',
      // bcast, mcast and host are undocumented short names for broadcast, multicast and unicast.
      args: [
        {
          kind: 'enum',
          caseInsensitive: true,
          choices: ['unicast', 'broadcast', 'multicast', 'otherhost', 'outgoing', 'bcast', 'mcast', 'host'],
          label: 'type',
        },
      ],
      invert: true,
      required: true,
      summary: 'Link-layer packet class.',
    },
  ],
};
