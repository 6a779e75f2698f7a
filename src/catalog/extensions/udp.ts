import { portOptions } from './port-options.js';
import type { ExtensionDef } from '../types.js';

export const udp: ExtensionDef = {
  name: 'udp',
  type: 'match',
  families: ['ipv4', 'ipv6'],
  summary: 'Matches UDP ports; loaded by `-p udp` when one of its options follows.',
  implicitProtocol: true,
  protocols: ['udp'],
  options: [
    // Unlike tcp, iptables reads udp port numbers through getaddrinfo, which silently
    // wraps numbers above 65535 (70000 becomes 4464) instead of refusing them.
    ...portOptions('getaddrinfo'),
  ],
};
