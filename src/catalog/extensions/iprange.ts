import type { ExtensionDef } from '../types.js';

// Numeric addresses only (no hostnames); a reversed range is accepted with a
// warning from iptables and never matches.
const range = { kind: 'addressRange', label: 'from[-to]' } as const;

export const iprange: ExtensionDef = {
  name: 'iprange',
  type: 'match',
  families: ['ipv4', 'ipv6'],
  summary: 'Matches source or destination addresses within an arbitrary inclusive range.',
  options: [
    { name: 'src-range', args: [range], invert: true, summary: 'Source address lies in the range.' },
    { name: 'dst-range', args: [range], invert: true, summary: 'Destination address lies in the range.' },
  ],
  constraints: [
    { kind: 'anyOf', options: ['src-range', 'dst-range'], message: 'iprange needs --src-range or --dst-range' },
  ],
};
