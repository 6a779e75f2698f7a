import type { ExtensionDef } from '../types.js';

export const cpu: ExtensionDef = {
  name: 'cpu',
  type: 'match',
  families: ['ipv4', 'ipv6'],
  summary: 'Matches on the CPU that is processing the packet.',
  options: [
    {
      name: 'cpu',
      args: [{ kind: 'uint', min: 0, max: 0xffffffff, label: 'number' }],
      invert: true,
      required: true,
      summary: 'CPU number (0-based).',
    },
  ],
};
