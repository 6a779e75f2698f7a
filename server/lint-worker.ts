/**
 * Whole-file linting off the server's main thread. A lint of a large ruleset
 * takes seconds; in a worker thread it no longer holds up hover, completion
 * or the next edit. One lint runs at a time; documents waiting for a lint
 * coalesce to their newest version, and a result that an edit overtook is
 * dropped (that edit's own lint follows). When no worker can be started, the
 * same code runs in the main thread.
 */
import { existsSync } from 'node:fs';
import { Worker, type MessagePort } from 'node:worker_threads';
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { LintOptions } from '../src/lint-options.js';
import { toLspDiagnostic } from './convert.js';
import type { TextChange } from '../grammar/editable-document.js';
import { DocumentState, outlineOf, type Outline, type ParseStats } from './document-state.js';

export interface LintJob {
  uri: string;
  version: number;
  /** Settings generation: a result linted with older settings is not published. */
  generation: number;
  /** Identifies the options (settings and the project's config): the same key, the same options. */
  optionsKey: string;
  /** The whole text; or, when the linter holds version `edits.base`, the editor's changes since. */
  text?: string;
  edits?: { base: number; changes: TextChange[] };
  options: LintOptions;
  baseDir: string;
}

export interface LintDone {
  uri: string;
  version: number;
  generation: number;
  diagnostics: LspDiagnostic[];
  /** Absent when the tables and chains are those of the last result for this document. */
  outline?: Outline;
  stats: ParseStats;
}

/** The linter no longer holds the version a job's changes apply to: send the whole text. */
export interface LintResync {
  uri: string;
  resync: true;
}

/** Workers started after the first one dies, before linting moves into the server thread. */
const MAX_RESTARTS = 3;

type ToWorker = { type: 'lint'; job: LintJob } | { type: 'close'; uri: string };
type FromWorker = { type: 'done'; done: LintDone | LintResync } | { type: 'failed'; uri: string; error: string };

/** Per-document parse caches and the lint itself; lives in the worker (or the main thread as a fallback). */
export class Linter {
  private states = new Map<string, DocumentState>();

  lint(job: LintJob): LintDone | LintResync {
    let state = this.states.get(job.uri);
    if (!state) {
      state = new DocumentState(job.uri);
      this.states.set(job.uri, state);
    }
    if (job.text !== undefined) state.setText(job.text, job.version);
    else if (!job.edits || !state.applyChanges(job.edits.base, job.edits.changes, job.version)) return { uri: job.uri, resync: true };
    const analysis = state.analyse(undefined, job.version, job.options, job.optionsKey);
    const ctx = { uri: job.uri, lines: analysis.result.lines, baseDir: job.baseDir };
    // Only a full lint can change the tables and chains: after an edit of lines alone, the last outline stands.
    const outline = state.lastStats.mode === 'full' ? outlineOf(analysis.result, job.version) : undefined;
    return {
      uri: job.uri,
      version: job.version,
      generation: job.generation,
      diagnostics: analysis.result.diagnostics.map((d) => toLspDiagnostic(d, ctx)),
      outline,
      stats: state.lastStats,
    };
  }

  close(uri: string): void {
    this.states.delete(uri);
  }
}

/** The worker's side of the channel. */
export function serveLintWorker(port: MessagePort): void {
  const linter = new Linter();
  port.on('message', (message: ToWorker) => {
    if (message.type === 'close') {
      linter.close(message.uri);
      return;
    }
    let reply: FromWorker;
    try {
      reply = { type: 'done', done: linter.lint(message.job) };
    } catch (error) {
      reply = { type: 'failed', uri: message.job.uri, error: (error as Error)?.stack ?? String(error) };
    }
    port.postMessage(reply);
  });
}

/** The main thread's side: queues documents, runs one lint at a time, reports results. */
export class LintQueue {
  private worker?: Worker;
  private inFlight?: string;
  private pending = new Set<string>();
  private local?: Linter;
  private stopped = false;
  private restarts = 0;
  /** The version of each document the linter holds (or will, once the job in flight is done). */
  private readonly held = new Map<string, number>();

  constructor(
    private readonly workerFile: string | undefined,
    /**
     * The job for a document now, or undefined when it is closed: its changes
     * since `held` when the linter holds that version and they are at hand, else the whole text.
     */
    private readonly take: (uri: string, held: number | undefined) => LintJob | undefined,
    private readonly done: (result: LintDone) => void,
    private readonly log: (message: string) => void,
  ) {
    if (workerFile && existsSync(workerFile)) this.startWorker(workerFile);
    else this.log(`iptlint: no lint worker at ${workerFile}; linting in the server thread`);
  }

  /** True when lints run in a worker thread. */
  get threaded(): boolean {
    return this.worker !== undefined;
  }

  private startWorker(file: string) {
    try {
      const worker = new Worker(file);
      worker.on('message', (message: FromWorker) => {
        if (this.worker !== worker) return;
        this.inFlight = undefined;
        if (message.type === 'done') this.finished(message.done);
        else this.failed(message.uri, message.error);
        this.pump();
      });
      // A crash fires 'error' and then 'exit': only the first, for the worker still in use, counts.
      worker.on('error', (error) => this.workerLost(worker, `failed: ${error.stack ?? error.message}`));
      worker.on('exit', (code) => this.workerLost(worker, `exited with status ${code}`));
      this.worker = worker;
    } catch (error) {
      this.log(`iptlint: cannot start the lint worker (${(error as Error).message}); linting in the server thread`);
    }
  }

  private finished(result: LintDone | LintResync) {
    if ('resync' in result) {
      this.held.delete(result.uri);
      this.pending.add(result.uri);
    } else {
      this.done(result);
    }
  }

  private failed(uri: string, error: string) {
    this.held.delete(uri);
    this.log(`iptlint: linting ${uri} failed: ${error}`);
  }

  private workerLost(lost: Worker, why: string) {
    if (this.worker !== lost || this.stopped) return;
    this.worker = undefined;
    // A new worker, or the server thread, holds no documents.
    this.held.clear();
    const culprit = this.inFlight;
    this.inFlight = undefined;
    // A document that takes the worker down (out of memory on a huge file) would take the server down in
    // its own thread: it is not linted again until it changes. A fresh worker serves the others.
    this.log(`iptlint: the lint worker ${why}${culprit ? ` while linting ${culprit}; that document is not linted again until it changes` : ''}`);
    this.restarts++;
    if (this.restarts <= MAX_RESTARTS && this.workerFile) {
      this.startWorker(this.workerFile);
    } else {
      this.log('iptlint: the lint worker failed too often; linting in the server thread from now on');
    }
    this.pump();
  }

  request(uri: string): void {
    this.pending.add(uri);
    this.pump();
  }

  close(uri: string): void {
    this.pending.delete(uri);
    this.held.delete(uri);
    this.worker?.postMessage({ type: 'close', uri } satisfies ToWorker);
    this.local?.close(uri);
  }

  private pump() {
    if (this.inFlight || this.stopped) return;
    for (const uri of this.pending) {
      this.pending.delete(uri);
      const job = this.take(uri, this.held.get(uri));
      if (!job) continue;
      this.held.set(uri, job.version);
      if (this.worker) {
        this.inFlight = uri;
        this.worker.postMessage({ type: 'lint', job } satisfies ToWorker);
        return;
      }
      this.local ??= new Linter();
      try {
        this.finished(this.local.lint(job));
      } catch (error) {
        this.failed(uri, (error as Error)?.stack ?? String(error));
      }
      // One lint per turn of the event loop, so requests and edits get in between.
      if (this.pending.size > 0) setImmediate(() => this.pump());
      return;
    }
  }

  async dispose(): Promise<void> {
    this.stopped = true;
    this.pending.clear();
    await this.worker?.terminate();
    this.worker = undefined;
  }
}
