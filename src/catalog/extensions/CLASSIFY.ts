import type { ExtensionDef, ValueProblem } from '../types.js';

// iptables reads the class with sscanf("%x:%x"): two hex numbers, each stored in 16 bits.
function validateClass(text: string): ValueProblem[] {
  const m = /^([0-9a-fA-F]+):([0-9a-fA-F]+)$/.exec(text);
  if (!m) return [{ message: `\`${text}\` is not a traffic-control class MAJOR:MINOR (hex numbers)` }];
  const problems: ValueProblem[] = [];
  for (const part of [m[1]!, m[2]!]) {
    if (parseInt(part, 16) > 0xffff) {
      problems.push({ message: `\`${part}\` does not fit in 16 bits (at most ffff); the high bits are lost`, severity: 'warning' });
    }
  }
  return problems;
}

export const CLASSIFY: ExtensionDef = {
  name: 'CLASSIFY',
  type: 'target',
  families: ['ipv4', 'ipv6'],
  summary: 'Sets the skb priority so that a classful qdisc puts the packet in the given tc class.',
  // The kernel registration allows only these hooks (any table that has them).
  hooks: ['OUTPUT', 'FORWARD', 'POSTROUTING'],
  options: [
    {
      name: 'set-class',
      args: [{ kind: 'custom', label: 'MAJOR:MINOR', validate: validateClass }],
      required: true,
      summary: 'The tc class, as hexadecimal MAJOR:MINOR.',
    },
  ],
};
