import type { ExtensionDef } from '../types.js';

export const CHECKSUM: ExtensionDef = {
  name: 'CHECKSUM',
  type: 'target',
  families: ['ipv4', 'ipv6'],
  summary: 'Computes and fills in a missing layer-4 checksum (useful for virtual machines with checksum offload).',
  tables: ['mangle'],
  options: [
    {
      name: 'checksum-fill',
      required: true,
      summary: 'Fill in the checksum of the packet; the only action, so it must be given.',
    },
  ],
};
