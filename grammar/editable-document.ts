/**
 * A parsed document that follows an editor's changes: each change re-parses the
 * lines it touches and keeps every other line's node (the same object), which
 * is what LintSession needs to see what changed. Applying an LSP change costs
 * the size of the change plus copying two arrays of pointers, not a re-split of
 * the whole text.
 *
 * Lines are what iptables-restore reads: split at LF, a CR before it stripped,
 * a byte-order mark on the first line set aside (splitLines, whose results this
 * must equal). LSP positions count lines the same way as long as the text has
 * no CR outside a CR LF pair; with one, positions are ambiguous and apply()
 * declines, so the caller falls back to the full text.
 */
import { overRestoreBuffer, type ParsedDocument, type TextFacts } from './document.js';
import { parseLine } from './parser.js';
import type { LineNode } from './syntax.js';

export interface Position {
  line: number;
  character: number;
}

/** An LSP TextDocumentContentChangeEvent: a range and its new text, or (no range) the whole new text. */
export interface TextChange {
  range?: { start: Position; end: Position };
  text: string;
}

const CRLF = 1;
const LONG = 2;
const NUL = 4;
/** A CR that does not end the line before a LF: LSP counts it as a line break, iptables does not. */
const LONE_CR = 8;

export class EditableDocument {
  /** The text split at LF, terminators removed but CRs kept; the last entry is what follows the last LF. */
  private raw: string[] = [];
  /** Per raw line: what it adds to the document's facts. */
  private flags: number[] = [];
  private nodes: LineNode[] = [];
  private texts: string[] = [];
  private loneCrLines = 0;
  private snapshot?: ParsedDocument;
  /** Lines parsed by the last change (or text), for statistics. */
  parsedLines = 0;
  /** Lines (in today's numbering) that may hold new nodes since mark(); everything else is as it was. */
  private dirty?: { from: number; to: number };

  constructor(text = '') {
    this.setText(text);
  }

  /** The document now; the same object until the next change. */
  get document(): ParsedDocument {
    if (!this.snapshot) {
      // As splitLines: what follows the last LF is a line only when it is not empty (after a BOM, for a lone line).
      const endsWithNewline = lineText(this.raw[this.raw.length - 1], this.raw.length === 1, true) === '';
      const count = this.raw.length - (endsWithNewline ? 1 : 0);
      this.snapshot = { lines: this.nodes.slice(0, count), texts: this.texts.slice(0, count), facts: this.facts(count, !endsWithNewline) };
    }
    return this.snapshot;
  }

  /**
   * The lines that may have changed since the last mark(), as [from, to) in the
   * current numbering (undefined: none). Callers that compare documents look
   * only there.
   */
  changedSinceMark(): { from: number; to: number } | undefined {
    return this.dirty && { ...this.dirty };
  }

  mark(): void {
    this.dirty = undefined;
  }

  get lineCount(): number {
    return this.document.lines.length;
  }

  /**
   * Replaces the whole text. Lines equal to the current ones at the start and at
   * the end keep their nodes, so a full-text update after a small edit still
   * shows LintSession only the lines in between as changed.
   */
  setText(text: string): void {
    this.parsedLines = 0;
    const raw = text.split('\n');
    const old = this.raw;
    let head = 0;
    const limit = Math.min(raw.length, old.length);
    while (head < limit && raw[head] === old[head]) head++;
    let tail = 0;
    while (tail < limit - head && raw[raw.length - 1 - tail] === old[old.length - 1 - tail]) tail++;
    this.replaceLines(head, old.length - tail, raw.slice(head, raw.length - tail));
  }

  /** Applies LSP changes in order. Returns false, changing nothing more, when positions cannot be mapped to lines. */
  apply(changes: readonly TextChange[]): boolean {
    this.parsedLines = 0;
    for (const change of changes) {
      if (!change.range) {
        const parsed = this.parsedLines;
        this.setText(change.text);
        this.parsedLines += parsed;
        continue;
      }
      if (this.loneCrLines > 0) return false;
      let { start, end } = change.range;
      if (start.line > end.line || (start.line === end.line && start.character > end.character)) [start, end] = [end, start];
      const [startLine, startColumn] = this.locate(start);
      const [endLine, endColumn] = this.locate(end);
      const joined = this.raw[startLine].slice(0, startColumn) + change.text + this.raw[endLine].slice(endColumn);
      this.replaceLines(startLine, endLine + 1, joined.split('\n'));
    }
    return true;
  }

  /** A position as (raw line, column), clamped as LSP clients and vscode-languageserver-textdocument do. */
  private locate(position: Position): [number, number] {
    const last = this.raw.length - 1;
    if (position.line < 0) return [0, 0];
    if (position.line > last) return [last, this.raw[last].length];
    const text = this.raw[position.line];
    // The CR of a CR LF belongs to the line break, not the line.
    const length = position.line < last && text.charCodeAt(text.length - 1) === 13 ? text.length - 1 : text.length;
    return [position.line, Math.max(0, Math.min(position.character, length))];
  }

  private replaceLines(from: number, to: number, lines: string[]): void {
    const last = from + lines.length - 1;
    const isLast = to >= this.raw.length;
    const flags = new Array<number>(lines.length);
    const nodes = new Array<LineNode>(lines.length);
    const texts = new Array<string>(lines.length);
    for (let i = 0; i < lines.length; i++) {
      const text = lineText(lines[i], from + i === 0);
      texts[i] = text;
      nodes[i] = parseLine(text);
      flags[i] = lineFlags(lines[i], text, isLast && from + i === last);
    }
    for (let i = from; i < to; i++) if (this.flags[i] & LONE_CR) this.loneCrLines--;
    for (const f of flags) if (f & LONE_CR) this.loneCrLines++;
    this.touch(from, to, lines.length);
    this.raw = splice(this.raw, from, to, lines);
    this.flags = splice(this.flags, from, to, flags);
    this.nodes = splice(this.nodes, from, to, nodes);
    this.texts = splice(this.texts, from, to, texts);
    // A kept line that became or stopped being the first (BOM) or the last (a trailing CR) is seen differently now.
    if (from === 0) {
      this.refresh(0);
      this.refresh(lines.length);
    }
    if (isLast) {
      this.refresh(from - 1);
      this.refresh(this.raw.length - 1);
    }
    this.parsedLines += lines.length;
    this.snapshot = undefined;
  }

  private refresh(i: number): void {
    if (i < 0 || i >= this.raw.length) return;
    const text = lineText(this.raw[i], i === 0);
    const flags = lineFlags(this.raw[i], text, i === this.raw.length - 1);
    if (this.flags[i] & LONE_CR) this.loneCrLines--;
    if (flags & LONE_CR) this.loneCrLines++;
    this.flags[i] = flags;
    if (text !== this.texts[i]) {
      this.texts[i] = text;
      this.nodes[i] = parseLine(text);
      this.touch(i, i + 1, 1);
    }
  }

  /** Widens the dirty range for lines [from, to) replaced by `count` lines. */
  private touch(from: number, to: number, count: number): void {
    const delta = count - (to - from);
    const moved = (line: number, end: boolean) => (line < from || (line === from && !end) ? line : line >= to ? line + delta : from + count);
    const d = this.dirty;
    this.dirty = d
      ? { from: Math.min(moved(d.from, false), from), to: Math.max(moved(d.to, true), from + count) }
      : { from, to: from + count };
  }

  private facts(count: number, missingFinalNewline: boolean): TextFacts {
    const facts: TextFacts = {
      bom: this.raw[0].charCodeAt(0) === 0xfeff,
      firstCrlfLine: -1,
      crlfLines: 0,
      longLines: [],
      firstNulLine: -1,
      missingFinalNewline,
    };
    const flags = this.flags;
    for (let i = 0; i < count; i++) {
      const f = flags[i];
      if (f === 0) continue;
      if (f & CRLF) {
        if (facts.firstCrlfLine < 0) facts.firstCrlfLine = i;
        facts.crlfLines++;
      }
      if (f & LONG) facts.longLines.push(i);
      if (f & NUL && facts.firstNulLine < 0) facts.firstNulLine = i;
    }
    return facts;
  }
}

/** Array.prototype.splice without spreading a huge insertion into arguments (a pasted ruleset). */
function splice<T>(array: T[], from: number, to: number, items: T[]): T[] {
  if (items.length < 10000) {
    array.splice(from, to - from, ...items);
    return array;
  }
  return array.slice(0, from).concat(items, array.slice(to));
}

/** The line as iptables-restore sees it: without the CR of a CR LF, and line 1 without a byte-order mark. */
function lineText(raw: string, first: boolean, keepCr = false): string {
  let text = first && raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  if (!keepCr && text.charCodeAt(text.length - 1) === 13) text = text.slice(0, -1);
  return text;
}

function lineFlags(raw: string, text: string, last: boolean): number {
  let flags = 0;
  if (text.length !== raw.length && raw.charCodeAt(raw.length - 1) === 13) flags |= CRLF;
  if (overRestoreBuffer(text)) flags |= LONG;
  if (text.indexOf('\0') >= 0) flags |= NUL;
  const cr = raw.indexOf('\r');
  if (cr >= 0 && (last || cr !== raw.length - 1 || raw.indexOf('\r', cr + 1) >= 0)) flags |= LONE_CR;
  return flags;
}
