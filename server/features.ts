/**
 * The language features beyond diagnostics, registered on one connection.
 * Each handler reads only what it needs: the parsed lines (symbols, folding,
 * code actions), one line set in its table (completion, hover on extensions
 * and options of large documents), or a full analysis of the current text
 * (chains: hover, definition, references, rename, highlight). None throws at
 * the client except rename's deliberate refusals: a failure is logged and
 * answered with null.
 */
import { ResponseError, type ServerCapabilities, type TextDocumentPositionParams } from 'vscode-languageserver';
import { codeActions } from './actions.js';
import { complete } from './completion.js';
import type { ParsedDocument } from '../grammar/document.js';
import type { Analysis } from './document-state.js';
import { hover } from './hover.js';
import { definition, documentHighlights, documentSymbols, foldingRanges, prepareRename, references, rename } from './navigation.js';
import { locate } from './locate.js';
import type { ServerContext } from './server.js';

type LineView = NonNullable<ReturnType<ServerContext['lineViewOf']>>;

/** Moves every range on line `from` of a stand-in analysis to the document's line `to`. */
function moveRanges<T>(value: T, from: number, to: number): T {
  if (from === to || value === null || value === undefined) return value;
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const record = node as Record<string, unknown>;
    if (typeof record.line === 'number' && typeof record.character === 'number') {
      if (record.line === from) record.line = to;
      return;
    }
    for (const v of Object.values(record)) visit(v);
  };
  visit(value);
  return value;
}

export const FEATURE_CAPABILITIES: ServerCapabilities = {
  hoverProvider: true,
  completionProvider: { triggerCharacters: [' ', '-', ',', '*', ':'] },
  codeActionProvider: { codeActionKinds: ['quickfix'] },
  documentSymbolProvider: true,
  definitionProvider: true,
  referencesProvider: true,
  renameProvider: { prepareProvider: true },
  documentHighlightProvider: true,
  foldingRangeProvider: true,
};

interface Positioned {
  textDocument?: { uri?: unknown };
  position?: { line?: unknown; character?: unknown };
}

export function registerFeatures(ctx: ServerContext): void {
  const { connection } = ctx;

  /** Runs a handler on a well-formed request for an open document; anything else gets null. */
  function withAnalysis<P extends { textDocument?: { uri?: unknown } }, R>(name: string, handler: (analysis: Analysis, params: P, uri: string) => R) {
    return withAnalysisLike<P, R>(name, (params, uri) => {
      const analysis = ctx.analysisOf(uri);
      return analysis ? handler(analysis, params, uri) : null;
    });
  }

  /** Like withAnalysis for requests that need only the parsed lines, which never wait for a lint. */
  function withParsed<P extends { textDocument?: { uri?: unknown } }, R>(name: string, handler: (doc: ParsedDocument, params: P, uri: string) => R) {
    return withAnalysisLike<P, R>(name, (params, uri) => {
      const doc = ctx.parsedOf(uri);
      return doc ? handler(doc, params, uri) : null;
    });
  }

  function withAnalysisLike<P extends { textDocument?: { uri?: unknown } }, R>(name: string, handler: (params: P, uri: string) => R | null) {
    return (params: P): R | null => {
      const uri = params?.textDocument?.uri;
      if (typeof uri !== 'string') return null;
      const position = (params as Positioned).position;
      if (position !== undefined && (!Number.isInteger(position?.line) || !Number.isInteger(position?.character))) return null;
      try {
        return handler(params, uri);
      } catch (error) {
        if (error instanceof ResponseError) throw error;
        connection.console.error(`iptlint: ${name} failed: ${(error as Error).stack ?? String(error)}`);
        return null;
      }
    };
  }

  /** Like withAnalysis for requests on one line, which may be answered from lineViewOf's stand-in. */
  function withLineView<P extends TextDocumentPositionParams, R>(name: string, handler: (view: LineView, params: P, full: () => Analysis | undefined) => R) {
    return withAnalysisLike<P, R>(name, (params, uri) => {
      const view = ctx.lineViewOf(uri, params.position.line);
      return view ? handler(view, params, () => ctx.analysisOf(uri)) : null;
    });
  }

  connection.onHover(withLineView('hover', (view, p, full) => {
    const { line, character } = p.position;
    if (view.quick) {
      // Extensions and options are described from the line alone; chains need the whole table.
      const found = locate(view.analysis, view.line, character);
      if (found?.kind !== 'extension' && found?.kind !== 'option') {
        const analysis = full();
        return analysis ? hover(analysis, line, character, ctx.kernels().profiles) : null;
      }
      return moveRanges(hover(view.analysis, view.line, character, ctx.kernels().profiles), view.line, line);
    }
    return hover(view.analysis, line, character, ctx.kernels().profiles);
  }));
  connection.onCompletion(withLineView('completion', (view, p) => {
    const items = complete(view.analysis, view.line, p.position.character);
    return view.quick ? moveRanges(items, view.line, p.position.line) : items;
  }));
  connection.onCodeAction(
    withParsed('codeAction', (doc, p, uri) =>
      codeActions(ctx.keepsDiagnosticData() ? undefined : () => ctx.analysisOf(uri), doc, uri, Array.isArray(p.context?.diagnostics) ? p.context.diagnostics : [], p.context?.only),
    ),
  );
  connection.onDocumentSymbol(withParsed('documentSymbol', (doc) => documentSymbols(doc)));
  connection.onFoldingRanges(withParsed('foldingRange', (doc) => foldingRanges(doc)));
  connection.onDefinition(withAnalysis('definition', (a, p, uri) => definition(a, uri, p.position.line, p.position.character)));
  connection.onReferences(withAnalysis('references', (a, p, uri) => references(a, uri, p.position.line, p.position.character, p.context?.includeDeclaration !== false)));
  connection.onDocumentHighlight(withAnalysis('documentHighlight', (a, p) => documentHighlights(a, p.position.line, p.position.character)));
  connection.onPrepareRename(withAnalysis('prepareRename', (a, p) => prepareRename(a, p.position.line, p.position.character)));
  connection.onRenameRequest(withAnalysis('rename', (a, p, uri) => rename(a, uri, p.position.line, p.position.character, p.newName)));
}
