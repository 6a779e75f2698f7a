/**
 * Drives the real language server over stdio, as an editor would: the server
 * is bundled from server/bin.ts with esbuild (the same way the VS Code
 * extension ships it), spawned with `--stdio`, and spoken to through
 * vscode-jsonrpc. Every session is shut down and its process reaped in stop().
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import {
  ConfigurationRequest,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  type ClientCapabilities,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const bundles = new Map<string, Promise<string>>();

/**
 * Bundles an entry point once per test file into a temporary directory, with
 * the lint worker beside it as the extension ships it (unless `worker` is false,
 * to exercise the server's fallback to linting in its own thread).
 */
export function serverBundle(entry = 'server/bin.ts', worker = true): Promise<string> {
  const key = `${entry}:${worker}`;
  let bundled = bundles.get(key);
  if (bundled) return bundled;
  bundled = (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'iptlint-lsp-'));
    const outfile = join(dir, 'server.cjs');
    const options = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'silent' } as const;
    await build({ ...options, entryPoints: [join(ROOT, entry)], outfile });
    if (worker) await build({ ...options, entryPoints: [join(ROOT, 'server/lint-worker-main.ts')], outfile: join(dir, 'lint-worker-main.cjs') });
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    return outfile;
  })();
  bundles.set(key, bundled);
  return bundled;
}

export interface SessionOptions {
  /** Answer to `workspace/configuration` for the `iptlint` section. */
  settings?: Record<string, unknown>;
  /** Sent as initializationOptions; with `noConfiguration` this is the only way settings arrive. */
  initializationOptions?: unknown;
  noConfiguration?: boolean;
  rootDir?: string;
  /** What to run: the server's own entry point (default) or the CLI's, with its arguments. */
  entry?: string;
  /** A built program to run as it is (e.g. dist/src/cli/bin.cjs, relative to the repository) instead of bundling `entry`. */
  built?: string;
  args?: string[];
  /** Bundle without the lint worker. */
  noWorker?: boolean;
  /** Replaces CLIENT_CAPABILITIES. */
  capabilities?: ClientCapabilities;
}

export class Session {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly messages: { type: number; message: string }[] = [];
  stderr = '';
  settings: Record<string, unknown>;
  private waiters: (() => void)[] = [];
  private versions = new Map<string, number>();

  constructor(
    readonly proc: ChildProcessWithoutNullStreams,
    readonly connection: MessageConnection,
    settings: Record<string, unknown>,
  ) {
    this.settings = settings;
    proc.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.push(params);
      this.notify();
    });
    connection.onNotification('window/showMessage', (params: { type: number; message: string }) => {
      this.messages.push(params);
      this.notify();
    });
    connection.onNotification('window/logMessage', (params: { type: number; message: string }) => {
      this.messages.push(params);
      this.notify();
    });
    connection.onRequest(ConfigurationRequest.type, (params) => params.items.map((item) => (item.section === 'iptlint' ? this.settings : null)));
    connection.onRequest(RegistrationRequest.type, () => {});
    connection.onRequest('window/showMessageRequest', () => null);
  }

  private notify() {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  /** Resolves when `test` returns a value, re-testing after every message from the server. */
  waitFor<T>(test: () => T | undefined, what: string, timeoutMs = 10_000): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}; stderr: ${this.stderr}`)), timeoutMs);
      const check = () => {
        let value: T | undefined;
        try {
          value = test();
        } catch (error) {
          clearTimeout(timer);
          reject(error);
          return;
        }
        if (value !== undefined) {
          clearTimeout(timer);
          resolve(value);
        } else {
          this.waiters.push(check);
        }
      };
      check();
    });
  }

  /** The diagnostics published for `uri` at `version` (the server stamps each publication with the version it linted). */
  diagnosticsFor(uri: string, version = this.versions.get(uri)): Promise<PublishDiagnosticsParams> {
    return this.waitFor(() => this.published.findLast((p) => p.uri === uri && p.version === version), `diagnostics for ${uri} v${version}`);
  }

  open(uri: string, text: string, languageId = 'iptables'): Promise<void> {
    this.versions.set(uri, 1);
    return this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  }

  change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    return this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  version(uri: string): number | undefined {
    return this.versions.get(uri);
  }

  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => {
      if (this.proc.exitCode !== null || this.proc.signalCode !== null) resolve();
      else this.proc.once('exit', () => resolve());
    });
    try {
      await Promise.race([this.connection.sendRequest(ShutdownRequest.type), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // The connection may already be gone; the kill below still reaps the process.
    }
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
    this.connection.dispose();
  }
}

export const CLIENT_CAPABILITIES: ClientCapabilities = {
  workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceEdit: { documentChanges: false } },
  textDocument: {
    publishDiagnostics: { relatedInformation: true, versionSupport: true, tagSupport: { valueSet: [1, 2] }, codeDescriptionSupport: true, dataSupport: true },
    synchronization: { dynamicRegistration: false },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    completion: { completionItem: { snippetSupport: false, documentationFormat: ['markdown', 'plaintext'] } },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } }, dataSupport: true },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    rename: { prepareSupport: true },
    foldingRange: { lineFoldingOnly: true },
  },
};

export async function startSession(options: SessionOptions = {}): Promise<Session> {
  const bundle = options.built ? join(ROOT, options.built) : await serverBundle(options.entry, !options.noWorker);
  const proc = spawn(process.execPath, [bundle, ...(options.args ?? ['--stdio'])], { stdio: 'pipe', cwd: options.rootDir ?? ROOT });
  const connection = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  const session = new Session(proc, connection, options.settings ?? {});
  connection.listen();
  const rootDir = options.rootDir ?? ROOT;
  const capabilities: ClientCapabilities = options.capabilities ?? (options.noConfiguration ? { ...CLIENT_CAPABILITIES, workspace: {} } : CLIENT_CAPABILITIES);
  await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: pathToFileURL(rootDir).href,
    workspaceFolders: [{ uri: pathToFileURL(rootDir).href, name: 'root' }],
    capabilities,
    initializationOptions: options.initializationOptions,
  });
  await connection.sendNotification(InitializedNotification.type, {});
  return session;
}

export function fileUri(path: string): string {
  return pathToFileURL(path).href;
}
