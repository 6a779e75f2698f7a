import type { ExtensionDef, ValueProblem } from '../types.js';

// Mobility Header type names and their numbers; iptables also accepts any
// case-insensitive prefix of a name (the first name in this order wins).
const MH_TYPES: readonly (readonly [string, number])[] = [
  ['binding-refresh-request', 0],
  ['brr', 0],
  ['home-test-init', 1],
  ['hoti', 1],
  ['careof-test-init', 2],
  ['coti', 2],
  ['home-test', 3],
  ['hot', 3],
  ['careof-test', 4],
  ['cot', 4],
  ['binding-update', 5],
  ['bu', 5],
  ['binding-acknowledgement', 6],
  ['ba', 6],
  ['binding-error', 7],
  ['be', 7],
];

/** The type number a word stands for, or undefined when iptables would reject it. */
function mhTypeNumber(word: string): number | undefined {
  const lower = word.toLowerCase();
  let found: number | undefined;
  for (const [name, type] of MH_TYPES) {
    if (name.startsWith(lower)) {
      if (found === undefined || name.length === lower.length) found = type;
    }
  }
  if (found !== undefined) return found;
  // strtoul with base 0: decimal, 0x hex or leading-zero octal.
  let n: number;
  if (/^0x[0-9a-f]+$/i.test(word)) n = parseInt(word.slice(2), 16);
  else if (/^0[0-7]*$/.test(word)) n = parseInt(word, 8);
  else if (/^[1-9]\d*$/.test(word)) n = parseInt(word, 10);
  else return undefined;
  return n <= 255 ? n : undefined;
}

function validateMhType(text: string): ValueProblem[] {
  if (text === '') return [{ message: 'empty Mobility Header type' }];
  const colon = text.indexOf(':');
  if (colon < 0) {
    return mhTypeNumber(text) === undefined ? [{ message: `unknown Mobility Header type \`${text}\`` }] : [];
  }
  const [lo, hi] = [text.slice(0, colon), text.slice(colon + 1)];
  const problems: ValueProblem[] = [];
  // An empty end stands for 0 or 255.
  const min = lo === '' ? 0 : mhTypeNumber(lo);
  const max = hi === '' ? 255 : mhTypeNumber(hi);
  if (min === undefined) problems.push({ message: `unknown Mobility Header type \`${lo}\``, start: 0, end: colon });
  if (max === undefined)
    problems.push({ message: `unknown Mobility Header type \`${hi}\``, start: colon + 1, end: text.length });
  if (min !== undefined && max !== undefined && min > max)
    problems.push({ message: `range start ${min} is greater than its end ${max}` });
  return problems;
}

export const mh: ExtensionDef = {
  name: 'mh',
  type: 'match',
  families: ['ipv6'],
  summary: 'Matches the type of an IPv6 Mobility Header; loaded by `-p mh` when its option follows.',
  implicitProtocol: true,
  // IPPROTO_MH (135); iptables also spells it ipv6-mh or mobility-header.
  protocols: ['mh'],
  options: [
    {
      name: 'mh-type',
      args: [{ kind: 'custom', label: 'type[:type]', validate: validateMhType }],
      invert: true,
      summary: 'Mobility Header type by name or number, or an inclusive range of them.',
    },
  ],
};
