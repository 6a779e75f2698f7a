import type { ExtensionDef } from '../types.js';

// Revision 1 (IPv4 and IPv6 in both kernels) is described.
export const TPROXY: ExtensionDef = {
  name: 'TPROXY',
  type: 'target',
  families: ['ipv4', 'ipv6'],
  summary: 'Delivers the packet to a local transparent-proxy socket without changing its destination.',
  tables: ['mangle'],
  hooks: ['PREROUTING'],
  // Not in the registration: the kernel's checkentry wants -p tcp or -p udp.
  protocols: ['tcp', 'udp'],
  options: [
    {
      name: 'on-port',
      args: [{ kind: 'port', label: 'port', portParser: 'getaddrinfo' }],
      required: true,
      summary: 'Local port of the proxy socket (0: the packet\'s destination port).',
    },
    {
      name: 'on-ip',
      args: [{ kind: 'host', label: 'address' }],
      summary: 'Local address of the proxy socket (default: the incoming interface\'s address).',
    },
    {
      name: 'tproxy-mark',
      args: [{ kind: 'markMask', label: 'value[/mask]' }],
      summary: 'Mark the packet so that policy routing delivers it locally.',
    },
  ],
};
