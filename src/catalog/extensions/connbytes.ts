import type { ExtensionDef, ValueProblem } from '../types.js';
import { exactChoice } from './conntrack.js';

// Unlike most ranges, iptables refuses a reversed connbytes range outright.
function rejectReversed(text: string): ValueProblem[] {
  const [from, to] = text.split(':');
  if (!from || !to || !/^\d+$/.test(from) || !/^\d+$/.test(to)) return [];
  return BigInt(from) > BigInt(to) ? [{ message: `the range \`${text}\` is reversed: iptables requires from <= to` }] : [];
}

export const connbytes: ExtensionDef = {
  name: 'connbytes',
  type: 'match',
  families: ['ipv4', 'ipv6'],
  summary: 'Matches on how many packets or bytes a connection has transferred so far.',
  options: [
    {
      // 64-bit counters; an open upper end (`N:`) means no limit. The max is
      // 2^64-1, which a JS number can only approximate (it rounds up to 2^64).
      name: 'connbytes',
      args: [{ kind: 'uintRange', min: 0, max: 18446744073709551615, label: 'from[:to]', validate: rejectReversed }],
      invert: true,
      required: true,
      summary: 'Inclusive range of the counter selected by --connbytes-mode.',
    },
    {
      name: 'connbytes-dir',
      args: [exactChoice('original|reply|both', ['original', 'reply', 'both'], false)],
      required: true,
      summary: 'Which direction of the connection to count.',
    },
    {
      name: 'connbytes-mode',
      args: [exactChoice('packets|bytes|avgpkt', ['packets', 'bytes', 'avgpkt'], false)],
      required: true,
      summary: 'Count packets, bytes, or the average packet size.',
    },
  ],
};
