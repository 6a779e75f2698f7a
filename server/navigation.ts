/** Document symbols (tables → chains), chain definition, references, rename and highlight, folding per table. */
import { argKind } from '../grammar/syntax.js';
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
import type { ParsedDocument } from '../grammar/document.js';
import { BUILTIN_CHAINS } from '../src/model/build.js';
import type { Span } from '../src/model/types.js';
import type { Analysis } from './document-state.js';
import { chainOccurrences, locate } from './locate.js';

export function toRange(span: Span): Range {
  return { start: { line: span.line, character: span.start }, end: { line: span.line, character: span.end } };
}

interface ChainSketch {
  name: string;
  line: number;
  start: number;
  end: number;
  builtin: boolean;
  policy?: string;
  rules: number;
}

interface TableSketch {
  name: string;
  header: number;
  headerEnd: number;
  /** The COMMIT line, else the last non-blank line before the next table or the end. */
  last: number;
  commands: number;
  chains: Map<string, ChainSketch>;
}

const APPEND = new Set(['-A', '--append', '-I', '--insert']);
const NEW_CHAIN = new Set(['-N', '--new-chain']);

/**
 * Tables and their declared chains straight from the parsed lines. Symbols and
 * folding are asked for after every edit; reading them from the parse keeps
 * them off the whole-file lint, which on a large file takes seconds.
 */
export function sketchTables(doc: ParsedDocument): TableSketch[] {
  const tables: TableSketch[] = [];
  let current: TableSketch | undefined;
  const lastNonBlankBefore = (line: number, floor: number) => {
    let last = line - 1;
    while (last > floor && doc.lines[last]?.kind === 'blank') last--;
    return last;
  };
  for (let i = 0; i < doc.lines.length; i++) {
    const node = doc.lines[i];
    if (node.kind === 'table') {
      if (current) current.last = lastNonBlankBefore(i, current.header);
      current = undefined;
      if (!node.name) continue;
      current = { name: node.name.value, header: i, headerEnd: node.name.end, last: i, commands: 0, chains: new Map() };
      tables.push(current);
    } else if (!current) {
      continue;
    } else if (node.kind === 'commit') {
      current.last = i;
      current = undefined;
    } else if (node.kind === 'chain' && node.name && !current.chains.has(node.name.value)) {
      const builtin = Object.hasOwn(BUILTIN_CHAINS, current.name) && BUILTIN_CHAINS[current.name].includes(node.name.value);
      current.chains.set(node.name.value, { name: node.name.value, line: i, start: node.name.start, end: node.name.end, builtin, policy: node.policy?.value, rules: 0 });
    } else if (node.kind === 'rule' && !node.unclosedCounters) {
      current.commands++;
      const [command, chain] = node.args;
      if (!command || !chain || argKind(chain) !== 'word') continue;
      if (APPEND.has(command.value)) {
        const target = current.chains.get(chain.value);
        if (target) target.rules++;
      } else if (NEW_CHAIN.has(command.value) && !current.chains.has(chain.value)) {
        current.chains.set(chain.value, { name: chain.value, line: i, start: chain.start, end: chain.end, builtin: false, rules: 0 });
      }
    }
  }
  if (current) current.last = lastNonBlankBefore(doc.lines.length, current.header);
  return tables;
}

function lineRange(doc: ParsedDocument, from: number, to: number): Range {
  return { start: { line: from, character: 0 }, end: { line: to, character: doc.texts[to]?.length ?? 0 } };
}

export function documentSymbols(doc: ParsedDocument): DocumentSymbol[] {
  return sketchTables(doc).map((table) => {
    const children: DocumentSymbol[] = [...table.chains.values()].map((chain) => ({
      name: chain.name,
      detail: `${chain.builtin ? `built-in, policy ${chain.policy ?? '?'}` : 'user chain'}; ${chain.rules} rule${chain.rules === 1 ? '' : 's'}`,
      kind: chain.builtin ? SymbolKind.Event : SymbolKind.Function,
      range: lineRange(doc, chain.line, chain.line),
      selectionRange: toRange(chain),
    }));
    return {
      name: `*${table.name}`,
      detail: `${table.commands} command${table.commands === 1 ? '' : 's'}`,
      kind: SymbolKind.Namespace,
      range: lineRange(doc, table.header, table.last),
      selectionRange: toRange({ line: table.header, start: 0, end: table.headerEnd }),
      children,
    };
  });
}

export function foldingRanges(doc: ParsedDocument): FoldingRange[] {
  const out: FoldingRange[] = [];
  for (const table of sketchTables(doc)) {
    if (table.last > table.header) out.push({ startLine: table.header, endLine: table.last, kind: FoldingRangeKind.Region });
  }
  // Runs of comment lines fold too: long headers and commented-out blocks.
  const lines = doc.lines;
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
