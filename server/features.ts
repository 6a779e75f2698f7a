/**
 * The language features beyond diagnostics, registered on one connection.
 * Each handler reads the document's current analysis (re-linting first when
 * an edit is pending) and never throws at the client except for rename's
 * deliberate refusals: a failure is logged and answered with null.
 */
import { ResponseError, type Connection, type ServerCapabilities } from 'vscode-languageserver';
import { codeActions } from './actions.js';
import { complete } from './completion.js';
import type { Analysis } from './document-state.js';
import { hover } from './hover.js';
import { definition, documentHighlights, documentSymbols, foldingRanges, prepareRename, references, rename } from './navigation.js';
import type { ServerContext } from './server.js';

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
    return (params: P): R | null => {
      const uri = params?.textDocument?.uri;
      if (typeof uri !== 'string') return null;
      const position = (params as Positioned).position;
      if (position !== undefined && (!Number.isInteger(position?.line) || !Number.isInteger(position?.character))) return null;
      try {
        const analysis = ctx.analysisOf(uri);
        return analysis ? handler(analysis, params, uri) : null;
      } catch (error) {
        if (error instanceof ResponseError) throw error;
        connection.console.error(`iptlint: ${name} failed: ${(error as Error).stack ?? String(error)}`);
        return null;
      }
    };
  }

  connection.onHover(withAnalysis('hover', (a, p) => hover(a, p.position.line, p.position.character, ctx.kernels().profiles)));
  connection.onCompletion(withAnalysis('completion', (a, p) => complete(a, p.position.line, p.position.character)));
  connection.onCodeAction(withAnalysis('codeAction', (a, p, uri) => codeActions(a, uri, Array.isArray(p.context?.diagnostics) ? p.context.diagnostics : [], p.context?.only)));
  connection.onDocumentSymbol(withAnalysis('documentSymbol', (a) => documentSymbols(a)));
  connection.onFoldingRanges(withAnalysis('foldingRange', (a) => foldingRanges(a)));
  connection.onDefinition(withAnalysis('definition', (a, p, uri) => definition(a, uri, p.position.line, p.position.character)));
  connection.onReferences(withAnalysis('references', (a, p, uri) => references(a, uri, p.position.line, p.position.character, p.context?.includeDeclaration !== false)));
  connection.onDocumentHighlight(withAnalysis('documentHighlight', (a, p) => documentHighlights(a, p.position.line, p.position.character)));
  connection.onPrepareRename(withAnalysis('prepareRename', (a, p) => prepareRename(a, p.position.line, p.position.character)));
  connection.onRenameRequest(withAnalysis('rename', (a, p, uri) => rename(a, uri, p.position.line, p.position.character, p.newName)));
}
