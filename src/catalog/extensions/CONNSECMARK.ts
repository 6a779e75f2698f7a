import type { ExtensionDef } from '../types.js';

export const CONNSECMARK: ExtensionDef = {
  name: 'CONNSECMARK',
  type: 'target',
  families: ['ipv4', 'ipv6'],
  summary: 'Copies the security mark between the packet and its connection.',
  // Not in the registration: xt_CONNSECMARK's checkentry refuses every table but these two.
  tables: ['mangle', 'security'],
  constraints: [{ kind: 'oneOf', options: ['save', 'restore'], message: 'CONNSECMARK needs --save or --restore' }],
  options: [
    { name: 'save', summary: 'Copy the packet security mark to the connection, if the connection has none.' },
    { name: 'restore', summary: 'Copy the connection security mark to the packet, if the packet has none.' },
  ],
};
