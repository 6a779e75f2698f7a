import type { ExtensionDef, ValueContext, ValueProblem, ValueSpec } from '../types.js';
import { isIPv6 } from 'node:net';

// Limits of revision 3, the one iptables 1.8.9 uses when the kernel has it.
const BURST_MAX = 1_000_000;
const SCALE = 1_000_000; // XT_HASHLIMIT_SCALE_v2: the kernel's rate unit
const UNITS: Record<string, number> = { second: 1, minute: 60, hour: 3600, day: 86400 };

/** atoll/atoi: glibc's strtol base 10, saturating at the 64-bit limits. */
function cStrtol(text: string): bigint {
  const m = /^[ \t\n\v\f\r]*([+-]?)(\d*)/.exec(text)!;
  if (m[2] === '') return 0n;
  const v = BigInt(m[2]);
  const limit = m[1] === '-' ? 1n << 63n : (1n << 63n) - 1n;
  const bounded = v > limit ? limit : v;
  return m[1] === '-' ? -bounded : bounded;
}

/**
 * Bytes: iptables looks for `b/s` anywhere after the first character and takes
 * the character before it as the factor (k, m, else 1); the amount is
 * atoll() of the start, kept as an unsigned 64-bit product, so no size is
 * refused here (the kernel decides with the burst). Packets: `N[/unit]`, unit
 * any abbreviation of second|minute|hour|day; a rate faster than the kernel's
 * resolution (more than 1000000 per unit-second) is refused by iptables.
 */
function validateRate(text: string): ValueProblem[] {
  const bps = text.indexOf('b/s');
  const amount = cStrtol(text);
  if (bps > 0 && amount !== 0n) {
    if (amount < 0n) return [{ message: `byte rate ${text} is negative; iptables turns it into a huge number the kernel refuses`, severity: 'warning' }];
    const tail = text.slice(bps + 3);
    return tail === '' ? [] : [{ message: `iptables ignores \`${tail}\` after b/s`, severity: 'warning', start: bps + 3, end: text.length }];
  }
  const m = /^(\d+)(?:\/([a-z]+))?$/i.exec(text);
  if (!m) return [{ message: `bad rate \`${text}\`: expected N/second|minute|hour|day or N[k|m]b/s` }];
  const n = Number(m[1]);
  let mult = 1;
  if (m[2] !== undefined) {
    const unit = Object.keys(UNITS).find((u) => u.startsWith(m[2]!.toLowerCase()));
    if (!unit) return [{ message: `bad rate unit \`${m[2]}\`: expected second, minute, hour or day` }];
    mult = UNITS[unit]!;
  }
  if (n === 0) return [{ message: 'rate must be greater than zero' }];
  if (Math.floor((SCALE * mult) / n) === 0) return [{ message: `rate ${text} is too fast for the kernel's resolution` }];
  return [];
}

/** atoi(): the 64-bit strtol result cut to an int, which must come out positive. */
function validateInterval(text: string): ValueProblem[] {
  const low = BigInt.asIntN(32, cStrtol(text));
  if (low <= 0n) {
    return [{ message: `rate interval \`${text}\` is not a positive number of seconds (iptables reads it as the int ${low})` }];
  }
  if (!/^\s*[+-]?\d+$/.test(text)) return [{ message: `iptables reads only the leading number of \`${text}\``, severity: 'warning' }];
  return BigInt(text.trim()) === low ? [] : [{ message: `iptables keeps only the low 32 bits of \`${text}\`: an interval of ${low} seconds`, severity: 'warning' }];
}

/**
 * A packet count 1-1000000, or a byte amount for byte rates: iptables reads
 * the number, then multiplies by 1024 or 1048576 when the next character is
 * k or m and ignores anything after it (`400kb`, `1mb`). With a byte rate it
 * also requires the burst to cover at least one rate unit (not checked here).
 */
function validateBurst(text: string): ValueProblem[] {
  const m = /^(0x[0-9a-f]+|\d+)(.*)$/i.exec(text);
  if (!m) return [{ message: `bad burst \`${text}\`` }];
  const n = Number(m[1]);
  const suffix = m[2]!;
  if (n < 1) return [{ message: 'burst must be at least 1' }];
  if (suffix === '') return n > BURST_MAX ? [{ message: `burst ${text} is out of range 1-${BURST_MAX}` }] : [];
  if (!/^[km]/.test(suffix)) {
    return [{ message: `iptables ignores \`${suffix}\` after the burst number`, severity: 'warning' }];
  }
  return [];
}

const MODES = ['srcip', 'srcport', 'dstip', 'dstport'] as const;

// Separators may be `,` or `|`; iptables skips empty items.
function validateMode(text: string): ValueProblem[] {
  const bad = text.split(/[,|]/).filter((w) => w !== '' && !(MODES as readonly string[]).includes(w));
  return bad.length ? [{ message: `unknown hashlimit mode ${bad.map((w) => `\`${w}\``).join(', ')}; expected ${MODES.join(', ')}` }] : [];
}

/**
 * The name becomes /proc/net/ipt_hashlimit/<name>, so the kernel refuses a
 * slash. The buffer holds 254 bytes; iptables cuts longer names without an error.
 */
function validateName(text: string): ValueProblem[] {
  if (text === '') return [{ message: 'the hashlimit name must not be empty' }];
  if (text.includes('/')) return [{ message: 'the kernel refuses a hashlimit name containing `/`' }];
  const bytes = Buffer.byteLength(text, 'utf8');
  return bytes > 254 ? [{ message: `hashlimit name is ${bytes} bytes; iptables keeps only the first 254`, severity: 'warning' }] : [];
}

/** inet_aton: 1-4 parts (decimal, 0x hex, 0 octal), the last filling the remaining bytes. */
function inetAton(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length > 4) return undefined;
  const nums: number[] = [];
  for (const p of parts) {
    if (/^0x[0-9a-f]+$/i.test(p)) nums.push(parseInt(p.slice(2), 16));
    else if (/^0[0-7]*$/.test(p)) nums.push(parseInt(p, 8));
    else if (/^[1-9]\d*$/.test(p)) nums.push(Number(p));
    else return undefined;
  }
  let value = 0;
  for (let i = 0; i < nums.length - 1; i++) {
    if (nums[i]! > 255) return undefined;
    value = value * 256 + nums[i]!;
  }
  const restBytes = 4 - (nums.length - 1);
  const last = nums[nums.length - 1]!;
  if (last >= 2 ** (8 * restBytes)) return undefined;
  return value * 2 ** (8 * restBytes) + last;
}

function expandIPv6(text: string): string {
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = tail === undefined ? h : [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t];
  return groups.map((g) => parseInt(g, 16).toString(2).padStart(16, '0')).join('');
}

/**
 * Like connlimit's mask, iptables takes a prefix length or a numeric netmask,
 * but hashlimit keeps only the prefix length: a mask whose ones are not
 * contiguous becomes an invalid length that the kernel refuses.
 */
function validateHashMask(text: string, ctx: ValueContext): ValueProblem[] {
  const width = ctx.family === 'ipv6' ? 128 : 32;
  if (/^(0x[0-9a-f]+|\d+)$/i.test(text) && Number(text) <= width) return [];
  let bits: string | undefined;
  if (ctx.family === 'ipv6') {
    if (isIPv6(text) && !text.includes('.')) bits = expandIPv6(text);
  } else {
    const n = inetAton(text);
    if (n !== undefined) bits = n.toString(2).padStart(32, '0');
  }
  if (bits === undefined) return [{ message: `\`${text}\` is neither a prefix length (0-${width}) nor a netmask` }];
  return /^1*0*$/.test(bits) ? [] : [{ message: `\`${text}\` is not a contiguous netmask; the kernel refuses it` }];
}

const hashMask: ValueSpec = { kind: 'custom', label: 'prefix_length', validate: validateHashMask };
const rate: ValueSpec = { kind: 'custom', label: 'rate', validate: validateRate };
const u32 = (label: string): ValueSpec => ({ kind: 'uint', min: 0, max: 0xffffffff, label });

export const hashlimit: ExtensionDef = {
  name: 'hashlimit',
  type: 'match',
  families: ['ipv4', 'ipv6'],
  summary: 'Token-bucket rate limiting kept separately per address and/or port (one bucket per hash entry).',
  options: [
    {
      name: 'hashlimit-upto',
      // `--hashlimit` is the revision-0 spelling, still accepted for the same option.
      aliases: ['hashlimit'],
      args: [rate],
      invert: true,
      excludes: ['hashlimit-above'],
      summary: 'Matches while the rate stays at or below this value.',
    },
    {
      name: 'hashlimit-above',
      args: [rate],
      invert: true,
      excludes: ['hashlimit-upto'],
      summary: 'Matches when the rate exceeds this value.',
    },
    {
      name: 'hashlimit-burst',
      args: [{ kind: 'custom', label: 'amount', validate: validateBurst }],
      summary: 'Bucket size: packets, or bytes with a k/m suffix for byte rates (default 5).',
    },
    {
      name: 'hashlimit-mode',
      args: [{ kind: 'custom', label: 'srcip,srcport,dstip,dstport', choices: MODES, validate: validateMode }],
      summary: 'Which packet fields select the bucket; without it all packets share one bucket.',
    },
    { name: 'hashlimit-srcmask', args: [hashMask], summary: 'Groups source addresses by this prefix length.' },
    { name: 'hashlimit-dstmask', args: [hashMask], summary: 'Groups destination addresses by this prefix length.' },
    {
      name: 'hashlimit-name',
      args: [{ kind: 'custom', label: 'name', validate: validateName }],
      required: true,
      summary: 'Name of the hash table; rules with the same name share it.',
    },
    { name: 'hashlimit-htable-size', args: [u32('buckets')], summary: 'Number of buckets in the hash table.' },
    { name: 'hashlimit-htable-max', args: [u32('entries')], summary: 'Maximum number of entries in the hash table.' },
    {
      name: 'hashlimit-htable-gcinterval',
      args: [u32('milliseconds')],
      summary: 'Interval between garbage collection runs, in milliseconds.',
    },
    {
      name: 'hashlimit-htable-expire',
      args: [u32('milliseconds')],
      summary: 'Idle time after which an entry expires, in milliseconds.',
    },
    {
      name: 'hashlimit-rate-match',
      summary: 'Classifies flows by their measured rate instead of limiting them.',
    },
    {
      name: 'hashlimit-rate-interval',
      args: [
        { kind: 'custom', label: 'seconds', validate: validateInterval },
      ],
      summary: 'Measurement interval for --hashlimit-rate-match, in seconds.',
    },
  ],
  constraints: [
    {
      kind: 'oneOf',
      options: ['hashlimit-upto', 'hashlimit-above'],
      message: 'hashlimit needs --hashlimit-upto or --hashlimit-above',
    },
  ],
};
