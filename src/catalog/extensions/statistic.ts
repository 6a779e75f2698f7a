import type { ExtensionDef } from '../types.js';

export const statistic: ExtensionDef = {
  name: 'statistic',
  type: 'match',
  families: ['ipv4', 'ipv6'],
  summary: 'Matches a random share of packets, or every n-th packet.',
  options: [
    {
      name: 'mode',
      // Compared case-sensitively.
      args: [{ kind: 'enum', choices: ['random', 'nth'], label: 'random|nth' }],
      required: true,
      summary: 'random: match with a probability; nth: match one packet in every n.',
    },
    {
      name: 'probability',
      args: [{ kind: 'double', min: 0, max: 1, label: 'p' }],
      invert: true,
      excludes: ['every', 'packet'],
      summary: 'Random mode: chance (0 to 1) that a packet matches.',
    },
    {
      name: 'every',
      args: [{ kind: 'uint', min: 1, max: 0xffffffff, label: 'n' }],
      invert: true,
      excludes: ['probability'],
      requires: ['packet'],
      summary: 'Nth mode: match one packet out of every n.',
    },
    {
      name: 'packet',
      args: [{ kind: 'uint', min: 0, max: 0xffffffff, label: 'p' }],
      excludes: ['probability'],
      requires: ['every'],
      summary: 'Nth mode: which packet of each group of n matches, counting from 0.',
    },
  ],
  // The mode decides which is needed: random wants --probability, nth wants --every/--packet.
  constraints: [
    {
      kind: 'oneOf',
      options: ['probability', 'every'],
      message: 'statistic needs --probability (mode random) or --every and --packet (mode nth)',
    },
    // iptables: "the --packet p must be 0 <= p <= n-1".
    { kind: 'less', options: ['packet', 'every'], message: '--packet must be below --every (packets are counted from 0 to every-1)' },
  ],
};
