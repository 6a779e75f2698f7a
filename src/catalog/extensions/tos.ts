import type { ExtensionDef } from '../types.js';

export const tos: ExtensionDef = {
  name: 'tos',
  type: 'match',
  families: ['ipv4', 'ipv6'],
  summary: 'Matches the IPv4 Type of Service byte (the IPv6 Traffic Class), optionally through a mask.',
  options: [
    {
      name: 'tos',
      // A symbolic name implies the mask 0x3f: only the old TOS bits, not the precedence.
      args: [{ kind: 'tosMask', label: 'value[/mask] or symbol' }],
      invert: true,
      required: true,
      summary: 'TOS value (ANDed with the mask, 0xff by default) or a symbolic name such as Minimize-Delay.',
    },
  ],
};
