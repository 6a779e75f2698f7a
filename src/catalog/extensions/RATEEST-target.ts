import { truncatedText } from '../values.js';
import type { ExtensionDef, ValueProblem } from '../types.js';

// Times are a decimal number (strtod) with an optional unit s/sec/secs, ms/msec/msecs,
// us/usec/usecs (any case); no unit means microseconds. Returns microseconds.
function parseTime(text: string): number | undefined {
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)([a-zA-Z]*)$/.exec(text);
  if (!m) return undefined;
  const unit = m[2]!.toLowerCase();
  const scale: Record<string, number> = { '': 1, s: 1e6, sec: 1e6, secs: 1e6, ms: 1e3, msec: 1e3, msecs: 1e3, us: 1, usec: 1, usecs: 1 };
  const f = scale[unit];
  return f === undefined ? undefined : Number(m[1]) * f;
}

function validateInterval(text: string): ValueProblem[] {
  const t = parseTime(text);
  if (t === undefined) return [{ message: `\`${text}\` is not a time such as 250ms or 1s` }];
  // The kernel encodes the interval as 2^n quarter seconds, n at most 5: 8 seconds.
  return t > 8e6 ? [{ message: 'the interval may be at most 8 seconds' }] : [];
}

function validateTime(text: string): ValueProblem[] {
  return parseTime(text) === undefined ? [{ message: `\`${text}\` is not a time such as 250ms or 1s` }] : [];
}

const truncatedName = truncatedText('name', 15);

// Not expressible per option: the final check also derives an EWMA log from the
// pair interval/ewmalog and rejects it when out of 1-30 (ewmalog too close to the interval).
export const RATEEST: ExtensionDef = {
  name: 'RATEEST',
  type: 'target',
  families: ['ipv4', 'ipv6'],
  summary: 'Feeds matching packets into a named rate estimator, read by the rateest match.',
  options: [
    {
      name: 'rateest-name',
      args: [{ kind: 'string', label: 'name', validate: truncatedName }],
      required: true,
      summary: 'Name of the estimator (shared by rules using the same name).',
    },
    {
      // iptables-save prints the times with one decimal and a unit: 250.0ms.
      name: 'rateest-interval',
      args: [{ kind: 'custom', label: 'time', validate: validateInterval }],
      required: true,
      summary: 'Measurement interval, up to 8 seconds.',
    },
    {
      name: 'rateest-ewmalog',
      args: [{ kind: 'custom', label: 'time', validate: validateTime }],
      required: true,
      summary: 'Averaging time constant of the estimator.',
    },
  ],
};
