import type { ExtensionDef, ValueProblem, ValueSpec } from '../types.js';
import { cStrtoulExact } from '../values.js';

// ip6t_opts keeps at most 16 option specs.
const OPTS_MAX = 16;

/** strtoul base 0 as libip6t_dst reads each number: the whole text, no overflow; only the low 8 bits are kept. */
function parseNumber(text: string): { low: number; big: boolean } | string {
  const n = cStrtoulExact(text, 0, 0);
  if (n.end === 0) return 'no digits';
  if (n.overflow) return 'does not fit in 64 bits';
  if (n.end !== text.length) return 'unexpected characters after the number';
  return { low: Number(n.value & 0xffn), big: n.value > 0xffn };
}

/**
 * `type[:length][,type[:length]...]` for the dst and hbh matches. iptables
 * keeps only the low 8 bits of each number, so large values are a warning.
 */
export function validateIpv6Options(text: string): ValueProblem[] {
  const items = text.split(',');
  if (items.length > OPTS_MAX) return [{ message: `${items.length} options: at most ${OPTS_MAX} are allowed` }];
  const problems: ValueProblem[] = [];
  let start = 0;
  items.forEach((item, i) => {
    const end = start + item.length;
    const colon = item.indexOf(':');
    const type = colon < 0 ? item : item.slice(0, colon);
    const length = colon < 0 ? undefined : item.slice(colon + 1);
    const t = parseNumber(type);
    const l = length === undefined ? { low: 0, big: false } : parseNumber(length);
    if (typeof t === 'string' || typeof l === 'string') {
      problems.push({ message: `\`${item}\` is not type[:length]: ${typeof t === 'string' ? t : l}`, start, end });
    } else if (length !== undefined && i === OPTS_MAX - 1) {
      problems.push({ message: 'the last of 16 options cannot carry a length', start, end });
    } else if (length !== undefined && t.low === 0) {
      problems.push({ message: 'option 0 (Pad1) has no length', start, end });
    } else if (t.big || l.big) {
      problems.push({ message: `\`${item}\`: only the low 8 bits are used`, severity: 'warning', start, end });
    }
    start = end + 1;
  });
  return problems;
}

export const ipv6OptionList: ValueSpec = {
  kind: 'custom',
  label: 'type[:length][,type[:length]...]',
  validate: validateIpv6Options,
};

export const dst: ExtensionDef = {
  name: 'dst',
  type: 'match',
  families: ['ipv6'],
  summary: 'Matches the IPv6 Destination Options extension header.',
  options: [
    {
      name: 'dst-len',
      args: [{ kind: 'uint', min: 0, max: 0xffffffff, label: 'length' }],
      invert: true,
      summary: 'Length of the header in 8-octet units, not counting the first 8.',
    },
    {
      name: 'dst-opts',
      args: [ipv6OptionList],
      summary: 'Options that must appear, by type and optionally length.',
    },
  ],
};
