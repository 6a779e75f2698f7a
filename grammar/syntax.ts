/** The syntax tree of one line, as the grammar produces it. Columns are 0-based, ends exclusive. */

export interface Word {
  readonly value: string;
  readonly start: number;
  readonly end: number;
}

/** Read-only: lines share one object for the same unquoted word at the same column (words.ts). */
export interface Arg extends Word {
  /** Present (true) only when the argument has a double-quoted part: most arguments have none, and absent fields cost no memory. */
  readonly quoted?: boolean;
  /** Present (true) only when a double quote was opened and never closed. */
  readonly unterminated?: boolean;
}

export interface CountersNode {
  start: number;
  end: number;
  packets?: string;
  bytes?: string;
  /** Both numbers present and decimal, as `iptables-restore -c` requires. */
  valid: boolean;
}

export type LineNode =
  | { kind: 'blank' }
  | { kind: 'comment' }
  | { kind: 'table'; name?: Word; extra: readonly Word[] }
  | { kind: 'chain'; name?: Word; policy?: Word; counters?: CountersNode; extra: readonly Word[] }
  | { kind: 'commit'; exact: boolean }
  | { kind: 'rule'; counters?: CountersNode; args: Arg[]; unclosedCounters?: Word };

export type LineKind = LineNode['kind'];

export type ArgKind = 'bang' | 'option' | 'word';

/**
 * What getopt makes of an argument, from its unquoted value alone: `"-p"` is
 * an option, `"!"` a negation. Derived, not stored: a 100,000-rule file has
 * over a million arguments.
 */
export function argKind(arg: Pick<Arg, 'value'>): ArgKind {
  const value = arg.value;
  if (value.charCodeAt(0) === 45 /* - */) return value.length > 1 ? 'option' : 'word';
  return value === '!' ? 'bang' : 'word';
}
