import type { ExtensionDef } from '../types.js';
import { within64Bits } from '../values.js';

export const quota: ExtensionDef = {
  name: 'quota',
  type: 'match',
  families: ['ipv4', 'ipv6'],
  summary: 'Matches until a byte budget is used up; the remaining quota is kept per rule.',
  options: [
    {
      name: 'quota',
      args: [{ kind: 'uint', min: 0, max: 2 ** 64 - 1, label: 'bytes', validate: within64Bits }],
      invert: true,
      required: true,
      summary: 'Number of bytes that may match before the rule stops matching.',
    },
  ],
};
