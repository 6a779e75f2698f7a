import type { ExtensionDef } from '../types.js';

export const mac: ExtensionDef = {
  name: 'mac',
  type: 'match',
  families: ['ipv4', 'ipv6'],
  summary: 'Matches the Ethernet source address of incoming frames.',
  // The kernel refuses it where no link-layer header of a received frame exists.
  hooks: ['PREROUTING', 'INPUT', 'FORWARD'],
  options: [
    {
      name: 'mac-source',
      args: [{ kind: 'mac', label: 'XX:XX:XX:XX:XX:XX' }],
      invert: true,
      required: true,
      summary: 'Source MAC address, six colon-separated hex bytes.',
    },
  ],
};
