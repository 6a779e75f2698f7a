import type { ExtensionDef, ValueProblem } from '../types.js';

// XT_U32_MAXSIZE: at most this many tests, locations per test and ranges per test.
const MAX = 10;

/**
 * Follows iptables' own reader of the u32 mini-language:
 *   tests    := test ('&&' test)*
 *   test     := location '=' range (',' range)*
 *   location := number (op number)*      op := '&' | '<<' | '>>' | '@'
 *   range    := number [':' number]
 * Numbers are 32-bit, written as strtoul with base 0 reads them; blanks are allowed between tokens.
 */
function validateU32(text: string): ValueProblem[] {
  let pos = 0;
  const fail = (message: string): ValueProblem[] => [
    { message, start: Math.min(pos, text.length), end: Math.min(pos + 1, text.length) },
  ];
  const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);

  /** Reads a number at pos, leaving pos after it; returns an error message or undefined. */
  const readNumber = (): string | undefined => {
    const m = /^\s*\+?(0x[0-9a-f]+|0[0-7]*|[1-9]\d*)/i.exec(text.slice(pos));
    if (!m) return 'not a number or out of range';
    const digits = m[1]!;
    const value = /^0x/i.test(digits) ? parseInt(digits.slice(2), 16) : digits.startsWith('0') ? parseInt(digits, 8) : Number(digits);
    if (value > 0xffffffff) return 'not a number or out of range';
    pos += m[0].length;
    return undefined;
  };

  let state: 'location' | 'values' = 'location';
  let locations = 0;
  let values = 0;
  let tests = 0;
  for (;;) {
    while (isSpace(text[pos])) pos++;
    if (pos >= text.length) {
      if (state === 'location') return fail('input ends after a location, `=` and a value are missing');
      if (values === 0) return fail('test ended with no value');
      if (++tests > MAX) return fail(`too many tests (at most ${MAX} joined by &&)`);
      return [];
    }
    const c = text[pos];
    if (state === 'location') {
      if (c === '=') {
        if (locations === 0) return fail('location missing before `=`');
        pos++;
        state = 'values';
        continue;
      }
      if (locations !== 0) {
        if (c === '<' || c === '>') {
          if (text[pos + 1] !== c) {
            pos++;
            return fail(`a second \`${c}\` was expected`);
          }
          pos += 2;
        } else if (c === '&' || c === '@') {
          pos++;
        } else {
          return fail('operator (&, <<, >>, @) or `=` expected');
        }
      }
      const err = readNumber();
      if (err) return fail(err);
      if (++locations > MAX) return fail(`too many operators (at most ${MAX} numbers per location)`);
    } else if (c === '&') {
      if (text[pos + 1] !== '&') {
        pos++;
        return fail('a second `&` was expected');
      }
      if (values === 0) return fail('value missing');
      if (++tests > MAX) return fail(`too many tests (at most ${MAX} joined by &&)`);
      pos += 2;
      state = 'location';
      locations = 0;
      values = 0;
    } else {
      if (values > 0) {
        if (c !== ',') return fail('`,` or `&&` expected');
        pos++;
      }
      let err = readNumber();
      if (err) return fail(err);
      while (isSpace(text[pos])) pos++;
      if (text[pos] === ':') {
        pos++;
        err = readNumber();
        if (err) return fail(err);
      }
      if (++values > MAX) return fail(`too many ranges (at most ${MAX} per test)`);
    }
  }
}

export const u32: ExtensionDef = {
  name: 'u32',
  type: 'match',
  families: ['ipv4', 'ipv6'],
  summary: 'Tests 32-bit words read from arbitrary packet offsets against ranges, with masks and shifts.',
  options: [
    {
      name: 'u32',
      args: [{ kind: 'custom', label: 'tests', validate: validateU32 }],
      invert: true,
      required: true,
      summary: 'One or more tests joined by &&: location=range[,range...], where a location may follow offsets with @.',
    },
  ],
};
