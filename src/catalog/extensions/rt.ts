import { isIPv6 } from 'node:net';
import type { ExtensionDef, ValueProblem } from '../types.js';

// IP6T_RT_HOPS: the kernel structure holds at most 16 addresses.
const MAX_HOPS = 16;

/** Comma-separated numeric IPv6 addresses (no names, no prefixes). */
function validateAddrs(text: string): ValueProblem[] {
  const parts = text.split(',');
  if (parts.length > MAX_HOPS) return [{ message: `at most ${MAX_HOPS} addresses` }];
  const problems: ValueProblem[] = [];
  let at = 0;
  for (const part of parts) {
    if (!isIPv6(part) || part.includes('%'))
      problems.push({ message: `\`${part}\` is not a numeric IPv6 address`, start: at, end: at + part.length });
    at += part.length + 1;
  }
  return problems;
}

export const rt: ExtensionDef = {
  name: 'rt',
  type: 'match',
  families: ['ipv6'],
  summary: 'Matches fields of the IPv6 Routing extension header.',
  options: [
    {
      name: 'rt-type',
      args: [{ kind: 'uint', min: 0, max: 0xffffffff, label: 'type' }],
      invert: true,
      summary: 'Routing header type.',
    },
    {
      name: 'rt-segsleft',
      args: [{ kind: 'uintRange', min: 0, max: 0xffffffff, label: 'num[:num]' }],
      invert: true,
      summary: 'Segments Left field, or an inclusive range of it.',
    },
    {
      name: 'rt-len',
      args: [{ kind: 'uint', min: 0, max: 0xffffffff, label: 'length' }],
      invert: true,
      summary: 'Header Extension Length field.',
    },
    {
      // iptables insists on `--rt-type 0` (not inverted) given earlier in the rule.
      name: 'rt-0-res',
      requires: ['rt-type'],
      summary: 'Type 0 only: the reserved field is zero.',
    },
    {
      name: 'rt-0-addrs',
      args: [{ kind: 'custom', label: 'addr[,addr...]', validate: validateAddrs }],
      requires: ['rt-type'],
      summary: 'Type 0 only: the header lists these addresses, in this order (up to 16).',
    },
    {
      name: 'rt-0-not-strict',
      requires: ['rt-0-addrs'],
      summary: 'Type 0 only: the listed addresses may appear anywhere, not strictly in order.',
    },
  ],
};
