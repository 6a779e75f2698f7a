import type { ExtensionDef } from '../types.js';

export const length: ExtensionDef = {
  name: 'length',
  type: 'match',
  families: ['ipv4', 'ipv6'],
  summary: 'Matches the length of the layer-3 payload plus header (the whole packet as the IP layer sees it).',
  options: [
    {
      name: 'length',
      // iptables does not order the two ends: 10:5 is accepted and simply never matches.
      args: [{ kind: 'uintRange', min: 0, max: 65535, label: 'length[:length]' }],
      invert: true,
      required: true,
      summary: 'Packet length in bytes, or an inclusive range of lengths.',
    },
  ],
};
