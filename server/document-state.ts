/**
 * Per-document state of the language server. Lines are parsed on their own
 * (grammar/parser.ts is stateless), so a parsed line is cached by its text and
 * an edit re-parses only the lines whose text changed; the whole-file checks
 * then run on the assembled document. The result is kept with an index from
 * line to table and command, which hover, completion and navigation share.
 */
import { splitLines, type ParsedDocument } from '../grammar/document.js';
import { parseLine } from '../grammar/parser.js';
import type { LineNode } from '../grammar/syntax.js';
import type { LintOptions } from '../src/lint-options.js';
import { lintDocument, type LintResult } from '../src/lint.js';
import type { Command, Table } from '../src/model/types.js';

export interface LineInfo {
  table: Table;
  /** The rule-line command on this line, when it is one. */
  command?: Command;
}

export interface Analysis {
  version: number;
  result: LintResult;
  doc: ParsedDocument;
  /** 0-based line → the table it belongs to (header, chain lines, commands, COMMIT). */
  lineInfo: Map<number, LineInfo>;
}

export interface ParseStats {
  lines: number;
  /** Lines parsed in the last update; the rest came from the cache. */
  parsed: number;
}

export class DocumentState {
  private lineCache = new Map<string, LineNode>();
  private analysis?: Analysis;
  lastStats: ParseStats = { lines: 0, parsed: 0 };

  constructor(readonly uri: string) {}

  /** The analysis of `version`, computing it when the cached one is older. */
  analyse(text: string, version: number, options: LintOptions, optionsGeneration: number): Analysis {
    const current = this.analysis;
    if (current && current.version === version && this.generation === optionsGeneration) return current;
    const doc = this.parse(text);
    const result = lintDocument(doc, options);
    this.analysis = { version, result, doc, lineInfo: indexLines(result) };
    this.generation = optionsGeneration;
    return this.analysis;
  }

  get latest(): Analysis | undefined {
    return this.analysis;
  }

  private generation = -1;

  private parse(text: string): ParsedDocument {
    const { texts, facts } = splitLines(text);
    const previous = this.lineCache;
    // A fresh map holding only this version's lines keeps the cache bounded by the document.
    const next = new Map<string, LineNode>();
    const lines = new Array<LineNode>(texts.length);
    let parsed = 0;
    for (let i = 0; i < texts.length; i++) {
      const t = texts[i];
      let node = next.get(t) ?? previous.get(t);
      if (!node) {
        node = parseLine(t);
        parsed++;
      }
      next.set(t, node);
      lines[i] = node;
    }
    this.lineCache = next;
    this.lastStats = { lines: texts.length, parsed };
    return { lines, texts, facts };
  }
}

function indexLines(result: LintResult): Map<number, LineInfo> {
  const info = new Map<number, LineInfo>();
  for (const table of result.file.tables) {
    info.set(table.header.line, { table });
    for (const chain of table.chains.values()) {
      if (chain.declaration && !info.has(chain.declaration.line)) info.set(chain.declaration.line, { table });
    }
    for (const command of table.commands) info.set(command.line, { table, command });
    if (table.commitLine !== undefined) info.set(table.commitLine, { table });
  }
  return info;
}
