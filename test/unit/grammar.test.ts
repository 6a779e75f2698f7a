import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexLines, isBlankLineAt, isCommentLineAt, parseDocument, splitLines, textBody } from '../../grammar/document.js';
import { CodeUnitWindow } from '../../grammar/lexer.js';
import { isBlankLine, isCommentLine, parseCounters, parseLine } from '../../grammar/parser.js';
import { argKind, type Arg, type LineNode } from '../../grammar/syntax.js';

function args(text: string): Arg[] {
  const node = parseLine(text);
  if (node.kind !== 'rule') throw new Error(`not a rule line: ${node.kind}`);
  return node.args;
}

const values = (text: string) => args(text).map((a) => a.value);

describe('argument scanning follows iptables-restore (add_param_to_argv)', () => {
  it.each<[string, string[]]>([
    ['-A INPUT -j ACCEPT', ['-A', 'INPUT', '-j', 'ACCEPT']],
    ['-A  INPUT\t-j   ACCEPT  ', ['-A', 'INPUT', '-j', 'ACCEPT']],
    ['--comment "two words"', ['--comment', 'two words']],
    ['--comment "say \\"hi\\""', ['--comment', 'say "hi"']],
    ['--comment "back\\\\slash"', ['--comment', 'back\\slash']],
    ["--comment 'single quoted'", ['--comment', "'single", "quoted'"]],
    ['--comment "a # b"', ['--comment', 'a # b']],
    ['a"b c"', ['ab c']],
    ['"a"b', ['a', 'b']],
    ['""', ['']],
    ['x\\"y', ['x\\y']], // outside quotes a backslash is literal; the quote then opens (and never closes)
    ['-j ACCEPT # comment', ['-j', 'ACCEPT', '#', 'comment']],
  ])('%s', (text, expected) => {
    expect(values(text)).toEqual(expected);
  });

  it('keeps exact columns, quotes included', () => {
    const [, comment] = args('--comment "two words" -j X');
    expect(comment).toMatchObject({ start: 10, end: 21, quoted: true });
    expect(comment.unterminated).toBeUndefined();
  });

  it('an unterminated quote swallows the rest of the line', () => {
    const list = args('-m comment --comment "open -j ACCEPT');
    expect(list.map((a) => a.value)).toEqual(['-m', 'comment', '--comment', 'open -j ACCEPT']);
    expect(list[3]).toMatchObject({ start: 21, end: 36, unterminated: true });
  });

  it('classifies arguments by their unquoted value', () => {
    expect(args('! "-p" tcp "!"').map(argKind)).toEqual(['bang', 'option', 'word', 'bang']);
    expect(args('- -- !x').map(argKind)).toEqual(['word', 'option', 'word']);
  });
});

describe('line classification follows iptables-restore', () => {
  it.each<[string, LineNode['kind']]>([
    ['', 'blank'],
    ['# comment', 'comment'],
    ['*filter', 'table'],
    [':INPUT ACCEPT [0:0]', 'chain'],
    ['COMMIT', 'commit'],
    ['COMMIT ', 'commit'],
    ['COMMITTED', 'rule'],
    [' # indented comment is a rule line', 'rule'],
    ['[0:0] -A INPUT -j ACCEPT', 'rule'],
  ])('%j is %s', (text, kind) => {
    expect(parseLine(text).kind).toBe(kind);
  });

  it('COMMIT is exact only alone on its line', () => {
    expect(parseLine('COMMIT')).toEqual({ kind: 'commit', exact: true });
    expect(parseLine('COMMIT # x')).toEqual({ kind: 'commit', exact: false });
  });

  it('reads table and chain lines with strtok semantics and exact columns', () => {
    expect(parseLine('*nat extra')).toEqual({
      kind: 'table',
      name: { value: 'nat', start: 1, end: 4 },
      extra: [{ value: 'extra', start: 5, end: 10 }],
    });
    expect(parseLine(':FOO - [12:345]')).toEqual({
      kind: 'chain',
      name: { value: 'FOO', start: 1, end: 4 },
      policy: { value: '-', start: 5, end: 6 },
      counters: { start: 7, end: 15, packets: '12', bytes: '345', valid: true },
      extra: [],
    });
  });

  it('reads rule counters at the start of the line only', () => {
    const node = parseLine('[1:2]-A INPUT -j ACCEPT');
    expect(node).toMatchObject({ kind: 'rule', counters: { start: 0, end: 5, packets: '1', bytes: '2', valid: true } });
    expect((node as { args: Arg[] }).args[0]).toMatchObject({ value: '-A', start: 5 });
    expect(parseLine('[x:y] -A INPUT')).toMatchObject({ counters: { valid: false } });
    expect(parseLine('[0:0 -A INPUT')).toMatchObject({ kind: 'rule', unclosedCounters: { start: 0 } });
  });
});

describe('whole-text facts', () => {
  it('strips a BOM and CR without moving columns', () => {
    const doc = parseDocument('\ufeff*filter\r\n-A INPUT -j ACCEPT\r\nCOMMIT\r\n');
    expect(doc.facts).toMatchObject({ bom: true, firstCrlfLine: 0, crlfLines: 3, missingFinalNewline: false });
    expect(doc.texts).toEqual(['*filter', '-A INPUT -j ACCEPT', 'COMMIT']);
    expect(doc.lines.map((l) => l.kind)).toEqual(['table', 'rule', 'commit']);
  });

  it('notices a missing final newline, NUL bytes and over-long lines', () => {
    const long = `-A INPUT -m comment --comment ${'x'.repeat(10300)}`;
    const { facts } = splitLines(`*filter\n${long}\nab\0c\nCOMMIT`);
    expect(facts.missingFinalNewline).toBe(true);
    expect(facts.longLines).toEqual([1]);
    expect(facts.firstNulLine).toBe(2);
  });

  it('indexLines (lint) finds the lines and facts splitLines (the editor) finds', () => {
    const piece = fc.oneof(
      fc.constantFrom('\n', '\r\n', '\r', '\r\r\n', '\0', '#', '', ' ', '\ufeff', '-A INPUT -j ACCEPT', 'é', '\u{1F600}'),
      fc.string({ maxLength: 8 }),
      fc.constantFrom(4000, 10300).map((n) => 'x'.repeat(n)),
    );
    fc.assert(
      fc.property(fc.boolean(), fc.array(piece, { maxLength: 30 }), (bom, pieces) => {
        const text = (bom ? '\ufeff' : '') + pieces.join('');
        const split = splitLines(text);
        const indexed = indexLines(text);
        expect(indexed.facts).toEqual(split.facts);
        expect(indexed.texts.length).toBe(split.texts.length);
        const lines = Array.from({ length: indexed.texts.length }, (_, i) => indexed.texts.at(i));
        expect(lines).toEqual(split.texts);
        expect(indexed.texts.at(indexed.texts.length)).toBeUndefined();
        expect(indexed.texts.at(-1)).toBe(split.texts.at(-1));
        expect(indexed.texts.at(-indexed.texts.length - 1)).toBeUndefined();
        for (let i = 0; i < lines.length; i++) {
          expect(isCommentLineAt(indexed.texts, i)).toBe(isCommentLine(split.texts[i]));
          expect(isBlankLineAt(indexed.texts, i)).toBe(isBlankLine(split.texts[i]));
        }
      }),
      { numRuns: 2000, seed: 20261128 },
    );
  });
});

describe('words and arguments are shared between lines', () => {
  const rules = (node: LineNode): Arg[] => (node.kind === 'rule' ? node.args : []);

  it('gives lines the same object for the same word at the same column, and its own elsewhere', () => {
    const [a, b, c] = ['-A INPUT -p tcp -j ACCEPT', '-A INPUT -p udp -j ACCEPT', '-A FORWARD -p tcp -j ACCEPT'].map((t) => rules(parseLine(t)));
    expect(b[0]).toBe(a[0]);
    expect(b[1]).toBe(a[1]);
    expect(b[3]).not.toBe(a[3]);
    expect(b[5]).toBe(a[5]);
    // `-p` and `tcp` sit two columns further right on the FORWARD line.
    expect(c[2]).not.toBe(a[2]);
    expect(c[2]).toEqual({ value: '-p', start: 11, end: 13 });
    // The words themselves are one string each.
    expect(Object.is(c[3].value, a[3].value)).toBe(true);
  });

  it('keeps every word and column right while its tables grow and start again', () => {
    // Enough distinct words and columns to grow both tables several times and pass their limits.
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 150_000; i++) {
        const word = `w${round}x${i}`;
        const [, second] = rules(parseLine(`-A ${word} -j ACCEPT`));
        if (second.value !== word || second.start !== 3 || second.end !== 3 + word.length) {
          expect(second).toEqual({ value: word, start: 3, end: 3 + word.length });
        }
      }
    }
    expect(rules(parseLine('-A w0x1 -j ACCEPT'))[1]).toEqual({ value: 'w0x1', start: 3, end: 7 });
  });
});

describe('counters', () => {
  it('read `[packets:bytes]` as the pattern ^\\[(\\d*):(\\d*)\\]$ does, both numbers required', () => {
    const pattern = /^\[(\d*):(\d*)\]$/;
    fc.assert(
      fc.property(fc.array(fc.constantFrom('[', ']', ':', '0', '7', '9', 'a', ' ', '-', '١'), { maxLength: 9 }), fc.nat(3), (chars, pad) => {
        const word = chars.join('');
        const text = ' '.repeat(pad) + word + ' x';
        const m = pattern.exec(word);
        expect(parseCounters(text, pad, pad + word.length)).toEqual({
          start: pad,
          end: pad + word.length,
          packets: m?.[1],
          bytes: m?.[2],
          valid: !!m && m[1] !== '' && m[2] !== '',
        });
      }),
      { numRuns: 5000 },
    );
  });
});

describe('lexing from a window of the whole text (lint) or from each line: the same arguments', () => {
  const word = fc.oneof(
    fc.constantFrom('-A', 'INPUT', '-j', 'ACCEPT', '!', '--comment', '[1:2]', '"', '\\"', '"a b"', 'é', '\u{1F600}', '\uD800', '#'),
    fc.string({ maxLength: 12 }).map((s) => s.replace(/\n/g, ' ')),
  );
  const lineArb = fc.array(fc.tuple(word, fc.constantFrom(' ', '\t', '  ')), { maxLength: 12 }).map((words) => words.map(([w, gap]) => w + gap).join(''));
  const endings = fc.constantFrom('\n', '\r\n', '\r\r\n');

  /** Each line's arguments, lexed as lint() does (window over the text) and as an editor does (line by line). */
  function bothWays(text: string) {
    const body = textBody(text);
    const { texts } = splitLines(text);
    const indexed = indexLines(text).texts;
    const window = new CodeUnitWindow(body);
    const misplaced = texts.filter((line, i) => indexed.at(i) !== line || body.slice(indexed.starts[i], indexed.starts[i] + line.length) !== line);
    expect(misplaced).toEqual([]);
    const windowed = texts.map((line, i) => parseLine(line, false, window, indexed.starts[i]));
    const alone = texts.map((line) => parseLine(line, false));
    return { windowed: JSON.stringify(windowed), alone: JSON.stringify(alone) };
  }

  it('on random lines with LF, CR LF and CR CR LF endings, a BOM, and windows crossed and outgrown', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.array(fc.tuple(lineArb, endings), { minLength: 1, maxLength: 60 }), fc.nat(3), (bom, lines, repeat) => {
        // Repeated, the lines fill more than one window (65,536 code units); a last line longer than a window is lexed on its own.
        const block = lines.map(([line, end]) => line + end).join('');
        const long = repeat === 3 ? `-A INPUT --comment "${'x'.repeat(70_000)}"\n` : '';
        const text = (bom ? '\uFEFF' : '') + block.repeat(1 + Math.ceil((repeat * 70_000) / (block.length + 1))) + long;
        const { windowed, alone } = bothWays(text);
        expect(windowed).toBe(alone);
      }),
      { numRuns: 40, seed: 20261128 },
    );
  }, 30_000);
});
