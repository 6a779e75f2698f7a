import type { ExtensionDef, ValueProblem } from '../types.js';

/** Exact 64-bit bound: a JavaScript number cannot tell 2^64-1 from 2^64. */
function within64Bits(text: string): ValueProblem[] {
  if (!/^(0x[0-9a-f]+|\d+)$/i.test(text)) return [];
  return BigInt(text) > 0xffffffffffffffffn ? [{ message: `\`${text}\` is out of range 0-18446744073709551615` }] : [];
}

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
