/**
 * The argument scanner of iptables-restore (`add_param_to_argv` in iptables'
 * xshared.c), reproduced character for character so that iptlint splits a
 * rule line into exactly the argv that the real binary builds. The lexer
 * (lexer.ts) splits at blanks and hands each argument with a double quote in
 * it to scanQuotedArg here:
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

const QUOTE = 34;
const BACKSLASH = 92;

/**
 * Scans the argument that starts at `offset` and whose first double quote is
 * at `quoteAt` (the lexer has read the plain characters before it). `units`
 * holds the line's UTF-16 code units from `base` on (text[i] is units[base + i]).
 * Returns the end offset; the value and flags are written to `out`.
 */
export function scanQuotedArg(text: string, units: Uint16Array, base: number, offset: number, quoteAt: number, out: ScannedArg): number {
  const length = text.length;
  let value = text.slice(offset, quoteAt);
  let i = quoteAt + 1;
  let chunkStart = i;
  let closed = false;
  while (i < length) {
    const c = units[base + i];
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
