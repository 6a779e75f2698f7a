import type { ExtensionDef, ValueProblem } from '../types.js';

/**
 * Names iptables accepts for each header it can test: its own short names,
 * numbers, and the /etc/protocols names (and aliases) of those protocol
 * numbers, which it tries first with getprotobyname (case-sensitive).
 */
const HEADER_NAMES = new Set([
  'hop-by-hop', 'hop', 'dst', 'route', 'frag', 'auth', 'esp', 'none', 'protocol', 'prot',
  '0', '60', '43', '44', '51', '50', '59', '255',
  'ip', 'IP', 'hopopt', 'HOPOPT', 'ipv6-opts', 'IPv6-Opts', 'ipv6-route', 'IPv6-Route',
  'ipv6-frag', 'IPv6-Frag', 'ah', 'IPSEC-AH', 'IPSEC-ESP', 'ipv6-nonxt', 'IPv6-NoNxt',
]);

// strtok(","): empty items are skipped, but at least one header must remain.
function validateHeaders(text: string): ValueProblem[] {
  const words = text.split(',').filter((w) => w !== '');
  if (words.length === 0) return [{ message: 'no header names given' }];
  const bad = words.filter((w) => !HEADER_NAMES.has(w));
  return bad.length
    ? [{ message: `unknown header ${bad.map((w) => `\`${w}\``).join(', ')}; use hop, dst, route, frag, auth, esp, none or prot` }]
    : [];
}

export const ipv6header: ExtensionDef = {
  name: 'ipv6header',
  type: 'match',
  families: ['ipv6'],
  summary: 'Matches on which IPv6 extension headers the packet carries.',
  options: [
    {
      name: 'header',
      args: [{ kind: 'custom', label: 'header[,header...]', validate: validateHeaders }],
      invert: true,
      required: true,
      summary: 'The set of extension headers (exactly these, unless --soft).',
    },
    { name: 'soft', summary: 'Matches if the packet has at least the listed headers.' },
  ],
};
