/**
 * The LSP shell: wires connection events to the per-document state and the
 * feature modules. All checking is the core's lintDocument; this file only
 * schedules it (debounced per document), publishes the results, and keeps a
 * failing request from taking the server down.
 */
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
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
import type { ParsedDocument } from '../grammar/document.js';
import type { TextChange } from '../grammar/editable-document.js';
import { DocumentState, lineAnalysis, QUICK_PATH_MIN_LINES, sketchOutline, type Analysis, type Outline, type ParseStats } from './document-state.js';
import { LintQueue, type LintDone, type LintJob } from './lint-worker.js';
import { ProjectConfigs, type ProjectInputs } from './project-config.js';
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
  /** The document's parsed lines, without linting. */
  parsedOf(uri: string): ParsedDocument | undefined;
  lineViewOf(uri: string, line: number): { analysis: Analysis; line: number; quick: boolean } | undefined;
  settings(): ServerSettings;
  kernels(): KernelInputs;
  /** The client sends a diagnostic's `data` back with code action requests. */
  keepsDiagnosticData(): boolean;
}

function filePathOf(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

function fileNameOf(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? basename(fileURLToPath(uri)) : basename(new URL(uri).pathname);
  } catch {
    return undefined;
  }
}

/**
 * The lint worker's entry point: beside this code, whether compiled (dist/server/), bundled as ES module
 * (dist/server/bin.js) or as CommonJS (the VS Code extension, the tests); from the CLI's bundle
 * (dist/src/cli/iptlint.cjs, for `iptlint lsp`), the ES module bundle in dist/server/.
 */
function lintWorkerFile(): string | undefined {
  const here = typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url);
  const name = `lint-worker-main${extname(here) === '.cjs' ? '.cjs' : '.js'}`;
  const candidates = [join(dirname(here), name), join(dirname(here), '..', '..', 'server', 'lint-worker-main.js')];
  return candidates.find((file) => existsSync(file)) ?? candidates[0];
}

/** What the server tells its runner: whether the client asked it to shut down. */
export interface ServerState {
  shutdownRequested: boolean;
}

export function startServer(connection: Connection): ServerState {
  const state: ServerState = { shutdownRequested: false };
  /**
   * The editor's changes to each document since its last lint job, so the lint
   * worker can apply them instead of receiving (and re-splitting) the whole text.
   */
  const changeLogs = new Map<string, { base: number; changes: TextChange[]; size: number; wholeText?: boolean }>();
  const documents = new TextDocuments<TextDocument>({
    create: (uri, languageId, version, content) => TextDocument.create(uri, languageId, version, content),
    update: (document, changes, version) => {
      let log = changeLogs.get(document.uri);
      if (!log) changeLogs.set(document.uri, (log = { base: document.version, changes: [], size: 0 }));
      for (const change of changes) {
        log.changes.push(change);
        log.size += change.text.length;
        // vscode-languageserver-textdocument 1.0 miscounts lines after a change that starts past the last
        // line; the worker would apply it correctly and then disagree with the text here: send the text.
        if ('range' in change && Math.max(change.range.start.line, change.range.end.line) >= document.lineCount) log.wholeText = true;
      }
      return TextDocument.update(document, changes, version);
    },
  });
  const states = new Map<string, DocumentState>();
  const timers = new Map<string, NodeJS.Timeout>();
  let settings = defaultSettings();
  let optionsGeneration = 0;
  let hasConfiguration = false;
  // Clients that cannot register it dynamically (eglot) still send didChangeConfiguration on their own.
  let canRegisterConfiguration = false;
  let keepsDiagnosticData = false;
  let initOptions: unknown;
  let baseDir = process.cwd();
  let settingsLoaded!: () => void;
  const settingsReady = new Promise<void>((resolve) => (settingsLoaded = resolve));
  const log = (message: string) => connection.console.error(message);
  const kernels = new KernelInputs(() => void reloadKernels(), log);
  /** What the last lint of each document knew about its tables, for requests answered from one line. */
  const outlines = new Map<string, Outline>();
  const published = new Map<string, ParseStats & { version: number; diagnostics: number }>();
  // Clients without a notion of trust (all but VS Code) are trusted; VS Code says so at start and on a grant.
  let trusted = true;
  const warn = (message: string) => {
    log(message);
    void connection.window.showWarningMessage(message);
  };
  const projects = new ProjectConfigs(() => baseDir, () => trusted, () => reresolveAll(), warn);
  const projectInputs = new Map<string, ProjectInputs>();
  const inputsVersions = new Map<string, number>();
  const projectReady = new Map<string, Promise<void>>();

  function resolveProject(uri: string) {
    const ready = projects
      .forFile(filePathOf(uri))
      .then((inputs) => {
        projectInputs.set(uri, inputs);
        // Options that come from the project's config changed: earlier results must not be reused with them.
        inputsVersions.set(uri, (inputsVersions.get(uri) ?? 0) + 1);
      })
      .catch((error) => log(`iptlint: ${(error as Error).message}`));
    projectReady.set(uri, ready);
  }

  function reresolveAll() {
    for (const doc of documents.all()) resolveProject(doc.uri);
    relintAll();
  }

  /** What a document's options are: the settings' generation and the version of its project inputs. */
  function optionsKeyOf(uri: string): string {
    return `${optionsGeneration}:${inputsVersions.get(uri) ?? 0}`;
  }

  function optionsFor(uri: string) {
    return lintOptionsFor(settings, kernels.profiles, fileNameOf(uri), projectInputs.get(uri));
  }

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
    return stateOf(uri).analyse(doc.getText(), doc.version, optionsFor(uri), optionsKeyOf(uri));
  }

  function parsedOf(uri: string): ParsedDocument | undefined {
    const doc = documents.get(uri);
    return doc ? stateOf(uri).parsed(doc.getText(), doc.version) : undefined;
  }

  function lineViewOf(uri: string, line: number) {
    const doc = documents.get(uri);
    if (!doc) return undefined;
    let outline = outlines.get(uri);
    if (!outline && doc.lineCount >= QUICK_PATH_MIN_LINES && !stateOf(uri).isFresh(doc.version, optionsKeyOf(uri))) {
      // The first lint of a large file is still running: a sketch from the text will do until it is done.
      outline = sketchOutline(doc.getText(), doc.version);
      outlines.set(uri, outline);
    }
    if (stateOf(uri).isFresh(doc.version, optionsKeyOf(uri)) || !outline || outline.lines < QUICK_PATH_MIN_LINES) {
      const analysis = analysisOf(uri);
      return analysis && { analysis, line, quick: false };
    }
    // Completion comes with every keystroke: answer from the line as typed, not after a whole-file lint.
    const text = doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '');
    const view = lineAnalysis(outline, text, line, optionsFor(uri));
    return { ...view, quick: true };
  }

  function lintJob(uri: string, held: number | undefined): LintJob | undefined {
    const doc = documents.get(uri);
    const log = changeLogs.get(uri);
    changeLogs.delete(uri);
    if (!doc) return undefined;
    const job: LintJob = { uri, version: doc.version, generation: optionsGeneration, optionsKey: optionsKeyOf(uri), options: optionsFor(uri), baseDir };
    // Changes are worth sending while they are smaller than the text they change.
    if (held !== undefined && held === doc.version) job.edits = { base: held, changes: [] };
    else if (held !== undefined && log && !log.wholeText && log.base === held && log.size < doc.getText().length / 4 + 4096) job.edits = { base: held, changes: log.changes };
    else job.text = doc.getText();
    return job;
  }

  function linted(result: LintDone) {
    const doc = documents.get(result.uri);
    if (!doc) return;
    const outline = result.outline ?? outlines.get(result.uri);
    if (outline) outlines.set(result.uri, { ...outline, version: result.version });
    published.set(result.uri, { version: result.version, ...result.stats, diagnostics: result.diagnostics.length });
    // An edit or a settings change that arrived meanwhile makes this result stale; its own lint follows.
    if (doc.version !== result.version || result.generation !== optionsGeneration) return;
    void connection.sendDiagnostics({ uri: result.uri, version: result.version, diagnostics: result.diagnostics });
  }

  const queue = new LintQueue(lintWorkerFile(), lintJob, linted, log);

  function publish(uri: string) {
    timers.delete(uri);
    queue.request(uri);
  }

  function schedule(uri: string, delay = settings.debounceMs) {
    clearTimeout(timers.get(uri));
    // Until the settings and the project's config are read, a lint would use the wrong kernel and severities.
    timers.set(uri, setTimeout(() => void Promise.all([settingsReady, projectReady.get(uri)]).then(() => publish(uri)), delay));
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
    keepsDiagnosticData = !!params.capabilities.textDocument?.publishDiagnostics?.dataSupport;
    initOptions = params.initializationOptions;
    if ((initOptions as { trusted?: unknown } | undefined)?.trusted === false) trusted = false;
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri;
    if (folder?.startsWith('file:')) baseDir = fileURLToPath(folder);
    projects.reset();
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

  // Not part of LSP: the VS Code extension says when the user trusts the workspace.
  connection.onNotification('iptlint/workspaceTrusted', () => {
    if (trusted) return;
    trusted = true;
    projects.reset();
    reresolveAll();
  });

  documents.onDidOpen((e) => {
    resolveProject(e.document.uri);
    schedule(e.document.uri, 0);
  });
  documents.onDidChangeContent((e) => schedule(e.document.uri));
  documents.onDidClose((e) => {
    clearTimeout(timers.get(e.document.uri));
    timers.delete(e.document.uri);
    states.delete(e.document.uri);
    changeLogs.delete(e.document.uri);
    outlines.delete(e.document.uri);
    projectInputs.delete(e.document.uri);
    projectReady.delete(e.document.uri);
    published.delete(e.document.uri);
    queue.close(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onShutdown(async () => {
    state.shutdownRequested = true;
    for (const t of timers.values()) clearTimeout(t);
    timers.clear();
    kernels.unwatch();
    projects.dispose();
    await queue.dispose();
  });

  // Not part of LSP: lets tests and the benchmark see what the last lint re-parsed (`stale` when an edit is
  // waiting for its lint) and which version the requests' own analysis is at, without linting for either.
  connection.onRequest('iptlint/documentStats', (params: { uri?: unknown }) => {
    if (typeof params?.uri !== 'string') return null;
    const doc = documents.get(params.uri);
    const last = published.get(params.uri);
    if (!doc || !last) return null;
    return { ...last, stale: doc.version !== last.version, requestsVersion: states.get(params.uri)?.latest?.version ?? null, threaded: queue.threaded };
  });

  registerFeatures({ connection, documents, analysisOf, parsedOf, lineViewOf, settings: () => settings, kernels: () => kernels, keepsDiagnosticData: () => keepsDiagnosticData });
  documents.listen(connection);
  connection.listen();
  return state;
}

/** How long the server goes on after its standard input closed, for the messages read before (see runLanguageServer). */
const INPUT_CLOSED_GRACE_MS = 2000;

export const SERVER_USAGE = `usage: iptlint lsp [--stdio | --node-ipc | --socket=PORT | --pipe=NAME] [--clientProcessId=PID]
       iptlint-language-server [the same options]

Runs the iptlint language server, which an editor starts and talks to in the
Language Server Protocol: over standard input and output (--stdio, the
default), Node IPC, a socket or a named pipe. With --clientProcessId it exits
when that process does. See "In the editor" in the README.
`;

/** The options the protocol library reads from the command line, each also written as --name=value, two with a value. */
const SERVER_FLAGS = new Set(['--stdio', '--node-ipc', '--socket', '--pipe', '--clientProcessId']);
const SERVER_FLAGS_WITH_VALUE = new Set(['--socket', '--pipe', '--clientProcessId']);
/** The transports other than standard input and output, which the protocol library sets up from the command line. */
const OTHER_TRANSPORTS = new Set(['--node-ipc', '--socket', '--pipe']);

/**
 * What the command line asks of the server: to run (over stdio unless it names another transport), to print its
 * usage, or nothing it understands (the word).
 */
export function serverArguments(argv: readonly string[]): { run: true; otherTransport: boolean } | { help: true } | { unknown: string } {
  let otherTransport = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') return { help: true };
    const name = arg.startsWith('--') && arg.includes('=') ? arg.slice(0, arg.indexOf('=')) : arg;
    if (!SERVER_FLAGS.has(name)) return { unknown: arg };
    if (OTHER_TRANSPORTS.has(name)) otherTransport = true;
    if (name === arg && SERVER_FLAGS_WITH_VALUE.has(name)) i++;
  }
  return { run: true, otherTransport };
}

/**
 * `iptlint-language-server [--stdio|--node-ipc|--socket=N|--pipe=NAME]` and
 * `iptlint lsp`: stdio unless another transport is named. Resolves when the
 * client sends `exit`, though the protocol library ends the process then; at
 * once, with 0 after printing the usage for --help, or 2 for an argument it
 * does not take (a server started by mistake would wait for a client forever).
 */
export function runLanguageServer(argv: string[]): Promise<number> {
  const asked = serverArguments(argv);
  if ('help' in asked) {
    process.stdout.write(SERVER_USAGE);
    return Promise.resolve(0);
  }
  if ('unknown' in asked) {
    process.stderr.write(`iptlint lsp: unknown argument '${asked.unknown}'\n${SERVER_USAGE}`);
    return Promise.resolve(2);
  }
  process.on('uncaughtException', (error) => {
    // A bug in one request must not end the session; stderr is the client's log.
    process.stderr.write(`iptlint-language-server: uncaught: ${error.stack ?? error.message}\n`);
  });
  process.on('unhandledRejection', (reason) => {
    process.stderr.write(`iptlint-language-server: unhandled rejection: ${(reason as Error)?.stack ?? String(reason)}\n`);
  });
  const input = asked.otherTransport ? undefined : new StreamMessageReader(process.stdin);
  const connection = input ? createConnection(ProposedFeatures.all, input, new StreamMessageWriter(process.stdout)) : createConnection(ProposedFeatures.all);
  return new Promise((resolveExit) => {
    connection.onExit(() => resolveExit(0));
    const state = startServer(connection);
    // A client gone without `exit` (standard input closed) leaves nothing to serve, but the lint worker and the file
    // watchers would keep the process alive for good. The messages already read are answered first (the connection
    // works through them in later turns, and an `exit` among them ends the process sooner): then it exits as `exit`
    // would, 0 after a shutdown request, else 1.
    // Both events: standard input read from a file ends without closing.
    let closing = false;
    const inputClosed = () => {
      if (closing) return;
      closing = true;
      setTimeout(() => process.exit(state.shutdownRequested ? 0 : 1), INPUT_CLOSED_GRACE_MS);
    };
    if (input) {
      input.onClose(inputClosed);
      process.stdin.once('end', inputClosed);
    }
  });
}
