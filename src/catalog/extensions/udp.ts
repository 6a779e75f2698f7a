import type { ExtensionDef } from '../types.js';

export const udp: ExtensionDef = {
  name: 'udp',
  type: 'match',
  families: ['ipv4', 'ipv6'],
  summary: 'Matches UDP ports; loaded by `-p udp` when one of its options follows.',
  implicitProtocol: true,
  protocols: ['udp'],
  options: [
    {
      // Unlike tcp, iptables reads udp port numbers through getaddrinfo, which silently
      // wraps numbers above 65535 (70000 becomes 4464) instead of refusing them.
      name: 'sport',
      aliases: ['source-port'],
      args: [{ kind: 'portRange', label: 'port[:port]', portParser: 'getaddrinfo' }],
      invert: true,
      summary: 'Source port or inclusive port range.',
    },
    {
      name: 'dport',
      aliases: ['destination-port'],
      args: [{ kind: 'portRange', label: 'port[:port]', portParser: 'getaddrinfo' }],
      invert: true,
      summary: 'Destination port or inclusive port range.',
    },
  ],
};
