/**
 * One string per distinct word, found without making a string first.
 *
 * Rulesets repeat the same few thousand words (`-A`, `-m`, `tcp`, chain names)
 * hundreds of thousands of times. Looking a word up by its characters in the
 * line (a hash computed while scanning it, then a character comparison) gives
 * back the string made the first time: no new string per occurrence for the
 * collector, one shared string in the model, and fast comparisons in the chain
 * checks. Bounded for long-lived processes (the language server).
 */
const LIMIT = 200_000;

let capacity = 1 << 14;
let hashes = new Int32Array(capacity);
let words: (string | undefined)[] = new Array(capacity).fill(undefined);
let size = 0;

/** FNV-1a over UTF-16 code units: the same function the matcher computes incrementally. */
export const HASH_SEED = 0x811c9dc5 | 0;
export function hashStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, 16777619);
}

function sameWord(word: string, text: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}

function grow(): void {
  const oldWords = words;
  const oldHashes = hashes;
  capacity *= 2;
  hashes = new Int32Array(capacity);
  words = new Array(capacity).fill(undefined);
  for (let i = 0; i < oldWords.length; i++) {
    const word = oldWords[i];
    if (word === undefined) continue;
    let slot = oldHashes[i] & (capacity - 1);
    while (words[slot] !== undefined) slot = (slot + 1) & (capacity - 1);
    words[slot] = word;
    hashes[slot] = oldHashes[i];
  }
}

/** The word `text[start, end)`, whose hash is `hash`: the string already known, or a new one remembered. */
export function wordAt(text: string, start: number, end: number, hash: number): string {
  const mask = capacity - 1;
  let slot = hash & mask;
  for (;;) {
    const word = words[slot];
    if (word === undefined) break;
    if (hashes[slot] === hash && sameWord(word, text, start, end)) return word;
    slot = (slot + 1) & mask;
  }
  const word = text.slice(start, end);
  if (size >= LIMIT) {
    words.fill(undefined);
    size = 0;
    slot = hash & mask;
  }
  words[slot] = word;
  hashes[slot] = hash;
  size++;
  if (size * 2 > capacity) grow();
  return word;
}
