import type { ExtensionDef, ValueProblem } from '../types.js';

/** Unlike most ranges, iptables refuses this one reversed. */
function ordered(text: string): ValueProblem[] {
  const m = /^(\d+):(\d+)$/.exec(text);
  return m && Number(m[1]) > Number(m[2]) ? [{ message: `range start ${m[1]} is greater than its end ${m[2]}` }] : [];
}

export const tcpmss: ExtensionDef = {
  name: 'tcpmss',
  type: 'match',
  families: ['ipv4', 'ipv6'],
  summary: 'Matches the Maximum Segment Size option of TCP SYN and SYN/ACK packets.',
  protocols: ['tcp'],
  options: [
    {
      name: 'mss',
      args: [{ kind: 'uintRange', min: 0, max: 65535, label: 'value[:value]', validate: ordered }],
      invert: true,
      required: true,
      summary: 'MSS value or inclusive range.',
    },
  ],
};
