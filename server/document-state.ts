/**
 * Per-document state of the language server. The text is kept as parsed lines
 * (EditableDocument) that follow the editor's changes, re-parsing only the
 * lines a change touches; LintSession then re-checks only those lines when the
 * edit cannot change what the whole-file checks see, and lints fully
 * otherwise. The result is kept with an index from line to table and command,
 * which hover, completion and navigation share.
 */
import { splitLines, type ParsedDocument } from '../grammar/document.js';
import { EditableDocument, type TextChange } from '../grammar/editable-document.js';
import { parseLine } from '../grammar/parser.js';
import type { Family } from '../src/catalog/types.js';
import type { Backend, LintOptions } from '../src/lint-options.js';
import { lintDocument, type LintResult } from '../src/lint.js';
import { LintSession, type SessionMode } from '../src/lint-session.js';
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
  /** 0-based line → the table it belongs to (header, chain lines, commands, COMMIT); built on first use. */
  readonly lineInfo: Map<number, LineInfo>;
}

export interface ParseStats {
  lines: number;
  /** Lines parsed in the last update; the rest were kept. */
  parsed: number;
  /** How the last lint ran: every check on every line, or only the edited lines' own checks. */
  mode?: SessionMode;
}

function analysisOf(version: number, result: LintResult, doc: ParsedDocument): Analysis {
  let index: Map<number, LineInfo> | undefined;
  return {
    version,
    result,
    doc,
    get lineInfo() {
      return (index ??= indexLines(result));
    },
  };
}

export class DocumentState {
  private readonly text = new EditableDocument();
  /** Version of the text held; -1 before the first. */
  private version = -1;
  private readonly session = new LintSession();
  private analysis?: Analysis;
  private optionsKey: unknown;
  lastStats: ParseStats = { lines: 0, parsed: 0 };

  constructor(readonly uri: string) {}

  /** Brings the text to `version` from the whole text (only lines that differ are re-parsed). */
  setText(text: string, version: number): void {
    if (version === this.version) return;
    this.text.setText(text);
    this.version = version;
    this.lastStats = { lines: this.text.lineCount, parsed: this.text.parsedLines };
  }

  /**
   * Brings the text from version `base` to `version` with the editor's changes.
   * False when this state does not hold `base` or the changes cannot be applied
   * line by line: the caller sends the whole text instead.
   */
  applyChanges(base: number, changes: readonly TextChange[], version: number): boolean {
    if (base !== this.version) return false;
    if (!this.text.apply(changes)) {
      this.version = -1;
      return false;
    }
    this.version = version;
    this.lastStats = { lines: this.text.lineCount, parsed: this.text.parsedLines };
    return true;
  }

  /**
   * The analysis of `version`, computing it when the cached one is older. With
   * `text`, the text is first brought to `version` from it; without, the state
   * must already hold `version`.
   */
  analyse(text: string | undefined, version: number, options: LintOptions, optionsKey: unknown): Analysis {
    const current = this.analysis;
    if (current && current.version === version && this.optionsKey === optionsKey) return current;
    if (text !== undefined) this.setText(text, version);
    const doc = this.text.document;
    const result = this.session.lint(doc, options, optionsKey, this.text.changedSinceMark() ?? { from: 0, to: 0 });
    this.text.mark();
    this.lastStats = { ...this.lastStats, mode: this.session.lastMode };
    this.analysis = analysisOf(version, result, doc);
    this.optionsKey = optionsKey;
    return this.analysis;
  }

  get latest(): Analysis | undefined {
    return this.analysis;
  }

  isFresh(version: number, optionsKey: unknown): boolean {
    return this.analysis?.version === version && this.optionsKey === optionsKey;
  }

  /** The parsed lines of `version`, without linting: enough for symbols, folding and suppression comments. */
  parsed(text: string, version: number): ParsedDocument {
    this.setText(text, version);
    return this.text.document;
  }
}

/** Below this many lines a full lint is fast enough for every request; above it, requests on a stale document use lineAnalysis. */
export const QUICK_PATH_MIN_LINES = 2000;

/**
 * What the last full lint knew about a document's tables, small enough to send
 * between threads: enough to put one line back in context (lineAnalysis).
 */
export interface Outline {
  version: number;
  lines: number;
  /** Absent in a sketch made before the first lint: the stand-in then decides it as the core does. */
  family?: Family;
  backend?: Backend;
  tables: { name: string; header: number; commit?: number; chains: { name: string; builtin: boolean; policy?: string }[] }[];
}

export function outlineOf(result: LintResult, version: number): Outline {
  return {
    version,
    lines: result.lines.length,
    family: result.file.family,
    backend: result.backend,
    tables: result.file.tables.map((t) => ({
      name: t.name,
      header: t.header.line,
      commit: t.commitLine,
      chains: [...t.chains.values()].filter((c) => c.declaration).map((c) => ({ name: c.name, builtin: c.builtin, policy: c.policy?.value })),
    })),
  };
}

/**
 * An outline from the raw text, for requests that arrive before the first lint
 * of a large document has finished: table headers, COMMITs and chain
 * declarations are recognised by their first characters, as iptables-restore
 * does, without parsing rule lines.
 */
export function sketchOutline(text: string, version: number): Outline {
  const { texts } = splitLines(text);
  const tables: Outline['tables'] = [];
  let current: Outline['tables'][number] | undefined;
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i];
    const c = t.charCodeAt(0);
    if (c === 42 /* * */) {
      const name = t.slice(1).split(/[ \t]/)[0];
      current = name ? { name, header: i, chains: [] } : undefined;
      if (current) tables.push(current);
    } else if (!current) {
      continue;
    } else if (c === 58 /* : */) {
      const [name, policy] = t.slice(1).split(/[ \t]+/);
      if (name) current.chains.push({ name, builtin: policy !== '-', policy });
    } else if (c === 67 /* C */ && /^COMMIT(?:[ \t]|$)/.test(t)) {
      current.commit = i;
      current = undefined;
    } else if (c === 45 /* - */) {
      const m = /^(?:-N|--new-chain)[ \t]+(\S+)/.exec(t);
      if (m) current.chains.push({ name: m[1], builtin: false });
    }
  }
  return { version, lines: texts.length, tables };
}

/**
 * A stand-in analysis for one line of a large document whose full analysis is
 * stale or not at hand (an edit is waiting for its lint, or the lint runs in
 * the worker): the line as it is now, inside its table as the last full lint
 * knew it (header and chain declarations, from the outline). Line-local
 * answers (the extensions, options and values of the line, the table's chain
 * names) come out right in about a millisecond; answers about the whole table
 * (jump counts, references) need the full analysis.
 * Returns the analysis and the line's index in it.
 */
export function lineAnalysis(outline: Outline, lineText: string, line: number, options: LintOptions): { analysis: Analysis; line: number } {
  let table: Outline['tables'][number] | undefined;
  for (const t of outline.tables) if (t.header <= line && (t.commit === undefined || line <= t.commit)) table = t;
  // Only the line is linted; the table's chains (thousands in a kube-proxy ruleset) are added to the model afterwards.
  const texts = table ? [`*${table.name}`, lineText, 'COMMIT'] : [lineText];
  const at = table ? 1 : 0;
  const doc: ParsedDocument = {
    lines: texts.map((t) => parseLine(t)),
    texts,
    facts: { bom: false, firstCrlfLine: -1, crlfLines: 0, longLines: [], firstNulLine: -1, missingFinalNewline: false },
  };
  const result = lintDocument(doc, { ...options, family: options.family ?? outline.family, backend: options.backend ?? outline.backend });
  const lineInfo = indexLines(result);
  const model = result.file.tables[0];
  if (table && model) {
    // Declared somewhere in the real document: not at a line of this stand-in.
    const elsewhere = { line: -1, start: 0, end: 0 };
    for (const chain of table.chains) {
      const known = model.chains.get(chain.name);
      if (known) known.declaration ??= elsewhere;
      else model.chains.set(chain.name, { name: chain.name, index: model.chains.size, builtin: chain.builtin, rules: [], declaration: elsewhere });
    }
  }
  return { analysis: { version: -1, result, doc, lineInfo }, line: at };
}

export function tableOf(analysis: Analysis, line: number): Table | undefined {
  const indexed = analysis.lineInfo.get(line)?.table;
  if (indexed) return indexed;
  let found: Table | undefined;
  for (const table of analysis.result.file.tables) {
    if (table.header.line <= line && (table.commitLine === undefined || line <= table.commitLine)) found = table;
  }
  return found;
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
