/**
 * The argument scanner of iptables-restore (`add_param_to_argv` in iptables'
 * xshared.c), reproduced character for character so that iptlint splits a
 * rule line into exactly the argv that the real binary builds:
 *
 * - only space, tab and newline separate arguments;
 * - a double quote opens a quoted section, which may start in the middle of a
 *   word (`a"b c"` is one argument, `ab c`); inside it `\x` stands for `x`;
 * - the closing quote ends the argument (`"a"b` is two arguments: `a`, `b`);
 * - single quotes and `#` are ordinary characters;
 * - a quote that is never closed swallows the rest of the line.
 */
export interface ScannedArg {
  /** The argument as iptables sees it, quotes and escapes removed. */
  value: string;
  /** Column of the first character, 0-based. */
  start: number;
  /** Column after the last character, 0-based, exclusive. */
  end: number;
  quoted: boolean;
  /** True when a double quote was opened and never closed. */
  unterminated: boolean;
}

const SPACE = 32;
const TAB = 9;
const QUOTE = 34;
const BACKSLASH = 92;

export function isArgSeparator(code: number): boolean {
  return code === SPACE || code === TAB;
}

/**
 * Scans one argument starting at `offset`, which must not be a separator.
 * Returns the end offset; the value and flags are written to `out`.
 */
export function scanArg(text: string, offset: number, out: ScannedArg): number {
  const length = text.length;
  let i = offset;
  // Fast path: a plain word without quotes, by far the common case.
  while (i < length) {
    const c = text.charCodeAt(i);
    if (c === SPACE || c === TAB) break;
    if (c === QUOTE) return scanQuoted(text, offset, i, out);
    i++;
  }
  out.value = text.slice(offset, i);
  out.start = offset;
  out.end = i;
  out.quoted = false;
  out.unterminated = false;
  return i;
}

function scanQuoted(text: string, offset: number, quoteAt: number, out: ScannedArg): number {
  const length = text.length;
  let value = text.slice(offset, quoteAt);
  let i = quoteAt + 1;
  let chunkStart = i;
  let closed = false;
  while (i < length) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) {
      value += text.slice(chunkStart, i);
      if (i + 1 < length) {
        value += text[i + 1];
        i += 2;
      } else {
        i += 1;
      }
      chunkStart = i;
      continue;
    }
    if (c === QUOTE) {
      value += text.slice(chunkStart, i);
      i++;
      closed = true;
      break;
    }
    i++;
  }
  if (!closed) value += text.slice(chunkStart, i);
  out.value = value;
  out.start = offset;
  out.end = i;
  out.quoted = true;
  out.unterminated = !closed;
  return i;
}
