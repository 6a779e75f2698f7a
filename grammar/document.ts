/**
 * Splits a whole file into lines and parses each one. Reports the properties
 * of the text that matter to iptables-restore but belong to no single line:
 * a byte-order mark, CRLF endings, NUL bytes, lines longer than its buffer.
 */
import { parseLine } from './parser.js';
import type { LineNode } from './syntax.js';

export interface TextFacts {
  bom: boolean;
  /** 0-based index of the first line ending in CR LF, or -1. */
  firstCrlfLine: number;
  crlfLines: number;
  /** 0-based lines longer than iptables-restore's 10,240-byte line buffer. */
  longLines: number[];
  /** 0-based line of the first NUL character, or -1. */
  firstNulLine: number;
  /** True when the last line has no terminating newline. */
  missingFinalNewline: boolean;
}

/** A file split into lines, before (or without keeping) their parse. */
export interface DocumentText {
  /** Each line's text without its terminator (and without a BOM on line 0). */
  texts: string[];
  facts: TextFacts;
}

export interface ParsedDocument extends DocumentText {
  /** `lines[i]` is the parse of `texts[i]`: lint reads either, as it needs. */
  lines: LineNode[];
}

/** iptables-restore reads lines with fgets into a 10,240-byte buffer. */
export const RESTORE_LINE_BUFFER = 10240;

/** Whether iptables-restore's line buffer is too small for `line` (without its terminator). */
export function overRestoreBuffer(line: string): boolean {
  // A line of fewer UTF-16 units than a third of the buffer cannot fill it, even with 3-byte characters:
  // measure bytes only for the rest.
  return line.length >= RESTORE_LINE_BUFFER / 3 && Buffer.byteLength(line, 'utf8') >= RESTORE_LINE_BUFFER;
}

/** The text whose lines splitLines returns: without a byte-order mark, which becomes a zero-width prefix no line sees (columns stay right). */
export function textBody(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Where each of `texts` (splitLines of a text whose body is `body`) starts in `body`: lines and their LF or CR LF in turn. */
export function lineStarts(body: string, texts: readonly string[]): Int32Array {
  const starts = new Int32Array(texts.length);
  let offset = 0;
  for (let i = 0; i < texts.length; i++) {
    starts[i] = offset;
    const end = offset + texts[i].length;
    offset = end + (body.charCodeAt(end) === 13 /* CR, before its LF */ ? 2 : 1);
  }
  return starts;
}

export function splitLines(text: string): DocumentText {
  const facts: TextFacts = {
    bom: false,
    firstCrlfLine: -1,
    crlfLines: 0,
    longLines: [],
    firstNulLine: -1,
    missingFinalNewline: false,
  };
  const body = textBody(text);
  facts.bom = body !== text;
  const texts = body.split('\n');
  if (texts.length > 0 && texts[texts.length - 1] === '') {
    texts.pop();
  } else if (body.length > 0) {
    facts.missingFinalNewline = true;
  }
  // One search of the whole text, not one per line: nearly every file has no NUL at all.
  const hasNul = body.indexOf('\0') >= 0;
  for (let i = 0; i < texts.length; i++) {
    let line = texts[i];
    if (line.length > 0 && line.charCodeAt(line.length - 1) === 13) {
      line = line.slice(0, -1);
      texts[i] = line;
      if (facts.firstCrlfLine < 0) facts.firstCrlfLine = i;
      facts.crlfLines++;
    }
    if (overRestoreBuffer(line)) facts.longLines.push(i);
    if (hasNul && facts.firstNulLine < 0 && line.indexOf('\0') >= 0) facts.firstNulLine = i;
  }
  return { texts, facts };
}

export function parseDocument(text: string): ParsedDocument {
  const { texts, facts } = splitLines(text);
  const lines = new Array<LineNode>(texts.length);
  for (let i = 0; i < texts.length; i++) lines[i] = parseLine(texts[i]);
  return { lines, texts, facts };
}
