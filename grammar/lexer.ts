/**
 * Chevrotain lexer for the argument part of a rule line.
 *
 * Tuned for throughput on 100,000-line files: one lexer instance, five token
 * types, every non-space token found by one hand-written scanner (scan.ts)
 * whose result is cached between the token types that probe the same offset,
 * and offsets only (line and column are known to the caller, which lexes one
 * line at a time).
 */
import { createToken, Lexer, type CustomPatternMatcherReturn, type IToken, type TokenType } from 'chevrotain';
import { scanArg, type ScannedArg } from './scan.js';

const scratch: ScannedArg = { value: '', start: 0, end: 0, quoted: false, unterminated: false };
let cachedText: string | undefined;
let cachedOffset = -1;

function scanCached(text: string, offset: number): ScannedArg {
  if (text !== cachedText || offset !== cachedOffset) {
    scanArg(text, offset, scratch);
    cachedText = text;
    cachedOffset = offset;
  }
  return scratch;
}

type ArgPredicate = (arg: ScannedArg, text: string, offset: number) => boolean;

/** A custom pattern that accepts the argument at `offset` when `accept` says so. */
function argPattern(accept: ArgPredicate) {
  return (text: string, offset: number): CustomPatternMatcherReturn | null => {
    const c = text.charCodeAt(offset);
    if (c === 32 || c === 9) return null;
    const arg = scanCached(text, offset);
    if (!accept(arg, text, offset)) return null;
    const match = [text.slice(offset, arg.end)] as CustomPatternMatcherReturn;
    match.payload = { value: arg.value, quoted: arg.quoted, unterminated: arg.unterminated } satisfies ArgPayload;
    return match;
  };
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

/** `!` standing alone: negates the option that follows. */
export const Bang = createToken({
  name: 'Bang',
  pattern: { exec: argPattern((arg) => arg.value === '!') },
  line_breaks: false,
  start_chars_hint: ['!', '"'],
});

/** Anything getopt treats as an option: starts with `-` and is longer than `-`. */
export const OptionArg = createToken({
  name: 'Option',
  pattern: { exec: argPattern((arg) => arg.value.length > 1 && arg.value.charCodeAt(0) === 45 /* - */) },
  line_breaks: false,
  start_chars_hint: ['-', '"'],
});

/** Any other argument: a value, a chain name, or a stray word. */
export const Word = createToken({
  name: 'Word',
  pattern: { exec: argPattern(() => true) },
  line_breaks: false,
});

export const ruleTokens: TokenType[] = [WhiteSpace, Counters, Bang, OptionArg, Word];

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

export function payloadOf(token: IToken): ArgPayload {
  return token.payload as ArgPayload;
}
