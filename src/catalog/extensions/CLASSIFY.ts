import type { ExtensionDef, ValueProblem } from '../types.js';

/**
 * iptables reads the class with sscanf("%x:%x"): each number may follow white
 * space, a sign and a 0x prefix, the colon must come right after the first
 * one, and whatever follows the second is ignored. Each is read into 32 bits
 * and then only its low 16 bits are kept.
 */
const SCANF_HEX = /^[ \t\n\v\f\r]*([+-]?)(0[xX][0-9a-fA-F]*|[0-9a-fA-F]+)/;

function scanHex(text: string, from: number): { value: bigint; end: number; signed: boolean } | undefined {
  const m = SCANF_HEX.exec(text.slice(from));
  if (!m) return undefined;
  const digits = m[2]!.replace(/^0[xX]/, '') || '0';
  let value = BigInt('0x' + digits);
  // scanf converts like strtoul: out of range saturates, a minus sign negates modulo 2^64.
  const u64 = (1n << 64n) - 1n;
  if (value > u64) value = u64;
  else if (m[1] === '-') value = (u64 + 1n - value) & u64;
  return { value: value & 0xffffffffn, end: from + m[0].length, signed: m[1] !== '' };
}

function validateClass(text: string): ValueProblem[] {
  const bad = { message: `\`${text}\` is not a traffic-control class MAJOR:MINOR (hex numbers)` };
  const major = scanHex(text, 0);
  if (!major || text[major.end] !== ':') return [bad];
  const minor = scanHex(text, major.end + 1);
  if (!minor) return [bad];
  const problems: ValueProblem[] = [];
  const kept = (n: bigint) => (n & 0xffffn).toString(16);
  for (const [part, start, end] of [[major, 0, major.end], [minor, major.end + 1, minor.end]] as const) {
    if (part.value > 0xffffn || part.signed) {
      problems.push({
        message: `\`${text.slice(start, end)}\` is read as ${part.value.toString(16)} and only its low 16 bits are kept: write ${kept(part.value)}`,
        severity: 'warning',
        start,
        end,
      });
    }
  }
  if (minor.end < text.length) {
    problems.push({ message: `iptables ignores \`${text.slice(minor.end)}\` after the class`, severity: 'warning', start: minor.end, end: text.length });
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
