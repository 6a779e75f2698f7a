/**
 * Chevrotain lexer for the argument part of a rule line.
 *
 * Tuned for throughput on 100,000-line files: one lexer instance, four token
 * types, plain words matched by one sticky regular expression, quoted words by
 * a hand-written scanner (scan.ts) that reproduces iptables-restore, and
 * offsets only (line and column are known to the caller, which lexes one line
 * at a time). Whether a word is an option, a `!` or a value is decided from
 * its unquoted value afterwards, as getopt does.
 */
import { createToken, Lexer, type CustomPatternMatcherReturn, type IToken, type TokenType } from 'chevrotain';
import { scanArg, type ScannedArg } from './scan.js';
import { wordAt } from './words.js';

const scratch: ScannedArg = { value: '', start: 0, end: 0, quoted: false, unterminated: false };

/** The argument at `offset`, unquoted by the scanner, with its value and flags as the token's payload. */
function matchScannedArg(text: string, offset: number): CustomPatternMatcherReturn | null {
  const c = text.charCodeAt(offset);
  if (c === 32 || c === 9) return null;
  const arg = scratch;
  scanArg(text, offset, arg);
  const match = [text.slice(offset, arg.end)] as CustomPatternMatcherReturn;
  match.payload = { value: arg.value, quoted: arg.quoted, unterminated: arg.unterminated } satisfies ArgPayload;
  return match;
}

export interface ArgPayload {
  value: string;
  quoted: boolean;
  unterminated: boolean;
}

export const WhiteSpace = createToken({
  name: 'WhiteSpace',
  pattern: /[ \t]+/,
  group: Lexer.SKIPPED,
  start_chars_hint: [' ', '\t'],
});

/** `[packets:bytes]` at the very start of a rule line (tokenize_rule_counters). */
export const Counters = createToken({
  name: 'Counters',
  pattern: {
    exec: (text: string, offset: number) => {
      if (offset !== 0 || text.charCodeAt(0) !== 91 /* [ */) return null;
      const close = text.indexOf(']');
      // Without a `]` iptables fails with "need ]"; let the rest lex as words.
      if (close < 0) return null;
      const match = [text.slice(0, close + 1)] as CustomPatternMatcherReturn;
      return match;
    },
  },
  line_breaks: false,
  start_chars_hint: ['['],
});

/** Either kind of argument: the parser consumes this category, so it makes no choice per token. */
export const Argument = createToken({ name: 'Argument', pattern: Lexer.NA });

/** Reused for every plain word: the lexer reads the image and payload out of it at once and keeps nothing. */
const plainMatch = [''] as unknown as CustomPatternMatcherReturn;

/**
 * An argument without quotes: by far the most common token. The matcher scans
 * it and returns the one string already made for the same word, with the one
 * Arg already made for that word at that column as the payload (words.ts): the
 * lexer creates no new string and the parser no new object per occurrence. It
 * must end at a separator or the end of the line, since a quote directly after
 * a word continues the same argument (`a"b c"` is one argument), and it leaves
 * `[…` at the start of a line to Counters.
 */
export const PlainArg = createToken({
  name: 'PlainArg',
  pattern: {
    exec: (text: string, offset: number) => {
      const arg = wordAt(text, offset, true);
      if (!arg) return null;
      plainMatch[0] = arg.value;
      plainMatch.payload = arg;
      return plainMatch;
    },
  },
  line_breaks: false,
  categories: [Argument],
});

/** An argument with a double-quoted part, unquoted by the scanner (scan.ts). */
export const QuotedArg = createToken({
  name: 'QuotedArg',
  pattern: { exec: matchScannedArg },
  line_breaks: false,
  categories: [Argument],
});

// Tried in this order at each position: most positions start a plain word, the rest mostly a separator.
export const ruleTokens: TokenType[] = [Counters, PlainArg, WhiteSpace, QuotedArg, Argument];

export const ruleLexer = new Lexer(ruleTokens, {
  positionTracking: 'onlyOffset',
  ensureOptimizations: false,
  skipValidations: true,
  recoveryEnabled: false,
});

export function lexRuleLine(text: string): IToken[] {
  const result = ruleLexer.tokenize(text);
  // Every character is either a separator or part of a Word, so the lexer
  // cannot fail; a non-empty error list would be a bug in the patterns.
  return result.tokens;
}

/** The argument's value: the image for plain words, the scanner's result for quoted ones. */
export function payloadOf(token: IToken): ArgPayload {
  return (token.payload as ArgPayload | undefined) ?? { value: token.image, quoted: false, unterminated: false };
}
