import type { ExtensionDef } from '../types.js';

export const TTL: ExtensionDef = {
  name: 'TTL',
  type: 'target',
  families: ['ipv4'],
  summary: '',
  tables: ['mangle'],
  constraints: [{ kind: 'oneOf', options: ['ttl-set', 'ttl-dec', 'ttl-inc'], message: 'TTL needs one of --ttl-set, --ttl-dec, --ttl-inc' }],
  options: [
    { name: 'ttl-set', args: [{ kind: 'uint', min: 0, max: 255, label: 'value' }], summary: 'Set the IPv4 TTL to this value.' },
    { name: 'ttl-dec', args: [{ kind: 'uint', min: 1, max: 255, label: 'value' }], summary: 'Decrement the IPv4 TTL by this much.' },
    { name: 'ttl-inc', args: [{ kind: 'uint', min: 1, max: 255, label: 'value' }], summary: 'Increment the IPv4 TTL by this much.' },
  ],
};
