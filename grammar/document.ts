/**
 * Splits a whole file into lines and parses each one. Reports the properties
 * of the text that matter to iptables-restore but belong to no single line:
 * a byte-order mark, CRLF endings, NUL bytes, lines longer than its buffer.
 */
import { doubled } from './int32.js';
import { COMMENT_MARK, isBlankLine, isCommentLine, parseLine } from './parser.js';
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

/**
 * A file's lines, each without its terminator (and without a BOM on line 0): a list of strings (the editor's
 * documents), or TextLines, which makes each line's string from the file's text only when asked (lint()).
 */
export interface LineTexts {
  readonly length: number;
  /** The text of `line` (0-based; negative counts from the end, as Array.prototype.at does), or undefined past either end. */
  at(line: number): string | undefined;
}

/** A file split into lines, before (or without keeping) their parse. */
export interface DocumentText {
  texts: LineTexts;
  facts: TextFacts;
}

export interface ParsedDocument extends DocumentText {
  texts: string[];
  /** `lines[i]` is the parse of `texts[i]`: lint reads either, as it needs. */
  lines: LineNode[];
}

/**
 * The lines of a text as where each starts and ends in it. Why not split('\n'): a string per line made up front
 * and kept to the end is 150,000 strings for a kube-proxy ruleset, each copied by the young-generation collector
 * twice before it settles; splitting and keeping them took longer than lexing a third of the file. Here a line's
 * string is made when asked for and dies young, once its line is read.
 */
export class TextLines implements LineTexts {
  private lastLine = -1;
  private lastText = '';

  /** `body`: the text without its BOM; line i is body[starts[i], ends[i]), its LF or CR LF after it. */
  constructor(
    readonly body: string,
    readonly starts: Int32Array,
    private readonly ends: Int32Array,
    readonly length: number,
  ) {}

  at(index: number): string | undefined {
    const line = index < 0 ? index + this.length : index;
    if (line < 0 || line >= this.length) return undefined;
    // A line is asked for by the reader of the model and by each hook that looks at its text: made once.
    if (line === this.lastLine) return this.lastText;
    const text = this.body.slice(this.starts[line], this.ends[line]);
    this.lastLine = line;
    this.lastText = text;
    return text;
  }

  /** Whether `line` is a comment line, without making its text (asked of every line by the suppressions). */
  isComment(line: number): boolean {
    return this.starts[line] < this.ends[line] && this.body.charCodeAt(this.starts[line]) === COMMENT_MARK;
  }

  /** Whether `line` is blank, without making its text. */
  isBlank(line: number): boolean {
    return this.starts[line] === this.ends[line];
  }
}

/** isCommentLine of line `line` of `texts`, made as a string only where it must be. */
export function isCommentLineAt(texts: LineTexts, line: number): boolean {
  return texts instanceof TextLines ? texts.isComment(line) : isCommentLine(texts.at(line) ?? '');
}

/** isBlankLine of line `line` of `texts`, made as a string only where it must be. */
export function isBlankLineAt(texts: LineTexts, line: number): boolean {
  return texts instanceof TextLines ? texts.isBlank(line) : isBlankLine(texts.at(line) ?? '');
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

/** What splitLines finds, with the lines as TextLines: the same lines and facts, without a string per line. */
export function indexLines(text: string): { texts: TextLines; facts: TextFacts } {
  const facts = noFacts();
  const body = textBody(text);
  facts.bom = body !== text;
  let starts = new Int32Array((body.length >> 6) + 16);
  let ends = new Int32Array(starts.length);
  let count = 0;
  let at = 0;
  const length = body.length;
  // One search of the whole text, not one per line: nearly every file has no NUL at all.
  const nul = body.indexOf('\0');
  while (at < length) {
    const newline = body.indexOf('\n', at);
    let end = newline < 0 ? length : newline;
    if (end > at && body.charCodeAt(end - 1) === 13 /* CR, before its LF or at the end of the text */) {
      end--;
      if (facts.firstCrlfLine < 0) facts.firstCrlfLine = count;
      facts.crlfLines++;
    }
    if (count === starts.length) {
      starts = doubled(starts);
      ends = doubled(ends);
    }
    starts[count] = at;
    ends[count] = end;
    if (nul >= at && nul < end) facts.firstNulLine = count;
    // Only a line of a third of the buffer's length or more can fill it: make the string of those alone.
    if (end - at >= RESTORE_LINE_BUFFER / 3 && overRestoreBuffer(body.slice(at, end))) facts.longLines.push(count);
    count++;
    if (newline < 0) {
      facts.missingFinalNewline = true;
      break;
    }
    at = newline + 1;
  }
  return { texts: new TextLines(body, starts, ends, count), facts };
}

function noFacts(): TextFacts {
  return { bom: false, firstCrlfLine: -1, crlfLines: 0, longLines: [], firstNulLine: -1, missingFinalNewline: false };
}

export function splitLines(text: string): { texts: string[]; facts: TextFacts } {
  const facts = noFacts();
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
