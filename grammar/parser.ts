/**
 * Chevrotain parser for rule lines, plus the line classifier that mirrors the
 * dispatch of iptables-restore (first character decides: `#`, `*`, `:`,
 * `COMMIT`, else a rule). Each line is parsed on its own, without state, so a
 * parsed line can be cached and reused when only other lines change.
 */
import { EmbeddedActionsParser, type IToken } from 'chevrotain';
import { Argument, Counters, lexRuleLine, ruleTokens, type CodeUnitWindow, type RuleToken } from './lexer.js';
import type { Arg, CountersNode, LineNode, Word } from './syntax.js';
import { unsharedWordAt, wordAt } from './words.js';

class RuleLineParser extends EmbeddedActionsParser {
  constructor() {
    super(ruleTokens, { recoveryEnabled: false, skipValidations: true });
    this.performSelfAnalysis();
  }

  /**
   * ruleLine := Counters? Argument*   (Argument: PlainArg or QuotedArg)
   * The arguments go to the start of `args`, `argCount` of them: one list for every line, which the caller copies
   * to its exact size (a list grown by push for each of 100,000 lines, then copied, was a tenth of what parsing
   * allocated). Written by index: `length = 0` would let go of the list's storage.
   */
  readonly ruleLine = this.RULE('ruleLine', (): IToken | undefined => {
    let counters: IToken | undefined;
    this.argCount = 0;
    this.OPTION(() => {
      counters = this.CONSUME(Counters);
    });
    this.MANY(() => {
      // The lexer already made the argument (lexer.ts).
      this.args[this.argCount++] = (this.CONSUME(Argument) as RuleToken).payload as Arg;
    });
    return counters;
  });

  readonly args: Arg[] = [];
  argCount = 0;
}

const ruleParser = new RuleLineParser();

/**
 * Splits like strtok(…, " \t"): used for header and chain lines, which iptables does not unquote. The words are
 * the shared ones of rule lines (words.ts) unless `shared` is false: a chain's name is then the very string its
 * rules use.
 */
export function splitWords(text: string, from: number, shared = true): Word[] {
  const words: Word[] = [];
  let i = from;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9) {
      i++;
      continue;
    }
    // iptables does not unquote these lines: a quote is an ordinary character here.
    const word = (shared ? wordAt(text, i) : unsharedWordAt(text, i)) as Word;
    words.push(word);
    i = word.end;
  }
  return words;
}

/** Shared by the many header and chain lines with nothing after their fields. */
const NO_WORDS: readonly Word[] = Object.freeze([]);

/** `[packets:bytes]`, as iptables-restore reads counters: decimal digits on both sides of one colon. */
export function parseCounters(text: string, start: number, end: number): CountersNode {
  let colon = -1;
  let wellFormed = end - start >= 3 && text.charCodeAt(start) === 91 /* [ */ && text.charCodeAt(end - 1) === 93 /* ] */;
  for (let i = start + 1; wellFormed && i < end - 1; i++) {
    const c = text.charCodeAt(i);
    if (c === 58 /* : */ && colon < 0) colon = i;
    else if (c < 48 || c > 57) wellFormed = false;
  }
  if (!wellFormed || colon < 0) return { start, end, packets: undefined, bytes: undefined, valid: false };
  const packets = text.slice(start + 1, colon);
  const bytes = text.slice(colon + 1, end - 1);
  return { start, end, packets, bytes, valid: packets !== '' && bytes !== '' };
}

/** A comment line: iptables-restore skips a line that starts with `#` (only there: later, `#` is an argument). */
export function isCommentLine(text: string): boolean {
  return text.charCodeAt(0) === COMMENT_MARK;
}

/** `#`, as a code unit. */
export const COMMENT_MARK = 35;

/** A blank line: an empty one (a line of blanks is a rule line without arguments, as iptables-restore reads it). */
export function isBlankLine(text: string): boolean {
  return text.length === 0;
}

/**
 * Parses one line (without its line terminator). Never throws. `sharedArgs`:
 * the line's plain words are shared with other lines (words.ts), which saves
 * memory where the lines' arguments are kept; a caller that lets go of them
 * at once (a one-shot lint) is faster without. `window`: the line is
 * text[offset, offset + text.length) of the window's text (lexRuleLine).
 */
export function parseLine(text: string, sharedArgs = true, window?: CodeUnitWindow, offset = 0): LineNode {
  if (isBlankLine(text)) return { kind: 'blank' };
  if (isCommentLine(text)) return { kind: 'comment' };
  const first = text.charCodeAt(0);
  if (first === 42 /* * */) {
    const words = splitWords(text, 1, sharedArgs);
    return { kind: 'table', name: words[0], extra: words.length > 1 ? words.slice(1) : NO_WORDS };
  }
  if (first === 58 /* : */) {
    const words = splitWords(text, 1, sharedArgs);
    const countersWord = words[2];
    return {
      kind: 'chain',
      name: words[0],
      policy: words[1],
      counters: countersWord ? parseCounters(text, countersWord.start, countersWord.end) : undefined,
      extra: words.length > 3 ? words.slice(3) : NO_WORDS,
    };
  }
  if (first === 67 /* C */ && text.startsWith('COMMIT')) {
    if (text.length === 6) return { kind: 'commit', exact: true };
    const next = text.charCodeAt(6);
    if (next === 32 || next === 9) return { kind: 'commit', exact: false };
  }
  return parseRuleLine(text, sharedArgs, window, offset);
}

function parseRuleLine(text: string, sharedArgs: boolean, window: CodeUnitWindow | undefined, offset: number): LineNode {
  ruleParser.input = lexRuleLine(text, sharedArgs, window, offset) as IToken[];
  const counters = ruleParser.ruleLine();
  const node: LineNode = { kind: 'rule', args: ruleParser.args.slice(0, ruleParser.argCount) };
  if (counters) {
    node.counters = parseCounters(text, counters.startOffset, counters.startOffset + counters.image.length);
  } else if (first(text) === 91 /* [ */) {
    node.unclosedCounters = { value: text, start: 0, end: text.length };
  }
  return node;
}

function first(text: string): number {
  return text.charCodeAt(0);
}
