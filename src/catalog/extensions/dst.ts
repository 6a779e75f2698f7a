import type { ExtensionDef, ValueProblem, ValueSpec } from '../types.js';

// ip6t_opts keeps at most 16 option specs.
const OPTS_MAX = 16;

function parseNumber(text: string): number | undefined {
  if (/^0x[0-9a-f]+$/i.test(text)) return parseInt(text.slice(2), 16);
  if (/^0[0-7]*$/.test(text)) return parseInt(text, 8);
  if (/^[1-9]\d*$/.test(text)) return Number(text);
  return undefined;
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
    const [type, length, extra] = item.split(':');
    const t = parseNumber(type!);
    const l = length === undefined ? 0 : parseNumber(length);
    if (t === undefined || l === undefined || extra !== undefined) {
      problems.push({ message: `\`${item}\` is not type[:length]`, start, end });
    } else if (length !== undefined && i === OPTS_MAX - 1) {
      problems.push({ message: 'the last of 16 options cannot carry a length', start, end });
    } else if (length !== undefined && (t & 0xff) === 0) {
      problems.push({ message: 'option 0 (Pad1) has no length', start, end });
    } else if (t > 255 || l > 255) {
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
