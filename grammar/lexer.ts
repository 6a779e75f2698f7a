/**
 * The tokens of a rule line, for the Chevrotain parser (parser.ts).
 *
 * The token types are Chevrotain's; the lexing is iptables-restore's own
 * argument scanner (scan.ts, `add_param_to_argv`) run directly over the line.
 * Chevrotain's Lexer would try each pattern at each position and make a token
 * for every run of blanks as well; on a 100,000-rule file that was a quarter
 * of the parse. Token objects are pooled: the parser turns each into an
 * argument as it consumes it, and nothing keeps a token past its line (the
 * parser's input is this module's array, emptied for the next line), so one
 * line's tokens are free again when the next line is lexed.
 */
import { createToken, Lexer, type IToken, type TokenType } from 'chevrotain';
import { scanQuotedArg, type ScannedArg } from './scan.js';
import type { Arg } from './syntax.js';
import { sharedArg } from './words.js';

/** `[packets:bytes]` at the very start of a rule line (tokenize_rule_counters). */
export const Counters = createToken({ name: 'Counters', pattern: Lexer.NA });

/** Either kind of argument: the parser consumes this category, so it makes no choice per token. */
export const Argument = createToken({ name: 'Argument', pattern: Lexer.NA });

/** An argument without quotes: its payload is the one Arg shared by every line with this word at this column (words.ts). */
export const PlainArg = createToken({ name: 'PlainArg', pattern: Lexer.NA, categories: [Argument] });

/** An argument with a double-quoted part, unquoted by the scanner: its payload is a new Arg. */
export const QuotedArg = createToken({ name: 'QuotedArg', pattern: Lexer.NA, categories: [Argument] });

export const ruleTokens: TokenType[] = [Counters, PlainArg, QuotedArg, Argument];

/** A token whose payload, for arguments, is the argument itself. */
export interface RuleToken extends IToken {
  payload: Arg | undefined;
}

const pool: RuleToken[] = [];
/**
 * The line's tokens, the parser's input: written by index, with the length set once at the end. (`length = 0`
 * would let go of the list's storage, and pushing every line's tokens again allocated it anew, line after line.)
 */
const tokens: RuleToken[] = [];
let count = 0;
/** Tokens kept for reuse: a line of 100,000 quoted words must not keep their images alive afterwards. */
const POOL_LIMIT = 1024;
const scratch: ScannedArg = { value: '', start: 0, end: 0, quoted: false, unterminated: false };

function push(type: TokenType, image: string, start: number, payload: Arg | undefined): void {
  let token = pool[count];
  if (token === undefined) {
    token = { image: '', startOffset: 0, endOffset: 0, tokenType: type, tokenTypeIdx: 0, payload: undefined };
    pool.push(token);
  }
  token.image = image;
  token.startOffset = start;
  token.endOffset = start + image.length - 1;
  token.tokenType = type;
  token.tokenTypeIdx = type.tokenTypeIdx as number;
  token.payload = payload;
  tokens[count++] = token;
}

/**
 * The line's UTF-16 code units, copied by Buffer.write in one native call:
 * reading a character from a typed array costs a fraction of charCodeAt on a
 * line that split() made (a slice of the file's string), and the lexer reads
 * every character of a 17 MB file.
 */
let codes = new Uint16Array(512);
let codeBytes = Buffer.from(codes.buffer);
/** A copy kept for reuse at most this long: one line of a million characters must not pin 2 MB afterwards. */
const CODES_LIMIT = 1 << 16;
/** utf16le is little-endian, and a Uint16Array reads in the machine's order (big-endian on s390x, say). */
const BIG_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 0;

/**
 * A text's code units, copied a window of lines at a time, for a caller that
 * lexes the lines of one text in order (lint() reading a file): one native
 * copy per window costs a fraction of one per line, and a window stays small
 * (a large typed array would make the collector start marking early, see
 * bench/README.md).
 */
export class CodeUnitWindow {
  readonly units: Uint16Array;
  private readonly bytes: Buffer;
  /** The window holds text[start, end). */
  private start = 0;
  private end = 0;

  constructor(private readonly text: string) {
    // No larger than the text: most files are small.
    this.units = new Uint16Array(Math.max(1, Math.min(WINDOW_UNITS, text.length)));
    this.bytes = Buffer.from(this.units.buffer);
  }

  /**
   * Where text[offset, offset + length) starts in `units`, copying the window
   * that starts there if it is not in the current one; -1 for a line longer than a window.
   */
  locate(offset: number, length: number): number {
    if (offset < this.start || offset + length > this.end) {
      if (length > this.units.length) return -1;
      this.start = offset;
      this.end = Math.min(this.text.length, offset + this.units.length);
      this.bytes.write(this.text.slice(offset, this.end), 0, 'utf16le');
      if (BIG_ENDIAN) this.bytes.subarray(0, 2 * (this.end - offset)).swap16();
    }
    return offset - this.start;
  }
}

const WINDOW_UNITS = 1 << 16;

function codeUnitsOf(text: string): Uint16Array {
  if (text.length > codes.length || codes.length > CODES_LIMIT) {
    // Grown by doubling (up to the limit), not to each longer line's length in turn.
    codes = new Uint16Array(Math.max(512, text.length, Math.min(2 * codes.length, CODES_LIMIT)));
    codeBytes = Buffer.from(codes.buffer);
  }
  // utf16le writes each code unit as it is, lone surrogates included.
  codeBytes.write(text, 0, 'utf16le');
  if (BIG_ENDIAN) codeBytes.subarray(0, 2 * text.length).swap16();
  return codes;
}

/**
 * The tokens of `text`: `[…]` counters first when the line starts with `[` and
 * has a `]` (without one iptables fails with "need ]", and the rest lexes as
 * words), then one token per argument. Every character is a separator or part
 * of an argument, so lexing cannot fail. The returned array and its tokens are
 * reused by the next call. `shared`: plain arguments are the shared ones of
 * words.ts (for a model that keeps them), else new ones, which a caller that
 * lets go of them at once gets faster (see words.ts). `window`: the line is
 * text[offset, offset + text.length) of the window's text, whose code units it
 * copies (else the lexer copies the line's own).
 */
export function lexRuleLine(text: string, shared = true, window?: CodeUnitWindow, offset = 0): readonly RuleToken[] {
  count = 0;
  if (pool.length > POOL_LIMIT) pool.length = POOL_LIMIT;
  const n = text.length;
  // The line's units are units[base, base + n).
  const located = window ? window.locate(offset, n) : -1;
  const units = located >= 0 ? (window as CodeUnitWindow).units : codeUnitsOf(text);
  const base = located >= 0 ? located : 0;
  let i = 0;
  if (n > 0 && units[base] === 91 /* [ */) {
    const close = text.indexOf(']');
    if (close >= 0) {
      push(Counters, text.slice(0, close + 1), 0, undefined);
      i = close + 1;
    }
  }
  while (i < n) {
    const c = units[base + i];
    if (c === 32 || c === 9) {
      i++;
      continue;
    }
    // A plain word runs to the next blank or the end of the line; at a double quote scanQuotedArg takes over.
    // `u` is the unit at `end`, or the word's last one when it ends the line.
    let end = i;
    let u = c;
    while (u !== 32 && u !== 9 && u !== 34 && ++end < n) u = units[base + end];
    if (u !== 34) {
      const plain: Arg = shared ? sharedArg(text, i, end, units, base) : { value: text.slice(i, end), start: i, end };
      push(PlainArg, plain.value, i, plain);
      i = end;
      continue;
    }
    end = scanQuotedArg(text, units, base, i, end, scratch);
    const quoted: Arg = scratch.unterminated
      ? { value: scratch.value, start: i, end, quoted: true, unterminated: true }
      : { value: scratch.value, start: i, end, quoted: true };
    push(QuotedArg, text.slice(i, end), i, quoted);
    i = end;
  }
  tokens.length = count;
  return tokens;
}
