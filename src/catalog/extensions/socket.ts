import type { ExtensionDef } from '../types.js';

export const socket: ExtensionDef = {
  name: 'socket',
  type: 'match',
  families: ['ipv4', 'ipv6'],
  summary: 'Matches packets for which a local socket exists (an established connection or a listener), as TPROXY setups need.',
  // The socket lookup is done on incoming packets only.
  hooks: ['PREROUTING', 'INPUT'],
  options: [
    { name: 'transparent', summary: 'Only match sockets that have the IP_TRANSPARENT option set.' },
    { name: 'nowildcard', summary: 'Do not match listeners bound to the wildcard address (0.0.0.0 or ::).' },
    { name: 'restore-skmark', summary: 'Copy the matched socket’s mark into the packet mark.' },
  ],
};
