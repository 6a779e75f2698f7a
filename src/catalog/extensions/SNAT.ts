// The natRange kind itself requires -p tcp/udp/sctp/dccp when a port is given.
import type { ExtensionDef } from '../types.js';

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
      args: [{ kind: 'natRange', label: '[ipaddr[-ipaddr]][:port[-port]]'}],
      required: true,
      summary: 'New source address or range, optionally with a port range.',
    },
    { name: 'random', summary: 'Randomise the source port mapping.' },
    { name: 'random-fully', summary: 'Fully randomise the source port mapping (PRNG for every connection).' },
    { name: 'persistent', summary: 'Give a client the same source address on every connection.' },
  ],
};
