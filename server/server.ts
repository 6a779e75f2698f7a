/**
 * The LSP shell: wires connection events to the per-document state and the
 * feature modules. All checking is the core's lintDocument; this file only
 * schedules it (debounced per document), publishes the results, and keeps a
 * failing request from taking the server down.
 */
import { fileURLToPath } from 'node:url';
import { basename } from 'node:path';
import {
  createConnection,
  DidChangeConfigurationNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { toLspDiagnostic } from './convert.js';
import { DocumentState, lineAnalysis, QUICK_PATH_MIN_LINES, type Analysis } from './document-state.js';
import { KernelInputs, lintOptionsFor, readSettings, defaultSettings, type ServerSettings } from './settings.js';
import { FEATURE_CAPABILITIES, registerFeatures } from './features.js';

export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  /** The up-to-date analysis of an open document (computed now when an edit is pending); undefined when not open. */
  analysisOf(uri: string): Analysis | undefined;
  /**
   * The analysis to answer a request on one line: the full one when it is up
   * to date or cheap to bring up to date, else lineAnalysis's stand-in (then
   * `line` is the line's index in it and `quick` is set).
   */
  lineViewOf(uri: string, line: number): { analysis: Analysis; line: number; quick: boolean } | undefined;
  settings(): ServerSettings;
  kernels(): KernelInputs;
}

function fileNameOf(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? basename(fileURLToPath(uri)) : basename(new URL(uri).pathname);
  } catch {
    return undefined;
  }
}

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const states = new Map<string, DocumentState>();
  const timers = new Map<string, NodeJS.Timeout>();
  let settings = defaultSettings();
  let optionsGeneration = 0;
  let hasConfiguration = false;
  // Clients that cannot register it dynamically (eglot) still send didChangeConfiguration on their own.
  let canRegisterConfiguration = false;
  let initOptions: unknown;
  let baseDir = process.cwd();
  let settingsLoaded!: () => void;
  const settingsReady = new Promise<void>((resolve) => (settingsLoaded = resolve));
  const log = (message: string) => connection.console.error(message);
  const kernels = new KernelInputs(() => void reloadKernels(), log);

  function stateOf(uri: string): DocumentState {
    let state = states.get(uri);
    if (!state) {
      state = new DocumentState(uri);
      states.set(uri, state);
    }
    return state;
  }

  function analysisOf(uri: string): Analysis | undefined {
    const doc = documents.get(uri);
    if (!doc) return undefined;
    const options = lintOptionsFor(settings, kernels.profiles, fileNameOf(uri));
    return stateOf(uri).analyse(doc.getText(), doc.version, options, optionsGeneration);
  }

  function lineViewOf(uri: string, line: number) {
    const doc = documents.get(uri);
    if (!doc) return undefined;
    const state = stateOf(uri);
    const latest = state.latest;
    if (!latest || state.isFresh(doc.version, optionsGeneration) || latest.doc.lines.length < QUICK_PATH_MIN_LINES) {
      const analysis = analysisOf(uri);
      return analysis && { analysis, line, quick: false };
    }
    // Completion comes with every keystroke: answer from the line as typed, not after a whole-file lint.
    const text = doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '');
    const view = lineAnalysis(latest, text, line, lintOptionsFor(settings, kernels.profiles, fileNameOf(uri)));
    return { ...view, quick: true };
  }

  function publish(uri: string) {
    timers.delete(uri);
    const doc = documents.get(uri);
    if (!doc) return;
    const version = doc.version;
    let analysis: Analysis | undefined;
    try {
      analysis = analysisOf(uri);
    } catch (error) {
      log(`iptlint: linting ${uri} failed: ${(error as Error).stack ?? String(error)}`);
      return;
    }
    // An edit that arrived while linting makes this result stale; its own timer publishes the next one.
    if (!analysis || documents.get(uri)?.version !== version) return;
    const ctx = { uri, lines: analysis.result.lines, baseDir };
    const diagnostics = analysis.result.diagnostics.map((d) => toLspDiagnostic(d, ctx));
    void connection.sendDiagnostics({ uri, version, diagnostics });
  }

  function schedule(uri: string, delay = settings.debounceMs) {
    clearTimeout(timers.get(uri));
    // Until the first settings arrive, a lint would use the wrong kernel and severities: wait for them.
    timers.set(uri, setTimeout(() => void settingsReady.then(() => publish(uri)), delay));
  }

  function relintAll() {
    optionsGeneration++;
    for (const doc of documents.all()) schedule(doc.uri, 0);
  }

  async function reloadKernels() {
    const problem = await kernels.load(settings, baseDir);
    if (problem) {
      log(problem);
      void connection.window.showWarningMessage(problem);
    }
    relintAll();
  }

  async function refreshSettings() {
    let raw: unknown = initOptions;
    if (hasConfiguration) {
      try {
        [raw] = await connection.workspace.getConfiguration([{ section: 'iptlint' }]);
      } catch (error) {
        log(`iptlint: cannot read settings: ${(error as Error).message}`);
      }
    }
    const read = readSettings(raw);
    settings = read.settings;
    for (const p of read.problems) log(p);
    if (read.problems.length > 0) void connection.window.showWarningMessage(read.problems.join('\n'));
    await reloadKernels();
    settingsLoaded();
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    hasConfiguration = !!params.capabilities.workspace?.configuration;
    canRegisterConfiguration = !!params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration;
    initOptions = params.initializationOptions;
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri;
    if (folder?.startsWith('file:')) baseDir = fileURLToPath(folder);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        ...FEATURE_CAPABILITIES,
      },
      serverInfo: { name: 'iptlint-language-server' },
    };
  });

  connection.onInitialized(() => {
    if (hasConfiguration && canRegisterConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'iptlint' }).catch(() => undefined);
    }
    void refreshSettings();
  });

  connection.onDidChangeConfiguration((change) => {
    if (!hasConfiguration) initOptions = change.settings ?? initOptions;
    void refreshSettings();
  });

  documents.onDidOpen((e) => schedule(e.document.uri, 0));
  documents.onDidChangeContent((e) => schedule(e.document.uri));
  documents.onDidClose((e) => {
    clearTimeout(timers.get(e.document.uri));
    timers.delete(e.document.uri);
    states.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onShutdown(() => {
    for (const t of timers.values()) clearTimeout(t);
    timers.clear();
    kernels.unwatch();
  });

  // Not part of LSP: lets tests and the benchmark see how much of a document the last lint re-parsed. Reports
  // the last analysis as it is (with `stale` when an edit is waiting), without linting for it.
  connection.onRequest('iptlint/documentStats', (params: { uri?: unknown }) => {
    if (typeof params?.uri !== 'string') return null;
    const doc = documents.get(params.uri);
    const state = states.get(params.uri);
    const analysis = state?.latest;
    if (!doc || !state || !analysis) return null;
    return { version: analysis.version, stale: !state.isFresh(doc.version, optionsGeneration), ...state.lastStats, diagnostics: analysis.result.diagnostics.length };
  });

  registerFeatures({ connection, documents, analysisOf, lineViewOf, settings: () => settings, kernels: () => kernels });
  documents.listen(connection);
  connection.listen();
}

const TRANSPORT_FLAGS = ['--node-ipc', '--socket', '--pipe'];

/**
 * `iptlint-language-server [--stdio|--node-ipc|--socket=N|--pipe=NAME]` and
 * `iptlint lsp`: stdio unless another transport is named. Resolves when the
 * client sends `exit`, though the protocol library ends the process then.
 */
export function runLanguageServer(argv: string[]): Promise<number> {
  process.on('uncaughtException', (error) => {
    // A bug in one request must not end the session; stderr is the client's log.
    process.stderr.write(`iptlint-language-server: uncaught: ${error.stack ?? error.message}\n`);
  });
  process.on('unhandledRejection', (reason) => {
    process.stderr.write(`iptlint-language-server: unhandled rejection: ${(reason as Error)?.stack ?? String(reason)}\n`);
  });
  const otherTransport = argv.some((a) => TRANSPORT_FLAGS.some((f) => a === f || a.startsWith(`${f}=`)));
  const connection = otherTransport
    ? createConnection(ProposedFeatures.all)
    : createConnection(ProposedFeatures.all, new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout));
  return new Promise((resolveExit) => {
    connection.onExit(() => resolveExit(0));
    startServer(connection);
  });
}
