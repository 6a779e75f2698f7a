/**
 * Value kinds: one parser per ValueKind, following iptables 1.8.9's own parsing
 * (libxtables and the extension parse functions), including its quirks: numbers
 * go through strtoul with base 0 where iptables uses it, so `0x50` is a port and
 * `080` is not (a leading zero means octal). checkValue() returns the problems
 * with a value; none means iptables accepts it. Warnings mark values iptables
 * accepts that probably do not mean what the author thinks.
 */
import type { Family, ValueContext, ValueKind, ValueProblem, ValueSpec } from './types.js';
import { SERVICES } from './data/services.js';
import { PROTOCOLS } from './data/protocols.js';
import { ICMP_TYPES, ICMPV6_TYPES, type IcmpName } from './data/icmp.js';
import {
  BUILTIN_PROTOCOLS,
  DEPRECATED_LOG_LEVELS,
  DSCP_CLASSES,
  INTERFACE_NAME_MAX,
  LOG_LEVELS,
  MULTIPORT_MAX,
  REJECT_TYPES_IPV4,
  REJECT_TYPES_IPV6,
  SET_FLAGS_MAX,
  STRING_PATTERN_MAX,
  TCP_FLAGS,
  TOS_NAMES,
  WEEKDAYS,
} from './data/enums.js';

export * from './data/enums.js';
export { ICMP_TYPES, ICMPV6_TYPES, type IcmpName } from './data/icmp.js';
export { SERVICES } from './data/services.js';
export { PROTOCOLS } from './data/protocols.js';

type KindChecker = (text: string, spec: ValueSpec, ctx: ValueContext) => ValueProblem[];

/** The one empty list of problems, for the checkers and the catalog's own validators: frozen, as all share it. */
const NONE = Object.freeze([]) as unknown as ValueProblem[];
export { NONE as NO_PROBLEMS };

function err(message: string, start?: number, end?: number): ValueProblem {
  return start === undefined ? { message } : { message, start, end };
}
function warn(message: string, start?: number, end?: number): ValueProblem {
  return start === undefined ? { message, severity: 'warning' } : { message, severity: 'warning', start, end };
}
/** Shift problems found in a slice to offsets in the whole value. */
function at(problems: ValueProblem[], offset: number, length: number): ValueProblem[] {
  return problems.map((p) => ({ ...p, start: (p.start ?? 0) + offset, end: (p.end ?? length) + offset }));
}

/** UTF-8 byte length, without Node's Buffer. */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    // A surrogate pair is one 4-byte character; a lone surrogate is written as U+FFFD (3 bytes).
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

// ---------------------------------------------------------------- fast paths
//
// A kube-proxy ruleset has some 300,000 values, nearly all written the plain
// way (`10.96.0.1/32`, `8080`). These scanners recognise that plain form
// without making strings or arrays; anything else takes the general path.

let plainFormsOn = true;
/** Turns the fast paths (not the scanners, which the general path uses too) off, so a test can compare both paths. */
export function usePlainForms(on: boolean): void {
  plainFormsOn = on;
}

/** `text[from, to)` as a decimal without a leading zero (`0` itself allowed), at most 9 digits; else -1. */
function plainDecimal(text: string, from: number, to: number): number {
  const length = to - from;
  if (length < 1 || length > 9) return -1;
  if (length > 1 && text.charCodeAt(from) === 48) return -1;
  let value = 0;
  for (let i = from; i < to; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/** Whether `text[from, to)` is a dotted quad of plain decimals 0-255: what inet_pton(AF_INET) accepts. */
function plainIPv4(text: string, from: number, to: number): boolean {
  let start = from;
  for (let part = 0; part < 4; part++) {
    let end = start;
    while (end < to && text.charCodeAt(end) !== 46) end++;
    if ((part < 3) === (end >= to)) return false;
    const value = plainDecimal(text, start, end);
    if (value < 0 || value > 255) return false;
    start = end + 1;
  }
  return true;
}

/** Whether `text` is a plain IPv4 address with an optional plain prefix length 0-32: valid everywhere an address with a mask is. */
function plainIPv4WithPrefix(text: string): boolean {
  if (!plainFormsOn) return false;
  const slash = text.indexOf('/');
  if (slash < 0) return plainIPv4(text, 0, text.length);
  const prefix = plainDecimal(text, slash + 1, text.length);
  return prefix >= 0 && prefix <= 32 && plainIPv4(text, 0, slash);
}

/**
 * The exact 64-bit bound of a `uint` value (a decimal or 0x number): a
 * JavaScript number cannot tell 2^64-1 from 2^64. Other text is left to the
 * value's own kind.
 */
export function within64Bits(text: string): ValueProblem[] {
  if (!/^(0x[0-9a-f]+|\d+)$/i.test(text)) return [];
  return BigInt(text) > 0xffffffffffffffffn ? [{ message: `\`${text}\` is out of range 0-18446744073709551615` }] : [];
}

/**
 * A text option iptables copies into a fixed kernel buffer: a longer value is
 * cut silently, not refused, so it is a warning (`what is N bytes; … it to MAX`).
 * `empty`, when given, is the error for an empty value.
 */
export function truncatedText(what: string, max: number, options: { empty?: string; truncatedBy?: string } = {}): (text: string) => ValueProblem[] {
  const by = options.truncatedBy ?? 'iptables silently truncates';
  return (text) => {
    if (options.empty !== undefined && text.length === 0) return [{ message: options.empty }];
    const bytes = utf8Length(text);
    return bytes > max ? [{ message: `${what} is ${bytes} bytes; ${by} it to ${max}`, severity: 'warning' }] : [];
  };
}

// ---------------------------------------------------------------- numbers

interface CNumber {
  /** Parsed value; Infinity when it overflows 64 bits or is negative (strtoul wraps those to huge values). */
  value: number;
  /** Index after the last character consumed; equals `from` when nothing was. */
  end: number;
  /** A leading zero made it octal (`010` is 8). */
  octal: boolean;
}

const isSpace = (c: string | undefined) => c !== undefined && ' \t\n\v\f\r'.includes(c);
const isHex = (c: string | undefined) => c !== undefined && /^[0-9a-fA-F]$/.test(c);

/**
 * The syntax C strtoul(text + from, &end, base) accepts: leading white space,
 * an optional sign, and for base 0 a `0x` prefix (hex) or a leading `0`
 * (octal). Returns where the digits are; the two readers below give the value.
 */
function scanCNumber(text: string, from: number, base: 0 | 10 | 16): { negative: boolean; radix: number; digitsStart: number; end: number } {
  let i = from;
  while (isSpace(text[i])) i++;
  let negative = false;
  if (text[i] === '+' || text[i] === '-') negative = text[i++] === '-';
  let radix: number = base === 0 ? 10 : base;
  if ((base === 0 || base === 16) && text[i] === '0' && (text[i + 1] === 'x' || text[i + 1] === 'X') && isHex(text[i + 2])) {
    radix = 16;
    i += 2;
  } else if (base === 0 && text[i] === '0') {
    radix = 8;
  }
  const digitsStart = i;
  while (i < text.length && !Number.isNaN(parseInt(text[i], radix))) i++;
  return { negative, radix, digitsStart, end: i };
}

/** C strtoul as a JS number: negatives and 64-bit overflows (which strtoul turns into huge values) are Infinity. */
function cStrtoul(text: string, from: number, base: 0 | 10 | 16): CNumber {
  const scan = scanCNumber(text, from, base);
  if (scan.end === scan.digitsStart) return { value: 0, end: from, octal: false };
  let value = 0;
  for (let i = scan.digitsStart; i < scan.end; i++) value = value * scan.radix + parseInt(text[i], scan.radix);
  if ((scan.negative && value !== 0) || value > 0xffffffffffffffff) value = Infinity;
  return { value, end: scan.end, octal: scan.radix === 8 && scan.end - scan.digitsStart > 1 };
}

const U64 = (1n << 64n) - 1n;

/**
 * C strtoul exactly, for the parsers that keep its 64-bit result and then cut
 * it to a narrower C type: a minus sign negates modulo 2^64 and an overflow
 * saturates at ULONG_MAX (with `overflow`, glibc's ERANGE), as glibc does.
 * `end` equals `from` when no digit was read.
 */
export function cStrtoulExact(text: string, from: number, base: 0 | 10 | 16): { value: bigint; end: number; overflow?: boolean } {
  const scan = scanCNumber(text, from, base);
  if (scan.end === scan.digitsStart) return { value: 0n, end: from };
  let value = 0n;
  const radix = BigInt(scan.radix);
  for (let i = scan.digitsStart; i < scan.end; i++) {
    value = value * radix + BigInt(parseInt(text[i], scan.radix));
    if (value > U64) return { value: U64, end: scan.end, overflow: true };
  }
  return { value: scan.negative ? (U64 + 1n - value) & U64 : value, end: scan.end };
}

/**
 * The number getaddrinfo() makes of a numeric service: strtoul base 10 stored
 * in an int, then cut to the 16 bits of a port. A value whose int is negative
 * is not numeric for it (it then looks for a service of that name and fails).
 */
export function resolverPortNumber(text: string): { port?: number; value?: bigint; numeric: boolean } {
  const n = cStrtoulExact(text, 0, 10);
  // An empty text also reads as 0 with nothing left over.
  if (n.end !== text.length && !(text === '')) return { numeric: false };
  const int32 = n.value & 0xffffffffn;
  if (int32 >= 0x80000000n) return { numeric: true, value: n.value };
  return { numeric: true, value: n.value, port: Number(int32 & 0xffffn) };
}

/**
 * xtables_strtoul: like strtoul base 0 but refusing a minus sign; with `whole`
 * the number must use the entire text (iptables passes end == NULL).
 */
function xtStrtoul(text: string, from: number, min: number, max: number, whole: boolean): CNumber | undefined {
  if (plainFormsOn && from === 0 && whole) {
    const plain = plainDecimal(text, 0, text.length);
    if (plain >= 0) return plain < min || plain > max ? undefined : { value: plain, end: text.length, octal: false };
  }
  let i = from;
  while (isSpace(text[i])) i++;
  if (text[i] === '-') return undefined;
  const n = cStrtoul(text, from, 0);
  if (n.end === from || n.value < min || n.value > max) return undefined;
  if (whole && n.end !== text.length) return undefined;
  return n;
}

function octalNote(piece: string, n: CNumber, start: number): ValueProblem[] {
  return n.octal
    ? [warn(`\`${piece}\` has a leading zero, so iptables reads it as octal (${n.value}); drop the zero if you meant decimal`, start, start + piece.length)]
    : NONE;
}

function range(spec: ValueSpec, defMin: number, defMax: number): [number, number] {
  return [spec.min ?? defMin, spec.max ?? defMax];
}

function uint(text: string, spec: ValueSpec): ValueProblem[] {
  const [min, max] = range(spec, 0, 0xffffffff);
  const n = xtStrtoul(text, 0, min, max, true);
  if (!n) {
    const any = xtStrtoul(text, 0, 0, Number.MAX_VALUE, true);
    if (any) return [err(`\`${text}\` is out of range: use ${min}-${max}`)];
    return [err(`\`${text}\` is not a number: use ${min}-${max}, in decimal or 0x hexadecimal`)];
  }
  return octalNote(text, n, 0);
}

/** N, N:M, N: or :M (xtopt_parse_mint): an empty end means 0 or the maximum. */
function uintRange(text: string, spec: ValueSpec): ValueProblem[] {
  const [min, max] = range(spec, 0, 0xffffffff);
  const parts = text.split(':');
  if (parts.length > 2) {
    const second = parts[0].length + 1 + parts[1].length;
    return [err(`too many \`:\`: use N or N:M`, second, text.length)];
  }
  const problems: ValueProblem[] = [];
  const values: number[] = [];
  let offset = 0;
  for (const [i, part] of parts.entries()) {
    if (part === '' && parts.length === 2) {
      values.push(i === 0 ? min : max);
    } else {
      const n = xtStrtoul(part, 0, min, max, true);
      if (!n) problems.push(err(`\`${part}\` is not a number in ${min}-${max}`, offset, offset + part.length));
      else {
        values.push(n.value);
        problems.push(...octalNote(part, n, offset));
      }
    }
    offset += part.length + 1;
  }
  if (!problems.some((p) => p.severity !== 'warning') && values.length === 2 && values[0] > values[1])
    problems.push(warn(`the range \`${text}\` is reversed (first > last), so it matches nothing`));
  return problems;
}

function double(text: string, spec: ValueSpec): ValueProblem[] {
  // strtod: decimal or hex floating point, inf and nan, after optional white space
  const ok = /^\s*[+-]?((\d+\.?\d*|\.\d+)([eE][+-]?\d+)?|0[xX]([0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)([pP][+-]?\d+)?|inf(inity)?|nan)$/i.test(text);
  if (!ok) return [err(`\`${text}\` is not a number`)];
  const v = Number(text.trim().replace(/^\+/, ''));
  if (spec.min !== undefined && spec.max !== undefined && spec.min !== spec.max && !(v >= spec.min && v <= spec.max))
    return [err(`\`${text}\` is out of range ${spec.min}-${spec.max}`)];
  return NONE;
}

function string(text: string, spec: ValueSpec): ValueProblem[] {
  // Most strings (every -m comment) have no length limit here: nothing to count.
  if (spec.maxLength === undefined && spec.min === undefined) return NONE;
  const bytes = utf8Length(text);
  if (spec.maxLength !== undefined && bytes > spec.maxLength)
    return [err(`too long: ${bytes} bytes, at most ${spec.maxLength}`, spec.maxLength <= text.length ? spec.maxLength : 0, text.length)];
  if (spec.min !== undefined && bytes < spec.min) return [err(`too short: ${bytes} bytes, at least ${spec.min}`)];
  return NONE;
}

// ---------------------------------------------------------------- enumerations

function sameName(a: string, b: string, caseInsensitive: boolean | undefined): boolean {
  return caseInsensitive ? a.toLowerCase() === b.toLowerCase() : a === b;
}

function enumOne(item: string, spec: ValueSpec, offset: number): ValueProblem[] {
  const choices = spec.choices ?? [];
  if (choices.some((c) => sameName(c, item, spec.caseInsensitive))) return NONE;
  const end = offset + item.length;
  // Many iptables parsers compare only strlen(arg) characters, so an abbreviation may be taken.
  const full = item && choices.find((c) => c.toLowerCase().startsWith(item.toLowerCase()));
  if (full) return [warn(`\`${item}\` is an abbreviation; write \`${full}\` in full (iptables may not accept it, or pick another name)`, offset, end)];
  return [err(`\`${item}\` is not one of: ${choices.join(', ')}`, offset, end)];
}

function enumValue(text: string, spec: ValueSpec): ValueProblem[] {
  return enumOne(text, spec, 0);
}

function enumList(text: string, spec: ValueSpec): ValueProblem[] {
  const problems: ValueProblem[] = [];
  const items = text.split(',');
  let offset = 0;
  for (const item of items) {
    if (item === '') problems.push(err('empty element in the comma-separated list', offset, offset));
    else problems.push(...enumOne(item, spec, offset));
    offset += item.length + 1;
  }
  if (spec.maxItems !== undefined && items.length > spec.maxItems)
    problems.push(err(`at most ${spec.maxItems} elements, found ${items.length}`));
  return problems;
}

// ---------------------------------------------------------------- ports and protocols

const PROTO_NUMBERS: Record<string, string> = { '6': 'tcp', '17': 'udp', '132': 'sctp', '33': 'dccp', '136': 'udplite', '1': 'icmp' };
function protoName(ctx: ValueContext): string | undefined {
  const p = ctx.protocol?.toLowerCase();
  return p === undefined ? undefined : PROTO_NUMBERS[p] ?? p;
}

/** getservbyname(name, proto); any protocol when proto is undefined. */
export function serviceToPort(name: string, proto?: string): number | undefined {
  const e = Object.prototype.hasOwnProperty.call(SERVICES, name) ? SERVICES[name] : undefined;
  if (!e) return undefined;
  if (proto === undefined) return e.tcp ?? e.udp ?? Object.values(e)[0];
  return e[proto];
}

const PORT_FORMS = 'use 0-65535 or a service name';

/**
 * Options of type XTTYPE_PORT and XTTYPE_PORTRC (udp, dccp, conntrack, ipvs,
 * TPROXY) resolve ports through getaddrinfo(), which reads decimal only (`080`
 * is 80, `0x50` is a name) and cuts big numbers down to 16 bits; the tcp and
 * sctp matches, multiport and NAT use xtables_parse_port (strtoul base 0).
 */
function usesGetaddrinfo(spec: ValueSpec): boolean {
  return spec.portParser === 'getaddrinfo';
}

/** One port (or service) at [offset, offset+piece.length) of the value. */
function portAt(
  piece: string,
  offset: number,
  ctx: ValueContext,
  services: 'byProto' | 'any' | 'none' = 'byProto',
  parser: 'strtoul' | 'getaddrinfo' = 'strtoul',
): { value?: number; problems: ValueProblem[] } {
  const end = offset + piece.length;
  if (piece === '') return { problems: [err(`missing port: ${PORT_FORMS}`, offset, end)] };
  const proto = protoName(ctx);
  if (parser === 'getaddrinfo' && services !== 'none') {
    const r = resolverPortNumber(piece);
    if (r.numeric) {
      if (r.port === undefined)
        return { problems: [err(`\`${piece}\` is not a port: the resolver reads it as a negative 32-bit number; ${PORT_FORMS}`, offset, end)] };
      if (r.value !== BigInt(r.port))
        return { value: r.port, problems: [warn(`\`${piece}\` is not in 0-65535; the resolver cuts it to port ${r.port}`, offset, end)] };
      return { value: r.port, problems: NONE };
    }
    const port = serviceToPort(piece);
    if (port !== undefined) return { value: port, problems: NONE };
    return { problems: [err(`\`${piece}\` is not a port: ${PORT_FORMS} (decimal only here)`, offset, end)] };
  }
  const n = xtStrtoul(piece, 0, 0, 65535, true);
  if (n) return { value: n.value, problems: octalNote(piece, n, offset) };
  if (services !== 'none') {
    const port = serviceToPort(piece, services === 'any' ? undefined : proto && ['tcp', 'udp', 'sctp', 'dccp'].includes(proto) ? proto : undefined);
    if (port !== undefined) return { value: port, problems: NONE };
  }
  const leadingZero = /^0[0-9]+$/.test(piece) && /[89]/.test(piece);
  const known = serviceToPort(piece) !== undefined;
  const why = leadingZero
    ? ` (a leading zero makes it octal, where 8 and 9 are not digits)`
    : known
      ? ` (\`${piece}\` is not a ${proto} service in /etc/services)`
      : services === 'none'
        ? ' (no service names here)'
        : '';
  return { problems: [err(`\`${piece}\` is not a port: ${services === 'none' ? 'use 0-65535' : PORT_FORMS}${why}`, offset, end)] };
}

function port(text: string, spec: ValueSpec, ctx: ValueContext): ValueProblem[] {
  return portAt(text, 0, ctx, 'byProto', usesGetaddrinfo(spec) ? 'getaddrinfo' : 'strtoul').problems;
}

/** port[:port]; an empty side means 0 or 65535. */
function portRange(text: string, spec: ValueSpec, ctx: ValueContext): ValueProblem[] {
  const colon = text.indexOf(':');
  if (colon < 0) return port(text, spec, ctx);
  const resolver = usesGetaddrinfo(spec);
  const parser = resolver ? 'getaddrinfo' : 'strtoul';
  const loText = text.slice(0, colon);
  const hiText = text.slice(colon + 1);
  if (resolver && hiText.includes(':'))
    return [err('too many `:`: use port or port:port', colon + 1 + hiText.indexOf(':'), text.length)];
  const lo = loText === '' ? { value: 0, problems: NONE } : portAt(loText, 0, ctx, 'byProto', parser);
  const hi = hiText === '' ? { value: 65535, problems: NONE } : portAt(hiText, colon + 1, ctx, 'byProto', parser);
  const problems = [...lo.problems, ...hi.problems];
  if (lo.value !== undefined && hi.value !== undefined && lo.value > hi.value) {
    if (resolver) problems.push(warn(`the port range \`${text}\` is reversed (first > last), so it matches nothing`));
    else problems.push(err(`the port range \`${text}\` is reversed: write the lower port first`));
  }
  return problems;
}

/** multiport: comma list of ports and port:port ranges; a range uses two of the 15 slots. */
function portList(text: string, spec: ValueSpec, ctx: ValueContext): ValueProblem[] {
  const limit = spec.maxItems ?? MULTIPORT_MAX;
  const problems: ValueProblem[] = [];
  let slots = 0;
  let offset = 0;
  for (const item of text.split(',')) {
    const itemEnd = offset + item.length;
    if (slots >= limit) {
      problems.push(err(`too many ports: multiport takes at most ${limit} (a range counts as two)`, offset, text.length));
      break;
    }
    const colon = item.indexOf(':');
    if (colon < 0) {
      // multiport always parses with xtables_parse_port, whatever the protocol
      problems.push(...portAt(item, offset, ctx, 'byProto', 'strtoul').problems);
      slots += 1;
    } else {
      if (slots === limit - 1) {
        problems.push(err(`too many ports: multiport takes at most ${limit} (a range counts as two)`, offset, text.length));
        break;
      }
      const lo = portAt(item.slice(0, colon), offset, ctx, 'byProto', 'strtoul');
      const hi = portAt(item.slice(colon + 1), offset + colon + 1, ctx, 'byProto', 'strtoul');
      problems.push(...lo.problems, ...hi.problems);
      if (lo.value !== undefined && hi.value !== undefined && lo.value >= hi.value)
        problems.push(err(`\`${item}\`: in multiport the first port of a range must be below the second`, offset, itemEnd));
      slots += 2;
    }
    offset = itemEnd + 1;
  }
  return problems;
}

/** Protocol number 0-255 or name (iptables' own list, then /etc/protocols, without regard to case). */
export function protocolNumber(text: string): number | undefined {
  // iptables' own names before the number (iptables tries the number first): no name reads as a number, and most
  // rules name their protocol (every rule asks, several times).
  const lower = text.toLowerCase();
  if (Object.prototype.hasOwnProperty.call(BUILTIN_PROTOCOLS, lower)) return BUILTIN_PROTOCOLS[lower];
  const n = xtStrtoul(text, 0, 0, 255, true);
  if (n) return n.value;
  for (const [name, num] of Object.entries(PROTOCOLS)) if (name.toLowerCase() === lower) return num;
  return undefined;
}

function protocol(text: string): ValueProblem[] {
  if (protocolNumber(text) !== undefined) return NONE;
  return [err(`unknown protocol \`${text}\`: use a name such as tcp, udp, icmp, all, or a number 0-255`)];
}

// ---------------------------------------------------------------- addresses

/** inet_pton(AF_INET): exactly four decimal parts 0-255, no leading zeros. */
export function parseIPv4Strict(text: string): number[] | undefined {
  return plainIPv4(text, 0, text.length) ? text.split('.').map(Number) : undefined;
}

/** inet_pton(AF_INET6): eight groups, one `::`, an optional trailing dotted quad; no zone, no brackets. */
export function parseIPv6(text: string): number[] | undefined {
  if (text === '' || /[^0-9a-fA-F:.]/.test(text)) return undefined;
  const dbl = text.indexOf('::');
  if (dbl >= 0 && text.indexOf('::', dbl + 1) >= 0) return undefined;
  const groups = (s: string): number[] | undefined => {
    if (s === '') return [];
    const out: number[] = [];
    const parts = s.split(':');
    for (const [i, p] of parts.entries()) {
      if (i === parts.length - 1 && p.includes('.')) {
        const v4 = parseIPv4Strict(p);
        if (!v4) return undefined;
        out.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]);
      } else {
        if (!/^[0-9a-fA-F]{1,4}$/.test(p)) return undefined;
        out.push(parseInt(p, 16));
      }
    }
    return out;
  };
  if (dbl < 0) {
    const g = groups(text);
    return g && g.length === 8 ? g : undefined;
  }
  const head = groups(text.slice(0, dbl));
  const tail = groups(text.slice(dbl + 2));
  if (!head || !tail || head.length + tail.length > 7) return undefined;
  // a dotted quad may only end the address
  if (text.slice(0, dbl).includes('.')) return undefined;
  return [...head, ...new Array(8 - head.length - tail.length).fill(0), ...tail];
}

interface V4Parse {
  bytes?: number[];
  /** Parts written in a surprising way (octal, hex, short form), for a warning. */
  note?: string;
}

/**
 * xtables_numeric_to_ipaddr: up to four dot-separated parts, each strtoul base 0
 * in 0-255; fewer than four parts fill the rest with zeros (`10` is 10.0.0.0).
 * `mask` requires all four (xtables_numeric_to_ipmask).
 */
function xtNumericIPv4(text: string, mask = false): V4Parse {
  const parts = text.split('.');
  if (parts.length > 4 || (mask && parts.length !== 4)) return {};
  const bytes: number[] = [];
  let odd = false;
  for (const p of parts) {
    const n = xtStrtoul(p, 0, 0, 255, true);
    if (!n) return {};
    if (!/^(0|[1-9]\d*)$/.test(p)) odd = true;
    bytes.push(n.value);
  }
  while (bytes.length < 4) bytes.push(0);
  const dotted = bytes.join('.');
  const note =
    parts.length < 4
      ? `\`${text}\` is a short form that iptables completes with zeros to ${dotted}; write ${dotted} in full`
      : odd
        ? `\`${text}\` is read as ${dotted} (leading zeros are octal, 0x is hex); write ${dotted}`
        : undefined;
  return { bytes, note };
}

const HOSTNAME = /^(?=.{1,253}$)[A-Za-z0-9_]([A-Za-z0-9_-]*[A-Za-z0-9_])?(\.[A-Za-z0-9_]([A-Za-z0-9_-]*[A-Za-z0-9_])?)*\.?$/;

function hostnameProblem(name: string, family: Family, start: number, multi: boolean): ValueProblem {
  const end = start + name.length;
  const looksNumeric = /^[0-9.]+$/.test(name) || (family === 'ipv6' && name.includes(':'));
  if (looksNumeric) {
    if (family === 'ipv4' && /^\d+$/.test(name) && Number(name) <= 0xffffffff) {
      return warn(`\`${name}\` is not a dotted address; the resolver reads it as the 32-bit number ${name}`, start, end);
    }
    return err(`\`${name}\` is not a valid ${family === 'ipv4' ? 'IPv4' : 'IPv6'} address`, start, end);
  }
  if (!HOSTNAME.test(name)) return err(`\`${name}\` is neither an ${family === 'ipv4' ? 'IPv4' : 'IPv6'} address nor a host name`, start, end);
  const tail = multi
    ? '; if it resolves to several addresses, iptables adds one rule per address'
    : '; it must resolve to exactly one address';
  return warn(`\`${name}\` is a host name: iptables looks it up in DNS once, when the rules are loaded, and the rule breaks if that fails${tail}`, start, end);
}

/** The address part of addr[/mask] (xtables_ipparse_any and ip6parse_any). */
function addressPart(addr: string, family: Family, start: number, multi: boolean): ValueProblem[] {
  if (addr === '') return [err('missing address', start, start)];
  if (family === 'ipv4') {
    const v4 = xtNumericIPv4(addr);
    if (v4.bytes) return v4.note ? [warn(v4.note, start, start + addr.length)] : NONE;
    if (addr.includes(':') && parseIPv6(addr)) return [err(`\`${addr}\` is an IPv6 address in an IPv4 rule`, start, start + addr.length)];
  } else {
    if (parseIPv6(addr)) return NONE;
    if (/^\[.*\]$/.test(addr)) return [err(`write \`${addr.slice(1, -1)}\` without brackets`, start, start + addr.length)];
    if (addr.includes('%')) return [err(`\`${addr}\`: zone indexes (%…) are not accepted`, start, start + addr.length)];
    if (parseIPv4Strict(addr)) return [err(`\`${addr}\` is an IPv4 address in an IPv6 rule (use ::ffff:${addr} for a mapped address)`, start, start + addr.length)];
  }
  return [hostnameProblem(addr, family, start, multi)];
}

function maskPart(mask: string, family: Family, start: number): ValueProblem[] {
  const end = start + mask.length;
  const bits = family === 'ipv4' ? 32 : 128;
  if (family === 'ipv4' ? xtNumericIPv4(mask, true).bytes : parseIPv6(mask)) return NONE;
  const n = xtStrtoul(mask, 0, 0, bits, true);
  if (n) return octalNote(mask, n, start);
  return [err(`\`${mask}\` is not a mask: use a prefix length 0-${bits} or a ${family === 'ipv4' ? 'dotted mask like 255.255.255.0' : 'full IPv6 mask'}`, start, end)];
}

/**
 * inet_aton as getaddrinfo uses it for IPv4 literals (glibc's exact variant):
 * one to four parts, each starting with a digit and read by strtoul base 0,
 * every part but the last at most 255, the last filling the remaining bytes.
 * Returns the four bytes, or undefined when it is not such a literal.
 */
export function inetAtonExact(text: string): number[] | undefined {
  const parts = text.split('.');
  if (parts.length > 4) return undefined;
  const values: number[] = [];
  for (const p of parts) {
    if (!/^(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)$/.test(p)) return undefined;
    const v = /^0[xX]/.test(p) ? parseInt(p.slice(2), 16) : p.length > 1 && p[0] === '0' ? parseInt(p, 8) : Number(p);
    if (v > 0xffffffff) return undefined;
    values.push(v);
  }
  const last = values.pop()!;
  if (values.some((v) => v > 255) || last >= 2 ** (8 * (4 - values.length))) return undefined;
  let n = last;
  values.forEach((v, i) => (n += v * 2 ** (8 * (3 - i))));
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
}

/** The prefix length a netmask stands for, or -1 when its ones are not contiguous. */
export function maskToPrefix(groups: readonly number[], family: Family): number {
  const width = family === 'ipv4' ? 8 : 16;
  const bin = groups.map((g) => g.toString(2).padStart(width, '0')).join('');
  return /01/.test(bin) ? -1 : bin.indexOf('0') < 0 ? bin.length : bin.indexOf('0');
}

/**
 * XTTYPE_PLEN / XTTYPE_PLENMASK: a prefix length 0-32 (0-128), and failing
 * that any numeric address of the family taken as a netmask. For IPv4 the
 * fallback is inet_aton, so `33` or `65536` are accepted as the masks 0.0.0.33
 * and 0.1.0.0; a mask that is not contiguous leaves the whole address in use.
 * Returns the prefix length iptables ends up with (255 for a broken mask).
 */
export function plenMask(mask: string, family: Family, start: number): { length?: number; problems: ValueProblem[] } {
  const end = start + mask.length;
  const bits = family === 'ipv4' ? 32 : 128;
  const n = xtStrtoul(mask, 0, 0, bits, true);
  if (n) return { length: n.value, problems: octalNote(mask, n, start) };
  const groups = family === 'ipv4' ? inetAtonExact(mask) : parseIPv6(mask);
  if (!groups)
    return {
      problems: [err(`\`${mask}\` is neither a prefix length 0-${bits} nor a ${family === 'ipv4' ? 'numeric netmask like 255.255.255.0' : 'full IPv6 mask'}`, start, end)],
    };
  const length = maskToPrefix(groups, family);
  const shown = family === 'ipv4' ? groups.join('.') : mask;
  if (length < 0)
    return {
      length: 255,
      problems: [warn(`\`${mask}\` is not a prefix length 0-${bits}; iptables takes it as the netmask ${shown}, whose ones are not contiguous, so the whole address counts (as /${bits})`, start, end)],
    };
  if (family === 'ipv4' && !parseIPv4Strict(mask))
    return { length, problems: [warn(`\`${mask}\` is not a prefix length 0-32; iptables takes it as the netmask ${shown}, that is /${length}: write ${length}`, start, end)] };
  return { length, problems: NONE };
}

/** addr[/mask] with the offset of the element inside the value. */
function addressAt(item: string, family: Family, offset: number, multi: boolean): ValueProblem[] {
  if (family === 'ipv4' && plainIPv4WithPrefix(item)) return NONE;
  const slash = item.lastIndexOf('/');
  if (slash < 0) return addressPart(item, family, offset, multi);
  const mask = item.slice(slash + 1);
  const problems = maskPart(mask, family, offset + slash + 1);
  if (problems.some((p) => p.severity !== 'warning')) return problems;
  // a zero mask makes iptables ignore the address, whatever it is (any/0)
  const zero = /^[\s+]*0+$/.test(mask) || (family === 'ipv4' ? /^0+\.0+\.0+\.0+$/.test(mask) : parseIPv6(mask)?.every((g) => g === 0));
  if (zero) return problems;
  return [...addressPart(item.slice(0, slash), family, offset, multi), ...problems];
}

function address(text: string, _spec: ValueSpec, ctx: ValueContext): ValueProblem[] {
  return addressAt(text, ctx.family, 0, false);
}

/** -s/-d: comma-separated addr[/mask] (xtables_ipparse_multiple). */
function addressList(text: string, spec: ValueSpec, ctx: ValueContext): ValueProblem[] {
  if (ctx.family === 'ipv4' && (spec.maxItems === undefined || spec.maxItems >= 1) && plainIPv4WithPrefix(text)) return NONE;
  const problems: ValueProblem[] = [];
  let offset = 0;
  const items = text.split(',');
  for (const item of items) {
    const lead = item.length - item.trimStart().length;
    if (item.trim() === '') problems.push(err('empty address in the comma-separated list', offset, offset + item.length));
    else problems.push(...addressAt(item.slice(lead), ctx.family, offset + lead, true));
    offset += item.length + 1;
  }
  if (spec.maxItems !== undefined && items.length > spec.maxItems) problems.push(err(`at most ${spec.maxItems} addresses`));
  return problems;
}

/** iprange: addr or addr-addr, numeric only. */
function addressRange(text: string, _spec: ValueSpec, ctx: ValueContext): ValueProblem[] {
  const dash = text.indexOf('-');
  const pieces = dash < 0 ? [[text, 0] as const] : [[text.slice(0, dash), 0] as const, [text.slice(dash + 1), dash + 1] as const];
  const problems: ValueProblem[] = [];
  const values: number[][] = [];
  for (const [piece, off] of pieces) {
    const end = off + piece.length;
    if (ctx.family === 'ipv4') {
      const v4 = xtNumericIPv4(piece);
      if (!v4.bytes) problems.push(err(`\`${piece}\` is not an IPv4 address (no host names or masks here)`, off, end));
      else {
        values.push(v4.bytes);
        if (v4.note) problems.push(warn(v4.note, off, end));
      }
    } else {
      const v6 = parseIPv6(piece);
      if (!v6) problems.push(err(`\`${piece}\` is not an IPv6 address (no host names or masks here)`, off, end));
      else values.push(v6);
    }
  }
  if (values.length === 2) {
    const [a, b] = values;
    const cmp = a.findIndex((x, i) => x !== b[i]);
    if (cmp >= 0 && a[cmp] > b[cmp]) problems.push(warn(`the range \`${text}\` is reversed (first > last), so it matches nothing`));
  }
  return problems;
}

/** inet_aton, which getaddrinfo uses for IPv4 literals: 1-4 parts, the last filling the remaining bytes. */
function inetAton(text: string): boolean {
  const parts = text.split('.');
  if (parts.length > 4) return false;
  const values: number[] = [];
  for (const p of parts) {
    if (!/^(0[xX][0-9a-fA-F]*|0[0-7]*|[1-9]\d*)$/.test(p)) return false;
    values.push(/^0[xX]/.test(p) ? parseInt(p.slice(2) || '0', 16) : p.length > 1 && p[0] === '0' ? parseInt(p, 8) : Number(p));
  }
  const last = values[values.length - 1];
  const lastMax = 2 ** (8 * (5 - values.length)) - 1;
  return values.slice(0, -1).every((v) => v <= 255) && last <= lastMax;
}

/** A single address or host name, no mask (XTTYPE_HOST, via getaddrinfo). */
function host(text: string, _spec: ValueSpec, ctx: ValueContext): ValueProblem[] {
  if (text.includes('/')) return [err(`a single address is expected here, without a mask`, text.indexOf('/'), text.length)];
  if (ctx.family === 'ipv4') {
    if (parseIPv4Strict(text)) return NONE;
    if (inetAton(text)) return [warn(`\`${text}\` is an unusual form of an IPv4 address that the resolver accepts; write it as a dotted quad`)];
  } else if (parseIPv6(text)) return NONE;
  return [hostnameProblem(text, ctx.family, 0, false)];
}

/**
 * XTTYPE_HOSTMASK: what precedes the first `/` goes to the resolver like a
 * single host (names allowed, one address), what follows is a prefix length
 * or a numeric netmask (plenMask) - unlike -s/-d, whose masks are dotted quads
 * or prefix lengths only.
 */
function hostMask(text: string, spec: ValueSpec, ctx: ValueContext): ValueProblem[] {
  const slash = text.indexOf('/');
  if (slash < 0) return host(text, spec, ctx);
  const hostProblems = at(host(text.slice(0, slash), spec, ctx), 0, slash);
  return [...hostProblems, ...plenMask(text.slice(slash + 1), ctx.family, slash + 1).problems];
}

/** XTTYPE_PLEN: 0-32 or 0-128, or a full-format mask. */
function prefixLength(text: string, _spec: ValueSpec, ctx: ValueContext): ValueProblem[] {
  const bits = ctx.family === 'ipv4' ? 32 : 128;
  const n = xtStrtoul(text, 0, 0, bits, true);
  if (n) return octalNote(text, n, 0);
  const groups = ctx.family === 'ipv4' ? parseIPv4Strict(text) : parseIPv6(text);
  if (groups) {
    const width = ctx.family === 'ipv4' ? 8 : 16;
    const bin = groups.map((g) => g.toString(2).padStart(width, '0')).join('');
    if (/01/.test(bin)) return [warn(`\`${text}\` is not a contiguous mask; iptables cannot turn it into a prefix length`)];
    return NONE;
  }
  return [err(`\`${text}\` is not a prefix length: use 0-${bits} or a ${ctx.family === 'ipv4' ? 'dotted mask' : 'full IPv6 mask'}`)];
}

function interfaceName(text: string): ValueProblem[] {
  const bytes = utf8Length(text);
  if (bytes > INTERFACE_NAME_MAX)
    return [err(`interface name too long: ${bytes} characters, at most ${INTERFACE_NAME_MAX} (a trailing + counts)`, INTERFACE_NAME_MAX, text.length)];
  const bad = text.search(/[/ ]/);
  if (bad >= 0) return [warn(`the kernel allows no \`/\` or space in interface names, so \`${text}\` never matches`, bad, bad + 1)];
  const plus = text.indexOf('+');
  if (plus >= 0 && plus < text.length - 1)
    return [warn(`\`+\` is a wildcard only at the end; here it is a literal character`, plus, plus + 1)];
  return NONE;
}

// ---------------------------------------------------------------- marks, TOS, DSCP

/** value[/mask], each 32-bit (xtables_parse_val_mask). */
function markMask(text: string): ValueProblem[] {
  const v = xtStrtoul(text, 0, 0, 0xffffffff, false);
  if (!v) return [err(`\`${text}\` is not a mark: use value[/mask], 32-bit numbers in decimal or 0x hex`)];
  if (v.end === text.length) return octalNote(text, v, 0);
  if (text[v.end] !== '/') return [err(`unexpected characters after the mark value`, v.end, text.length)];
  const maskText = text.slice(v.end + 1);
  const m = xtStrtoul(maskText, 0, 0, 0xffffffff, true);
  if (!m) return [err(`\`${maskText}\` is not a mask: use a 32-bit number in decimal or 0x hex`, v.end + 1, text.length)];
  return [...octalNote(text.slice(0, v.end), v, 0), ...octalNote(maskText, m, v.end + 1)];
}

function tosMask(text: string): ValueProblem[] {
  const v = xtStrtoul(text, 0, 0, 255, false);
  if (v) {
    if (v.end === text.length) return NONE;
    if (text[v.end] !== '/') return [err(`unexpected characters after the TOS value`, v.end, text.length)];
    const m = xtStrtoul(text, v.end + 1, 0, 255, true);
    if (!m) return [err(`\`${text.slice(v.end + 1)}\` is not a TOS mask: use 0-255`, v.end + 1, text.length)];
    return NONE;
  }
  if (Object.keys(TOS_NAMES).some((n) => n.toLowerCase() === text.toLowerCase())) return NONE;
  return [err(`\`${text}\` is not a TOS value: use 0-255[/mask] or one of ${Object.keys(TOS_NAMES).join(', ')}`)];
}

function dscp(text: string): ValueProblem[] {
  const n = xtStrtoul(text, 0, 0, 63, true);
  if (n) return octalNote(text, n, 0);
  if (Object.keys(DSCP_CLASSES).some((c) => c.toLowerCase() === text.toLowerCase()))
    return [err(`\`${text}\` is a DSCP class name: use the class option (--dscp-class / --set-dscp-class) or the number ${DSCP_CLASSES[text.toUpperCase()]}`)];
  return [err(`\`${text}\` is not a DSCP value: use 0-63 (decimal or 0x hex)`)];
}

/** iptables takes the first class the value starts with, ignoring case and anything after it. */
function dscpClass(text: string): ValueProblem[] {
  const lower = text.toLowerCase();
  const cls = Object.keys(DSCP_CLASSES).find((c) => lower.startsWith(c.toLowerCase()));
  if (!cls) return [err(`\`${text}\` is not a DSCP class: use BE, EF, AF11-AF43 or CS0-CS7`)];
  if (cls.length !== text.length) return [warn(`iptables reads this as \`${cls}\` and ignores the rest`, cls.length, text.length)];
  return NONE;
}

function logLevel(text: string): ValueProblem[] {
  const n = xtStrtoul(text, 0, 0, 7, true);
  if (n) return NONE;
  if (Object.prototype.hasOwnProperty.call(LOG_LEVELS, text)) {
    const now = DEPRECATED_LOG_LEVELS[text];
    return now ? [warn(`\`${text}\` is an old name for ${now}`)] : NONE;
  }
  const lower = text.toLowerCase();
  const hint = Object.prototype.hasOwnProperty.call(LOG_LEVELS, lower) ? ` (names are lower case: \`${lower}\`)` : '';
  return [err(`\`${text}\` is not a log level: use 0-7 or emerg, alert, crit, error, warning, notice, info, debug${hint}`)];
}

// ---------------------------------------------------------------- rates and times

const RATE_UNITS: readonly [string, number][] = [['second', 1], ['minute', 60], ['hour', 3600], ['day', 86400]];

/** libxt_limit parse_rate: atoi(N) then an optional /unit, any prefix of second|minute|hour|day. */
function rate(text: string): ValueProblem[] {
  const slash = text.indexOf('/');
  let mult = 1;
  const problems: ValueProblem[] = [];
  if (slash >= 0) {
    const unit = text.slice(slash + 1).toLowerCase();
    const found = unit && RATE_UNITS.find(([u]) => u.startsWith(unit));
    if (!found) return [err(`\`${text.slice(slash + 1)}\` is not a rate unit: use second, minute, hour or day, or a prefix (s, min, h, d)`, slash + 1, text.length)];
    mult = found[1];
  }
  // atoi: white space, sign, digits; anything after them is ignored
  const numText = slash >= 0 ? text.slice(0, slash) : text;
  const m = /^[ \t\n\v\f\r]*([+-]?)(\d*)/.exec(numText)!;
  let r = m[2] === '' ? 0 : Number(m[2]);
  if (m[1] === '-' && r !== 0) r = 2 ** 32 - (r % 2 ** 32);
  r = r > 0xffffffff ? 0xffffffff : r;
  if (r === 0) return [err(`\`${numText}\` is not a rate: use a positive number, optionally /second, /minute, /hour or /day`, 0, numText.length)];
  if (Math.floor((10000 * mult) / r) === 0) return [err(`rate too fast: at most ${10000 * mult}/${RATE_UNITS.find(([, v]) => v === mult)![0]}`)];
  if (m[0].length !== numText.length)
    problems.push(warn(`iptables ignores \`${numText.slice(m[0].length)}\` after the number`, m[0].length, numText.length));
  return problems;
}

/**
 * strtoul base 10 at `from`, as libxt_time reads each field into an unsigned
 * int: the result is cut to 32 bits (`4294967296` is 0, `-1` is 4294967295);
 * an empty field reads as 0.
 */
function timeField(text: string, from: number): { value: number; end: number; cut: boolean } {
  const n = cStrtoulExact(text, from, 10);
  const value = Number(n.value & 0xffffffffn);
  return { value, end: n.end, cut: BigInt(value) !== n.value };
}

const TIME_FORMS = 'use hh:mm or hh:mm:ss (24-hour)';

function time(text: string): ValueProblem[] {
  const limits = [23, 59, 59];
  const names = ['hour', 'minute', 'second'];
  const problems: ValueProblem[] = [];
  let pos = 0;
  for (let i = 0; i < 3; i++) {
    const f = timeField(text, pos);
    const sepOk = i === 0 ? text[f.end] === ':' : i === 1 ? text[f.end] === ':' || f.end === text.length : f.end === text.length;
    if (!sepOk) return [err(`\`${text}\` is not a time: ${TIME_FORMS}`, f.end, text.length)];
    if (f.value > limits[i]) return [err(`${names[i]} \`${text.slice(pos, f.end)}\` is out of range 0-${limits[i]}`, pos, f.end)];
    if (f.cut) problems.push(warn(`iptables keeps only the low 32 bits of \`${text.slice(pos, f.end)}\`, which makes ${f.value}; write ${f.value}`, pos, f.end));
    if (f.end === text.length) return problems;
    pos = f.end + 1;
  }
  return problems;
}

const DATE_FORMS = 'use YYYY[-MM[-DD[Thh[:mm[:ss]]]]]';

function date(text: string): ValueProblem[] {
  const fields: [string, number, number, string][] = [
    ['year', 1970, 2038, '-'],
    ['month', 0, 12, '-'],
    ['day', 0, 31, 'T'],
    ['hour', 0, 23, ':'],
    ['minute', 0, 59, ':'],
    ['second', 0, 59, ''],
  ];
  let pos = 0;
  const values: number[] = [];
  for (const [name, min, max, sep] of fields) {
    const f = timeField(text, pos);
    if (!(f.end === text.length || (sep && text[f.end] === sep))) return [err(`\`${text}\` is not a date: ${DATE_FORMS}`, f.end, text.length)];
    if (f.value < min || f.value > max) return [err(`${name} \`${text.slice(pos, f.end)}\` is out of range ${min}-${max}`, pos, f.end)];
    values.push(f.value);
    if (f.end === text.length) break;
    pos = f.end + 1;
  }
  const [y, mo = 1, d = 1] = values;
  if (values.length >= 2 && (mo === 0 || (values.length >= 3 && d === 0)))
    return [warn(`month and day start at 1; iptables rolls ${mo === 0 ? 'month 0 back to December of the year before' : 'day 0 back to the last day of the month before'}`)];
  if (values.length >= 3) {
    const daysIn = new Date(Date.UTC(y, mo, 0)).getUTCDate();
    if (d > daysIn) return [warn(`${y}-${String(mo).padStart(2, '0')} has ${daysIn} days; iptables rolls day ${d} over into the next month`)];
  }
  return NONE;
}

/** my_strseg: comma-separated pieces, each cut to bufLen-1 characters as iptables' small buffers do. */
function segments(text: string): { piece: string; start: number }[] {
  const out: { piece: string; start: number }[] = [];
  let pos = 0;
  while (pos < text.length) {
    const comma = text.indexOf(',', pos);
    const end = comma < 0 ? text.length : comma;
    out.push({ piece: text.slice(pos, end), start: pos });
    if (comma < 0) break;
    pos = comma + 1;
  }
  return out;
}

function weekdays(text: string): ValueProblem[] {
  const problems: ValueProblem[] = [];
  for (const { piece, start } of segments(text)) {
    const end = start + piece.length;
    const seen = piece.slice(0, 3);
    const n = cStrtoul(seen, 0, 0);
    if (n.end === seen.length && seen !== '') {
      if (n.value === 0) problems.push(err('weekdays are numbered 1 (Monday) to 7 (Sunday)', start, end));
      else if (n.value > 7) problems.push(warn(`\`${piece}\` is not a weekday (1-7); iptables accepts it but it never matches`, start, end));
      else if (piece.length > 3) problems.push(warn(`iptables reads only \`${seen}\` and ignores the rest`, start + 3, end));
      continue;
    }
    const day = WEEKDAYS.find((d) => seen.length >= 2 && d.slice(0, 2) === seen.slice(0, 2));
    if (!day) problems.push(err(`\`${piece}\` is not a weekday: use Mon, Tue, Wed, Thu, Fri, Sat, Sun or 1-7`, start, end));
    else if (piece !== day) problems.push(warn(`iptables reads \`${piece}\` as ${day} (it compares only the first two letters); write ${day}`, start, end));
  }
  return problems;
}

function monthdays(text: string): ValueProblem[] {
  const problems: ValueProblem[] = [];
  for (const { piece, start } of segments(text)) {
    const end = start + piece.length;
    const seen = piece.slice(0, 2);
    const n = cStrtoul(seen, 0, 0);
    const endOk = n.end === seen.length || (n.end === 0 && seen === '');
    if (!endOk || n.value > 31) {
      problems.push(err(`\`${piece}\` is not a day of the month: use 1-31`, start, end));
      continue;
    }
    if (piece.length > 2) problems.push(warn(`iptables reads only \`${seen}\` and ignores the rest`, start + 2, end));
    else if (n.value === 0) problems.push(warn(`day ${piece === '' ? '(empty)' : piece} of the month never matches: use 1-31`, start, end));
  }
  return problems;
}

// ---------------------------------------------------------------- protocol-specific names

/** --tcp-flags: names separated by commas (empty pieces are skipped, as strtok does). */
function tcpFlags(text: string): ValueProblem[] {
  const problems: ValueProblem[] = [];
  let offset = 0;
  for (const item of text.split(',')) {
    if (item !== '' && !Object.keys(TCP_FLAGS).some((f) => f === item.toUpperCase()))
      problems.push(err(`\`${item}\` is not a TCP flag: use SYN, ACK, FIN, RST, URG, PSH, ALL or NONE`, offset, offset + item.length));
    offset += item.length + 1;
  }
  return problems;
}

/** The entry iptables picks for a name: the one the text abbreviates, ambiguity being an error. */
export function resolveIcmpName(text: string, table: readonly IcmpName[]): IcmpName | IcmpName[] | undefined {
  const lower = text.toLowerCase();
  const hits = table.filter((e) => e.name.toLowerCase().startsWith(lower));
  return hits.length === 0 ? undefined : hits.length === 1 ? hits[0] : hits;
}

function icmpGeneric(text: string, table: readonly IcmpName[], what: string): ValueProblem[] {
  const hit = resolveIcmpName(text, table);
  if (Array.isArray(hit)) return [err(`\`${text}\` is ambiguous: ${hit.map((h) => h.name).join(' or ')}`)];
  if (hit) return hit.name === text ? NONE : [warn(`\`${text}\` is taken as \`${hit.name}\`; write the name in full`)];
  // type[:type][/code[:code]] with numbers 0-255; a type range is refused
  const parse = (from: number) => {
    const a = xtStrtoul(text, from, 0, 255, false);
    if (!a) return undefined;
    if (text[a.end] === ':') {
      const b = xtStrtoul(text, a.end + 1, 0, 255, false);
      if (!b) return undefined;
      return { lo: a.value, hi: b.value, end: b.end, range: true };
    }
    return { lo: a.value, hi: a.value, end: a.end, range: false };
  };
  const t = parse(0);
  if (!t) return [err(`unknown ${what} type \`${text}\`: use a name (see \`-p ${what.toLowerCase()} -h\`) or type[/code] with numbers 0-255`)];
  if (t.end === text.length) return t.range ? [err(`${what} type ranges are not supported`, 0, t.end)] : NONE;
  if (text[t.end] !== '/') return [err(`unexpected \`${text[t.end]}\``, t.end, text.length)];
  const c = parse(t.end + 1);
  if (!c) return [err(`unknown ${what} code \`${text.slice(t.end + 1)}\`: use 0-255 or code:code`, t.end + 1, text.length)];
  if (c.end !== text.length) return [err(`unexpected \`${text[c.end]}\``, c.end, text.length)];
  if (t.range) return [err(`${what} type ranges are not supported`, 0, t.end)];
  if (c.lo > c.hi) return [warn(`the code range is reversed, so it matches nothing`, t.end + 1, text.length)];
  return NONE;
}

function icmpType(text: string): ValueProblem[] {
  return icmpGeneric(text, ICMP_TYPES, 'ICMP');
}
function icmpv6Type(text: string): ValueProblem[] {
  return icmpGeneric(text, ICMPV6_TYPES, 'ICMPv6');
}

/** iptables takes the first reject type whose name or alias starts with the text, ignoring case. */
function rejectType(text: string, _spec: ValueSpec, ctx: ValueContext): ValueProblem[] {
  const table = ctx.family === 'ipv4' ? REJECT_TYPES_IPV4 : REJECT_TYPES_IPV6;
  const lower = text.toLowerCase();
  const hit = table.find((t) => t.name.startsWith(lower) || t.alias.startsWith(lower));
  if (hit) {
    if (hit.name === lower || hit.alias === lower) return text === lower ? NONE : [warn(`write \`${hit.name}\` in lower case`)];
    return [warn(`\`${text}\` is taken as \`${hit.name}\`; write it in full`)];
  }
  const other = (ctx.family === 'ipv4' ? REJECT_TYPES_IPV6 : REJECT_TYPES_IPV4).find((t) => t.name === lower || t.alias === lower);
  const hint = other ? ` (\`${text}\` is an ${ctx.family === 'ipv4' ? 'ip6tables' : 'iptables'} type)` : '';
  return [err(`unknown reject type \`${text}\`${hint}: use ${table.map((t) => t.name).join(', ')}`)];
}

/** Six hex parts of at most two digits separated by `:` (xtopt_parse_ethermac). */
function mac(text: string): ValueProblem[] {
  const parts = text.split(':');
  const bad = err(`\`${text}\` is not a MAC address: use six hex bytes, XX:XX:XX:XX:XX:XX`);
  if (parts.length !== 6) return [bad];
  let offset = 0;
  let lenient = false;
  for (const p of parts) {
    const n = cStrtoul(p, 0, 16);
    if (n.end !== p.length || p.length > 2) return [err(`\`${p}\` is not a hex byte: use 00-ff`, offset, offset + p.length)];
    if (p.length !== 2 || /[+-\s]/.test(p)) lenient = true;
    offset += p.length + 1;
  }
  return lenient ? [warn(`write every byte with two hex digits (empty parts are read as 00)`)] : NONE;
}

// ---------------------------------------------------------------- NAT

const NAT_PORT_PROTOCOLS = ['tcp', 'udp', 'sctp', 'dccp', 'icmp'];

/** --to-ports and the port part of --to-destination: port[-port[/base]] (libxt_NAT parse_ports). */
function natPortsAt(text: string, offset: number, ctx: ValueContext): ValueProblem[] {
  const end = offset + text.length;
  const proto = protoName(ctx);
  if (!proto || !NAT_PORT_PROTOCOLS.includes(proto))
    return [err('ports need `-p tcp`, `-p udp`, `-p sctp` or `-p dccp` in the rule', offset, end)];
  const first = xtStrtoul(text, 0, 0, 65535, false);
  if (!first) {
    if (serviceToPort(text) !== undefined) return NONE;
    return [err(`\`${text}\` is not a port: ${PORT_FORMS}`, offset, end)];
  }
  if (first.end === text.length) return NONE;
  if (text[first.end] === ':') return [err('write a port range with `-` here, not `:`', offset + first.end, offset + first.end + 1)];
  if (text[first.end] !== '-') return [err(`unexpected characters after the port`, offset + first.end, end)];
  const second = xtStrtoul(text, first.end + 1, 0, 65535, false);
  if (!second) return [err(`\`${text.slice(first.end + 1)}\` is not a port: use 0-65535 (no service names in a range)`, offset + first.end + 1, end)];
  if (second.value < first.value) return [err(`the port range is reversed: write the lower port first`, offset, offset + second.end)];
  if (second.end === text.length) return NONE;
  if (text[second.end] !== '/') return [err('unexpected characters after the port range', offset + second.end, end)];
  const baseText = text.slice(second.end + 1);
  if (xtStrtoul(baseText, 0, 1, 65535, true) || serviceToPort(baseText) !== undefined) return NONE;
  return [err(`\`${baseText}\` is not a base port: use 1-65535`, offset + second.end + 1, end)];
}

/**
 * --to-ports of REDIRECT and MASQUERADE: the same syntax as the port part of
 * --to-destination. What a /base means differs per target, so their entries say it.
 */
function natPorts(text: string, _spec: ValueSpec, ctx: ValueContext): ValueProblem[] {
  return natPortsAt(text, 0, ctx);
}

/** `addr` or `addr:port`, written plainly, with a protocol that has ports: what DNAT rules nearly always are. */
function plainNatTarget(text: string, ctx: ValueContext): boolean {
  if (!plainFormsOn) return false;
  const colon = text.indexOf(':');
  if (colon < 0) return plainIPv4(text, 0, text.length);
  const port = plainDecimal(text, colon + 1, text.length);
  return port >= 0 && port <= 65535 && NAT_PORT_PROTOCOLS.includes(protoName(ctx) as string) && plainIPv4(text, 0, colon);
}

/** [addr[-addr]][:ports]; IPv6 addresses go in brackets when ports follow (libxt_NAT parse_to). */
function natRange(text: string, _spec: ValueSpec, ctx: ValueContext): ValueProblem[] {
  const family = ctx.family;
  if (family === 'ipv4' && plainNatTarget(text, ctx)) return NONE;
  let addrStart = 0;
  let addrEnd: number;
  let colon: number;
  const open = text.indexOf('[');
  if (open < 0) {
    colon = text.indexOf(':');
    if (colon >= 0 && text.indexOf(':', colon + 1) >= 0) colon = -1;
    addrEnd = colon >= 0 ? colon : text.length;
  } else {
    const close = text.indexOf(']', open + 1);
    if (family === 'ipv4') return [err('brackets are only for IPv6 addresses', open, open + 1)];
    if (close < 0) return [err('missing `]` after the IPv6 address', open, text.length)];
    addrStart = open + 1;
    addrEnd = close;
    colon = text.indexOf(':', close + 1);
    // ip6tables ignores anything after `]` that does not contain a colon
    if (colon < 0 && close + 1 < text.length) return [warn('iptables ignores the characters after `]`', close + 1, text.length)];
  }
  const problems: ValueProblem[] = [];
  if (colon >= 0) {
    problems.push(...natPortsAt(text.slice(colon + 1), colon + 1, ctx));
    if (colon === 0 || (open >= 0 && colon === 2)) return problems;
  }
  const addr = text.slice(addrStart, addrEnd);
  const dash = addr.indexOf('-');
  const parts = dash < 0 ? [[addr, addrStart] as const] : [[addr.slice(0, dash), addrStart] as const, [addr.slice(dash + 1), addrStart + dash + 1] as const];
  const values: number[][] = [];
  for (const [piece, off] of parts) {
    const v = family === 'ipv4' ? parseIPv4Strict(piece) : parseIPv6(piece);
    if (!v) {
      const hint = family === 'ipv6' && colon < 0 && /\]|:\d+$/.test(piece) ? ' (put the address in brackets when a port follows: [addr]:port)' : '';
      problems.push(err(`\`${piece}\` is not an ${family === 'ipv4' ? 'IPv4' : 'IPv6'} address (host names are not accepted here)${hint}`, off, off + piece.length));
    } else values.push(v);
  }
  if (values.length === 2) {
    const [a, b] = values;
    const i = a.findIndex((x, k) => x !== b[k]);
    if (i >= 0 && a[i] > b[i]) problems.push(warn('the address range is reversed (first > last)', addrStart, addrEnd));
  }
  return problems;
}

// ---------------------------------------------------------------- string and set

/** string --hex-string: text with |hex| blocks and \-escapes, at most 128 bytes (parse_hex_string). */
function hexString(text: string): ValueProblem[] {
  if (text === '') return [err('the pattern must contain at least one character')];
  // Work on UTF-8 bytes as iptables does, mapping byte positions back to string offsets.
  const bytes: number[] = [];
  const offsetOf: number[] = [];
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const n = utf8Length(ch);
    const enc = new TextEncoder().encode(ch);
    for (let k = 0; k < n; k++) {
      bytes.push(enc[k]);
      offsetOf.push(i);
    }
    i += ch.length;
  }
  offsetOf.push(text.length);
  const s = (i: number) => (i < bytes.length ? String.fromCharCode(bytes[i]) : '');
  const slen = bytes.length;
  const o = (i: number) => offsetOf[Math.min(i, slen)];
  let i = 0;
  let sindex = 0;
  let hex = false;
  let literal = false;
  let hexStart = 0;
  while (i < slen) {
    if (sindex >= STRING_PATTERN_MAX) return [err(`the pattern is longer than ${STRING_PATTERN_MAX} bytes`, o(i), text.length)];
    if (s(i) === '\\' && !hex) literal = true;
    else if (s(i) === '\\') return [err('no \\-escapes inside a |hex| block', o(i), o(i + 1))];
    else if (s(i) === '|') {
      if (hex) hex = false;
      else {
        hex = true;
        hexStart = i;
        while (s(i + 1) === ' ') i++;
      }
      if (i + 1 >= slen) break;
      i++;
    }
    if (literal) {
      if (i + 1 >= slen) return [err('a `\\` at the end escapes nothing', o(i), text.length)];
      i += 2;
      literal = false;
    } else if (hex) {
      if (i + 1 >= slen) return [err('odd number of hex digits in the |hex| block', o(hexStart), text.length)];
      if (i + 2 >= slen) return [err('the |hex| block is not closed with `|`', o(hexStart), text.length)];
      for (const k of [i, i + 1])
        if (!isHex(s(k))) return [err(`\`${s(k)}\` is not a hex digit (hex blocks take pairs of digits, spaces between pairs)`, o(k), o(k + 1))];
      i += s(i + 2) === ' ' ? 3 : 2;
    } else {
      i++;
    }
    sindex++;
  }
  if (hex) return [err('the |hex| block is not closed with `|`', o(hexStart), text.length)];
  return NONE;
}

/** ipset directions: src/dst separated by commas, at most 6; iptables checks only the first three letters. */
function setFlags(text: string, spec: ValueSpec): ValueProblem[] {
  const limit = spec.maxItems ?? SET_FLAGS_MAX;
  const problems: ValueProblem[] = [];
  const items = text.split(',');
  let offset = 0;
  for (const [i, item] of items.entries()) {
    const end = offset + item.length;
    if (i >= limit) {
      problems.push(err(`at most ${limit} directions (src/dst)`, offset, text.length));
      break;
    }
    const head = item.slice(0, 3);
    if (head !== 'src' && head !== 'dst') problems.push(err(`\`${item}\` is not a direction: use src or dst`, offset, end));
    else if (item.length > 3) problems.push(warn(`iptables reads \`${item}\` as \`${head}\`; write ${head}`, offset, end));
    offset = end + 1;
  }
  return problems;
}

// ---------------------------------------------------------------- dispatch

const checkers: Record<ValueKind, KindChecker | undefined> = {
  none: () => NONE,
  uint,
  uintRange,
  double,
  string,
  enum: enumValue,
  enumList,
  port,
  portRange,
  portList,
  protocol,
  address,
  addressList,
  addressRange,
  host,
  hostMask,
  prefixLength,
  interface: interfaceName,
  markMask,
  tosMask,
  rate,
  time,
  date,
  weekdays,
  monthdays,
  tcpFlags,
  icmpType,
  icmpv6Type,
  dscp,
  dscpClass,
  logLevel,
  rejectType,
  mac,
  natRange,
  natPorts,
  hexString,
  setFlags,
  custom: undefined,
};

export function checkValue(spec: ValueSpec, text: string, ctx: ValueContext): ValueProblem[] {
  const checker = checkers[spec.kind];
  const problems = checker ? checker(text, spec, ctx) : NONE;
  if (spec.validate) {
    const extra = spec.validate(text, ctx);
    if (extra.length) return problems.length ? [...problems, ...extra] : extra;
  }
  return problems;
}
