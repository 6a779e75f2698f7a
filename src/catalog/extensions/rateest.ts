import type { ExtensionDef, OptionDef, ValueProblem, ValueSpec } from '../types.js';

// Units iptables borrows from tc; it compares them without regard to case.
const RATE_UNITS = [
  'bit', 'kibit', 'kbit', 'mibit', 'mbit', 'gibit', 'gbit', 'tibit', 'tbit',
  'bps', 'kibps', 'kbps', 'mibps', 'mbps', 'gibps', 'gbps', 'tibps', 'tbps',
];

/** A number as strtod reads it, then nothing (bytes per second) or a unit. */
function validateBitRate(text: string): ValueProblem[] {
  // strtod also reads hex floats, inf and nan.
  const m =
    /^\s*[+-]?(?:0x(?:[0-9a-f]+\.?[0-9a-f]*|\.[0-9a-f]+)(?:p[+-]?\d+)?|(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?|inf(?:inity)?|nan)/i.exec(
      text,
    );
  if (!m) return [{ message: `\`${text}\` is not a rate` }];
  const unit = text.slice(m[0].length);
  if (unit === '' || RATE_UNITS.includes(unit.toLowerCase())) return [];
  return [{ message: `unknown rate unit \`${unit}\` (bit, kbit, mbit, gbit, Bps, KBps, MBps, …)`, start: m[0].length }];
}

// Estimator names are at most 15 bytes (IFNAMSIZ with the NUL). iptables cuts a longer
// name here without an error, and the cut name then matches no RATEEST estimator.
function nameLength(text: string): ValueProblem[] {
  const n = Buffer.byteLength(text, 'utf8');
  return n > 15
    ? [{ severity: 'warning', message: `name is ${n} bytes; iptables silently cuts it to 15, which no RATEEST name can match` }]
    : [];
}

const NAME: ValueSpec = { kind: 'string', label: 'name', validate: nameLength };
const BPS: ValueSpec = { kind: 'custom', label: 'bps', validate: validateBitRate };
const PPS: ValueSpec = { kind: 'uint', min: 0, max: 0xffffffff, label: 'pps' };

// The rate after --rateest-bps*/--rateest-pps* is optional: iptables takes the next
// word as the rate unless it starts with `-` or `!` (only absolute mode needs one).
function rateOption(name: string, spec: ValueSpec, summary: string, aliases?: string[]): OptionDef {
  return { name, ...(aliases ? { aliases } : {}), args: [spec], optionalArg: true, summary };
}

export const rateest: ExtensionDef = {
  name: 'rateest',
  type: 'match',
  families: ['ipv4', 'ipv6'],
  summary: 'Compares rates measured by RATEEST target estimators with each other or with a fixed rate.',
  options: [
    {
      // iptables-save prints --rateest when no second estimator is used, --rateest1 otherwise.
      name: 'rateest1',
      aliases: ['rateest'],
      args: [NAME],
      summary: 'Name of the (first) rate estimator, created by a RATEEST target rule.',
    },
    {
      name: 'rateest2',
      args: [NAME],
      summary: 'Name of a second estimator to compare the first one with (relative mode).',
    },
    { name: 'rateest-delta', summary: 'Compare how far each estimator is above its given rate instead of the rates themselves.' },
    rateOption('rateest-bps1', BPS, 'Compare the first estimator’s byte rate, optionally against this rate.'),
    rateOption('rateest-pps1', PPS, 'Compare the first estimator’s packet rate, optionally against this rate.'),
    rateOption(
      'rateest-bps2',
      BPS,
      'Compare the byte rate of the second estimator, or in absolute mode against this rate.',
      ['rateest-bps'],
    ),
    rateOption(
      'rateest-pps2',
      PPS,
      'Compare the packet rate of the second estimator, or in absolute mode against this rate.',
      ['rateest-pps'],
    ),
    { name: 'rateest-lt', invert: true, summary: 'Match when the rate is less than the other rate.' },
    { name: 'rateest-gt', invert: true, summary: 'Match when the rate is greater than the other rate.' },
    { name: 'rateest-eq', invert: true, summary: 'Match when the two rates are equal.' },
  ],
  // iptables itself checks none of these; the kernel refuses the rule without them.
  constraints: [
    { kind: 'anyOf', options: ['rateest1'], message: 'rateest needs an estimator name (--rateest or --rateest1)' },
    {
      kind: 'anyOf',
      options: ['rateest-bps1', 'rateest-pps1', 'rateest-bps2', 'rateest-pps2'],
      message: 'rateest needs a byte rate (--rateest-bps*) or packet rate (--rateest-pps*) to compare',
    },
    {
      kind: 'anyOf',
      options: ['rateest-lt', 'rateest-gt', 'rateest-eq'],
      message: 'rateest needs a comparison: --rateest-lt, --rateest-gt or --rateest-eq',
    },
  ],
};
