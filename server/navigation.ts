/** Document symbols (tables → chains), chain definition, references, rename and highlight, folding per table. */
import {
  DocumentHighlightKind,
  FoldingRangeKind,
  ResponseError,
  ErrorCodes,
  SymbolKind,
  type DocumentHighlight,
  type DocumentSymbol,
  type FoldingRange,
  type Location,
  type Range,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { chainNameProblem } from '../src/model/build.js';
import type { Span, Table } from '../src/model/types.js';
import type { Analysis } from './document-state.js';
import { chainOccurrences, locate } from './locate.js';

export function toRange(span: Span): Range {
  return { start: { line: span.line, character: span.start }, end: { line: span.line, character: span.end } };
}

function lastLineOf(analysis: Analysis, table: Table): number {
  if (table.commitLine !== undefined) return table.commitLine;
  // An unclosed table runs to the next table header or the end of the file.
  const next = analysis.result.file.tables.find((t) => t.header.line > table.header.line);
  let last = (next ? next.header.line : analysis.doc.lines.length) - 1;
  while (last > table.header.line && analysis.doc.lines[last]?.kind === 'blank') last--;
  return last;
}

function lineRange(analysis: Analysis, from: number, to: number): Range {
  return { start: { line: from, character: 0 }, end: { line: to, character: analysis.doc.texts[to]?.length ?? 0 } };
}

export function documentSymbols(analysis: Analysis): DocumentSymbol[] {
  return analysis.result.file.tables.map((table) => {
    const children: DocumentSymbol[] = [];
    for (const chain of table.chains.values()) {
      if (!chain.declaration) continue;
      const rules = chain.rules.length;
      const policy = chain.policy?.value;
      children.push({
        name: chain.name,
        detail: `${chain.builtin ? `built-in, policy ${policy ?? '?'}` : 'user chain'}; ${rules} rule${rules === 1 ? '' : 's'}`,
        kind: chain.builtin ? SymbolKind.Event : SymbolKind.Function,
        range: lineRange(analysis, chain.declaration.line, chain.declaration.line),
        selectionRange: toRange(chain.declaration),
      });
    }
    const header = table.header;
    return {
      name: `*${table.name}`,
      detail: `${table.commands.length} command${table.commands.length === 1 ? '' : 's'}`,
      kind: SymbolKind.Namespace,
      range: lineRange(analysis, header.line, lastLineOf(analysis, table)),
      selectionRange: toRange(header),
      children,
    };
  });
}

export function foldingRanges(analysis: Analysis): FoldingRange[] {
  const out: FoldingRange[] = [];
  for (const table of analysis.result.file.tables) {
    const last = lastLineOf(analysis, table);
    if (last > table.header.line) out.push({ startLine: table.header.line, endLine: last, kind: FoldingRangeKind.Region });
  }
  // Runs of comment lines fold too: long headers and commented-out blocks.
  const lines = analysis.doc.lines;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].kind !== 'comment') continue;
    let j = i;
    while (j + 1 < lines.length && lines[j + 1].kind === 'comment') j++;
    if (j > i) out.push({ startLine: i, endLine: j, kind: FoldingRangeKind.Comment });
    i = j;
  }
  return out.sort((a, b) => a.startLine - b.startLine);
}

function chainAt(analysis: Analysis, line: number, character: number) {
  const found = locate(analysis, line, character);
  return found?.kind === 'chain' ? found : undefined;
}

export function definition(analysis: Analysis, uri: string, line: number, character: number): Location | null {
  const found = chainAt(analysis, line, character);
  const declaration = found ? found.table.chains.get(found.name)?.declaration : undefined;
  return declaration ? { uri, range: toRange(declaration) } : null;
}

export function references(analysis: Analysis, uri: string, line: number, character: number, includeDeclaration: boolean): Location[] | null {
  const found = chainAt(analysis, line, character);
  if (!found) return null;
  return chainOccurrences(analysis, found.table, found.name)
    .filter((o) => includeDeclaration || o.kind !== 'declaration')
    .map((o) => ({ uri, range: toRange(o.span) }));
}

export function documentHighlights(analysis: Analysis, line: number, character: number): DocumentHighlight[] | null {
  const found = chainAt(analysis, line, character);
  if (!found) return null;
  return chainOccurrences(analysis, found.table, found.name).map((o) => ({
    range: toRange(o.span),
    kind: o.kind === 'declaration' ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
  }));
}

function renamable(analysis: Analysis, line: number, character: number) {
  const found = chainAt(analysis, line, character);
  if (!found) throw new ResponseError(ErrorCodes.InvalidRequest, 'Only chain names can be renamed.');
  const chain = found.table.chains.get(found.name);
  if (!chain) throw new ResponseError(ErrorCodes.InvalidRequest, `Chain ${found.name} is not declared in table ${found.table.name}.`);
  if (chain.builtin) throw new ResponseError(ErrorCodes.InvalidRequest, `${found.name} is a built-in chain of table ${found.table.name} and cannot be renamed.`);
  return found;
}

export function prepareRename(analysis: Analysis, line: number, character: number): { range: Range; placeholder: string } {
  const found = renamable(analysis, line, character);
  return { range: toRange(found.span), placeholder: found.name };
}

export function rename(analysis: Analysis, uri: string, line: number, character: number, newName: string): WorkspaceEdit {
  const found = renamable(analysis, line, character);
  if (!/^\S+$/.test(newName)) throw new ResponseError(ErrorCodes.InvalidParams, 'A chain name cannot be empty or contain white space.');
  const problem = chainNameProblem(newName, analysis.result.file.family);
  if (problem) throw new ResponseError(ErrorCodes.InvalidParams, problem);
  if (newName !== found.name && found.table.chains.has(newName)) {
    throw new ResponseError(ErrorCodes.InvalidParams, `Table ${found.table.name} already has a chain ${newName}.`);
  }
  const edits = chainOccurrences(analysis, found.table, found.name).map((o) => ({ range: toRange(o.span), newText: newName }));
  return { changes: { [uri]: edits } };
}
