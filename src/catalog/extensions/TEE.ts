import { truncatedText } from '../values.js';
import type { ExtensionDef } from '../types.js';

const validateOif = truncatedText('interface name', 15);

export const TEE: ExtensionDef = {
  name: 'TEE',
  type: 'target',
  families: ['ipv4', 'ipv6'],
  summary: 'Sends a copy of the packet to another host on the local network; the original continues.',
  options: [
    {
      name: 'gateway',
      args: [{ kind: 'host', label: 'address' }],
      required: true,
      summary: 'Address of the host that receives the copy (routed as the next hop).',
    },
    {
      name: 'oif',
      args: [{ kind: 'string', label: 'interface', validate: validateOif }],
      summary: 'Send the copy out of this interface.',
    },
  ],
};
