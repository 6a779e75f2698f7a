/**
 * One string per distinct word, found without making a string first; and one
 * argument object per distinct word at a given column.
 *
 * Rulesets repeat the same few thousand words (`-A`, `-m`, `tcp`, chain names)
 * hundreds of thousands of times. Looking a word up by its characters in the
 * line (a hash over its characters there, then a character comparison) gives
 * back the string made the first time: no new string per occurrence for the
 * collector, one shared string in the model, and fast comparisons in the chain
 * checks. Bounded for long-lived processes (the language server).
 *
 * The argument objects go further: in a kube-proxy ruleset only one argument in
 * six is a word at a column no earlier line had it at (chain names have one
 * length, so `-m`, `comment`, `-j` recur at the same columns). Sharing those
 * immutable objects between lines leaves a sixth as many argument objects for
 * the model to keep and the collector to copy.
 */
import type { Arg } from './syntax.js';

/** Words, and shared arguments, kept at most before the tables start again. */
const WORD_LIMIT = 200_000;
const ARG_LIMIT = 400_000;

let capacity = 1 << 14;
let hashes = new Int32Array(capacity);
let words: (string | undefined)[] = new Array(capacity).fill(undefined);
let size = 0;

/** The shared arguments: an open-addressing table keyed by word and column. */
let argCapacity = 1 << 15;
let argHashes = new Int32Array(argCapacity);
let args: (Arg | undefined)[] = new Array(argCapacity).fill(undefined);
let shared = 0;

/** FNV-1a over UTF-16 code units. */
const HASH_SEED = 0x811c9dc5 | 0;
function hashStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, 16777619);
}

function sameWord(word: string, text: string, start: number, end: number): boolean {
  return word.length === end - start && text.startsWith(word, start);
}

/** The entries of an open-addressing table, moved into a new one of `capacity` slots (a power of two). */
function rehash<T>(values: (T | undefined)[], hashes: Int32Array, capacity: number): { values: (T | undefined)[]; hashes: Int32Array<ArrayBuffer> } {
  const moved: (T | undefined)[] = new Array(capacity).fill(undefined);
  const movedHashes = new Int32Array(capacity);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value === undefined) continue;
    let slot = hashes[i] & (capacity - 1);
    while (moved[slot] !== undefined) slot = (slot + 1) & (capacity - 1);
    moved[slot] = value;
    movedHashes[slot] = hashes[i];
  }
  return { values: moved, hashes: movedHashes };
}

function grow(): void {
  capacity *= 2;
  ({ values: words, hashes } = rehash(words, hashes, capacity));
}

function growArgs(): void {
  argCapacity *= 2;
  ({ values: args, hashes: argHashes } = rehash(args, argHashes, argCapacity));
}

function clearArgs(): void {
  args.fill(undefined);
  shared = 0;
}

/** Starts both tables again: an argument holds its word's string, so the words cannot go without the arguments. */
function clear(): void {
  words.fill(undefined);
  size = 0;
  clearArgs();
}

/** The slot of the word `text[start, end)`, whose hash is `hash`, remembering the word if it is new. */
function slotOf(text: string, start: number, end: number, hash: number): number {
  let mask = capacity - 1;
  let slot = hash & mask;
  for (;;) {
    const word = words[slot];
    if (word === undefined) break;
    if (hashes[slot] === hash && sameWord(word, text, start, end)) return slot;
    slot = (slot + 1) & mask;
  }
  if (size >= WORD_LIMIT) {
    clear();
    slot = hash & mask;
  }
  words[slot] = text.slice(start, end);
  hashes[slot] = hash;
  size++;
  if (size * 2 > capacity) {
    const word = words[slot] as string;
    grow();
    mask = capacity - 1;
    slot = hash & mask;
    while (words[slot] !== word) slot = (slot + 1) & mask;
  }
  return slot;
}

/**
 * The word that starts at `start` and runs to the next space, tab or end of the
 * line, as its shared argument (plainArgAt); undefined when there is no word
 * there. Quotes are ordinary characters here (header and chain lines).
 */
export function wordAt(text: string, start: number): Arg | undefined {
  const end = wordEnd(text, start);
  if (end <= start) return undefined;
  let hash = HASH_SEED;
  for (let i = start; i < end; i++) hash = hashStep(hash, text.charCodeAt(i));
  return plainArgAt(text, start, end, hash);
}

/**
 * The shared argument for the plain word `text[start, end)`, whose code units
 * `units` holds from `base` on (the lexer's copy of the line: text[i] is units[base + i]).
 */
export function sharedArg(text: string, start: number, end: number, units: Uint16Array, base: number): Arg {
  let hash = HASH_SEED;
  for (let i = start; i < end; i++) hash = hashStep(hash, units[base + i]);
  return plainArgAt(text, start, end, hash);
}

/** Where the word that starts at `start` ends: the next space, tab or end of the line. */
function wordEnd(text: string, start: number): number {
  let i = start;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9) break;
    i++;
  }
  return i;
}

/**
 * The word that starts at `start`, as wordAt finds it, but as an argument of
 * its own with a string of its own: for a caller that lets go of the line's
 * arguments at once (a one-shot lint, see LintOptions.findingsOnly). Sharing
 * pays only for arguments that are kept; looking each word up in the tables
 * costs a cache miss or two, and shared arguments outlive their line.
 */
export function unsharedWordAt(text: string, start: number): Arg | undefined {
  const end = wordEnd(text, start);
  return end <= start ? undefined : { value: text.slice(start, end), start, end };
}

/**
 * The unquoted argument `text[start, end)`, whose hash is `hash`, as the one
 * object shared by every line that has this word at this column. Arguments are
 * never changed after parsing, and none is compared by identity with another
 * line's, so sharing them is invisible.
 */
function plainArgAt(text: string, start: number, end: number, hash: number): Arg {
  const key = hashStep(hash, start);
  const mask = argCapacity - 1;
  let slot = key & mask;
  for (;;) {
    const arg = args[slot];
    if (arg === undefined) break;
    if (argHashes[slot] === key && arg.start === start && sameWord(arg.value, text, start, end)) return arg;
    slot = (slot + 1) & mask;
  }
  // Two statements: slotOf may replace `words` (grow), and `words[slotOf(…)]` would read the old array.
  const wordSlot = slotOf(text, start, end, hash);
  const arg: Arg = { value: words[wordSlot] as string, start, end };
  // A long-lived process (the language server) sees ever new lines: keep the tables bounded.
  if (shared >= ARG_LIMIT) clearArgs();
  // Either clearing (here, or of both tables in slotOf) may have emptied the slots probed: look again.
  slot = key & mask;
  while (args[slot] !== undefined) slot = (slot + 1) & mask;
  args[slot] = arg;
  argHashes[slot] = key;
  if (++shared * 2 > argCapacity) growArgs();
  return arg;
}
