import type { ExtensionDef, ValueProblem } from '../types.js';

function validateOif(text: string): ValueProblem[] {
  const bytes = Buffer.byteLength(text, 'utf8');
  return bytes > 15
    ? [{ message: `interface name is ${bytes} bytes; iptables silently truncates it to 15`, severity: 'warning' }]
    : [];
}

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
