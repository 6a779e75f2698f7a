import type { ExtensionDef } from '../types.js';

export const HL: ExtensionDef = {
  name: 'HL',
  type: 'target',
  families: ['ipv6'],
  summary: '',
  tables: ['mangle'],
  constraints: [{ kind: 'oneOf', options: ['hl-set', 'hl-dec', 'hl-inc'], message: 'HL needs one of --hl-set, --hl-dec, --hl-inc' }],
  options: [
    { name: 'hl-set', args: [{ kind: 'uint', min: 0, max: 255, label: 'value' }], summary: 'Set the IPv6 hop limit to this value.' },
    { name: 'hl-dec', args: [{ kind: 'uint', min: 1, max: 255, label: 'value' }], summary: 'Decrement the IPv6 hop limit by this much.' },
    { name: 'hl-inc', args: [{ kind: 'uint', min: 1, max: 255, label: 'value' }], summary: 'Increment the IPv6 hop limit by this much.' },
  ],
};
