import type { ExtensionDef, ValueProblem } from '../types.js';

const OPTION_NAMES: Record<string, number> = { wscale: 3, mss: 2, 'sack-permitted': 4, sack: 5, timestamp: 8, md5: 19 };

// Names are compared exactly; numbers go through strtoul with base 0 (hex, octal).
function validateOptions(text: string): ValueProblem[] {
  const problems: ValueProblem[] = [];
  const seen = new Set<number>();
  let offset = 0;
  for (const item of text.split(',')) {
    const start = offset;
    const end = start + item.length;
    offset = end + 1;
    let n: number | undefined = OPTION_NAMES[item];
    if (n === undefined) {
      if (/^0[xX][0-9a-fA-F]+$/.test(item)) n = parseInt(item, 16);
      else if (/^0[0-7]*$/.test(item)) n = parseInt(item, 8);
      else if (/^[1-9]\d*$/.test(item)) n = Number(item);
    }
    if (n === undefined || n > 255) {
      problems.push({ message: `\`${item}\` is not a TCP option name or number 2-255`, start, end });
    } else if (n < 2) {
      problems.push({ message: 'TCP options 0 (end) and 1 (no-op) cannot be stripped', start, end });
    } else if (seen.has(n)) {
      problems.push({ message: `option \`${item}\` is listed twice`, start, end });
    } else {
      seen.add(n);
    }
  }
  return problems;
}

export const TCPOPTSTRIP: ExtensionDef = {
  name: 'TCPOPTSTRIP',
  type: 'target',
  families: ['ipv4', 'ipv6'],
  summary: 'Removes the given TCP options from TCP packets (replaces them with no-ops).',
  tables: ['mangle'],
  protocols: ['tcp'],
  options: [
    {
      // Saved as numbers: `mss,sack` comes back as `2,5`.
      name: 'strip-options',
      args: [{ kind: 'custom', label: 'option[,option…]', validate: validateOptions }],
      summary: 'TCP options to strip: wscale, mss, sack-permitted, sack, timestamp, md5 or a number.',
    },
  ],
};
