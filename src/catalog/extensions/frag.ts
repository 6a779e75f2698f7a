import type { ExtensionDef } from '../types.js';

export const frag: ExtensionDef = {
  name: 'frag',
  type: 'match',
  families: ['ipv6'],
  summary: 'Matches fields of the IPv6 Fragment extension header.',
  options: [
    {
      name: 'fragid',
      args: [{ kind: 'uintRange', min: 0, max: 0xffffffff, label: 'id[:id]' }],
      invert: true,
      summary: 'Fragment identification, or an inclusive range.',
    },
    {
      name: 'fraglen',
      args: [{ kind: 'uint', min: 0, max: 0xffffffff, label: 'length' }],
      invert: true,
      summary: 'Value of the header length field.',
    },
    { name: 'fragres', summary: 'Reserved fields must be zero.' },
    { name: 'fragfirst', summary: 'Only the first fragment (offset zero).' },
    { name: 'fragmore', excludes: ['fraglast'], summary: 'More fragments follow (M flag set).' },
    { name: 'fraglast', excludes: ['fragmore'], summary: 'The last fragment (M flag clear).' },
  ],
};
