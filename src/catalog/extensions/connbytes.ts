import type { ExtensionDef } from '../types.js';

export const connbytes: ExtensionDef = {
  name: 'connbytes',
  type: 'match',
  families: ['ipv4', 'ipv6'],
  summary: 'Matches on how many packets or bytes a connection has transferred so far.',
  options: [
    {
      // 64-bit counters; an open upper end (`N:`) means no limit.
      name: 'connbytes',
      args: [{ kind: 'uintRange', min: 0, max: 18446744073709551615, label: 'from[:to]' }],
      invert: true,
      required: true,
      summary: 'Inclusive range of the counter selected by --connbytes-mode.',
    },
    {
      name: 'connbytes-dir',
      args: [{ kind: 'enum', choices: ['original', 'reply', 'both'], label: 'original|reply|both' }],
      required: true,
      summary: 'Which direction of the connection to count.',
    },
    {
      name: 'connbytes-mode',
      args: [{ kind: 'enum', choices: ['packets', 'bytes', 'avgpkt'], label: 'packets|bytes|avgpkt' }],
      required: true,
      summary: 'Count packets, bytes, or the average packet size.',
    },
  ],
};
