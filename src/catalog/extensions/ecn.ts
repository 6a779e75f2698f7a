import type { ExtensionDef } from '../types.js';

export const ecn: ExtensionDef = {
  name: 'ecn',
  type: 'match',
  families: ['ipv4', 'ipv6'],
  summary: 'Matches the ECN bits of the IP header and the ECN-related TCP flags.',
  options: [
    {
      // The kernel refuses the TCP flag tests unless the rule says `-p tcp` (not inverted).
      name: 'ecn-tcp-cwr',
      invert: true,
      protocols: ['tcp'],
      summary: 'TCP Congestion Window Reduced flag is set (needs -p tcp).',
    },
    {
      name: 'ecn-tcp-ece',
      invert: true,
      protocols: ['tcp'],
      summary: 'TCP ECN-Echo flag is set (needs -p tcp).',
    },
    {
      name: 'ecn-ip-ect',
      args: [{ kind: 'uint', min: 0, max: 3, label: '0-3' }],
      invert: true,
      summary: 'Value of the two ECN bits in the IP header (ECT codepoint).',
    },
  ],
  constraints: [
    {
      kind: 'anyOf',
      options: ['ecn-tcp-cwr', 'ecn-tcp-ece', 'ecn-ip-ect'],
      message: 'ecn needs at least one option',
    },
  ],
};
