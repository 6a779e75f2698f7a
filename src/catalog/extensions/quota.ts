import type { ExtensionDef } from '../types.js';

export const quota: ExtensionDef = {
  name: 'quota',
  type: 'match',
  families: ['ipv4', 'ipv6'],
  summary: 'Matches until a byte budget is used up; the remaining quota is kept per rule.',
  options: [
    {
      name: 'quota',
      // A 64-bit counter; the bound is as close to 2^64-1 as a JavaScript number gets.
      args: [{ kind: 'uint', min: 0, max: 2 ** 64 - 1, label: 'bytes' }],
      invert: true,
      required: true,
      summary: 'Number of bytes that may match before the rule stops matching.',
    },
  ],
};
