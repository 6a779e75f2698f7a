import type { ExtensionDef } from '../types.js';

// Kernel checks not expressible here: --clamp-mss-to-pmtu only in FORWARD,
// OUTPUT and POSTROUTING; and with iptables-legacy the rule must also match
// SYN packets (e.g. --tcp-flags SYN,RST SYN) — iptables-nft skips that check.
export const TCPMSS: ExtensionDef = {
  name: 'TCPMSS',
  type: 'target',
  families: ['ipv4', 'ipv6'],
  summary: 'Rewrites the MSS option of TCP SYN packets, to work around PMTU discovery black holes.',
  protocols: ['tcp'],
  constraints: [
    { kind: 'anyOf', options: ['set-mss', 'clamp-mss-to-pmtu'], message: 'TCPMSS needs --set-mss or --clamp-mss-to-pmtu' },
  ],
  options: [
    {
      // 65535 minus the fixed IP header: 20 bytes for IPv4, 40 for IPv6.
      name: 'set-mss',
      args: [{ kind: 'uint', min: 0, max: 65515, label: 'value' }],
      family: 'ipv4',
      summary: 'Set the MSS to this value.',
    },
    {
      name: 'set-mss',
      args: [{ kind: 'uint', min: 0, max: 65495, label: 'value' }],
      family: 'ipv6',
      summary: 'Set the MSS to this value.',
    },
    {
      name: 'clamp-mss-to-pmtu',
      summary: 'Set the MSS to the path MTU minus the headers (FORWARD, OUTPUT, POSTROUTING only).',
    },
  ],
};
