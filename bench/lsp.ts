/**
 * Language-server latency benchmark (issue 5): a report, not a test.
 *
 *   node dist/bench/lsp.js [--rules 100000] [--edits 20] [--debounce 0]
 *
 * Starts the real server (`dist/server/bin.js --stdio`, as package.json's bin names it), opens a generated
 * kube-proxy-like document, then measures, as a client sees it:
 *   - open → first publishDiagnostics;
 *   - one-line didChange (incremental, a port number in a rule halfway down) → publishDiagnostics for that version;
 *   - hover on a match name and completion after `-m `, in a steady state and right after an edit;
 * targets from the issue: diagnostics under 50 ms after a one-line edit, hover and completion under 20 ms.
 * `--debounce` is sent as the iptlint.debounceMs setting: 0 measures the work itself; the editor default (200 ms)
 * adds its wait on top of every edit figure. The JSON-RPC framing is written here (Content-Length headers) so the
 * benchmark depends on nothing but node.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateRuleset } from './generate.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const outDir = join(root, 'bench', 'out');

type Message = { id?: number; method?: string; params?: unknown; result?: unknown; error?: { message: string } };

class Client {
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private pending = new Map<number, (m: Message) => void>();
  private listeners: Array<(m: Message) => boolean> = [];
  readonly stderr: string[] = [];

  constructor(private readonly child: ChildProcessWithoutNullStreams) {
    child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    child.stderr.setEncoding('utf8').on('data', (s: string) => {
      if (this.stderr.length < 50) this.stderr.push(s);
    });
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const m = /Content-Length: *(\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString('ascii'));
      if (!m) throw new Error('LSP message without Content-Length');
      const length = Number(m[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.dispatch(JSON.parse(body) as Message);
    }
  }

  private dispatch(m: Message): void {
    if (m.id !== undefined && m.method === undefined) {
      this.pending.get(m.id)?.(m);
      this.pending.delete(m.id);
      return;
    }
    if (m.id !== undefined && m.method !== undefined) {
      // Server → client requests (workspace/configuration, client/registerCapability): answer so it never waits.
      this.send({ id: m.id, result: m.method === 'workspace/configuration' ? [null] : null });
      return;
    }
    this.listeners = this.listeners.filter((l) => !l(m));
  }

  private send(m: object): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...m }), 'utf8');
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  notify(method: string, params: unknown): void {
    this.send({ method, params });
  }

  request<T>(method: string, params: unknown): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((res, rej) => {
      this.pending.set(id, (m) => (m.error ? rej(new Error(`${method}: ${m.error.message}`)) : res(m.result as T)));
      this.send({ id, method, params });
    });
  }

  /** Resolves with the first notification `accept` returns true for. */
  waitFor(accept: (m: Message) => boolean, timeoutMs = 120_000): Promise<Message> {
    return new Promise((res, rej) => {
      const timer = setTimeout(() => rej(new Error(`timed out after ${timeoutMs} ms waiting for the server`)), timeoutMs);
      this.listeners.push((m) => {
        if (!accept(m)) return false;
        clearTimeout(timer);
        res(m);
        return true;
      });
    });
  }
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const pct = (xs: number[], p: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

interface Stat {
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  runs: number;
}
const stat = (xs: number[]): Stat => ({ medianMs: median(xs), p95Ms: pct(xs, 95), maxMs: Math.max(...xs), runs: xs.length });
const fmt = (s: Stat | undefined): string =>
  s ? `median ${s.medianMs.toFixed(1)} ms, p95 ${s.p95Ms.toFixed(1)} ms, max ${s.maxMs.toFixed(1)} ms (${s.runs} runs)` : 'not offered by the server';

function argValue(argv: string[], name: string, fallback: number): number {
  const i = argv.indexOf(name);
  const v = i >= 0 ? Number(argv[i + 1]) : fallback;
  if (!Number.isFinite(v) || v < 0) throw new Error(`${name} takes a non-negative number`);
  return v;
}

async function main(argv: string[]): Promise<void> {
  const rules = argValue(argv, '--rules', 100_000);
  const edits = argValue(argv, '--edits', 20);
  const debounceMs = argValue(argv, '--debounce', 0);
  mkdirSync(outDir, { recursive: true });
  const path = join(outDir, `lsp-${rules}.v4`);
  const text = generateRuleset(rules, 1);
  writeFileSync(path, text);
  const uri = pathToFileURL(path).href;
  const lines = text.split('\n');

  const server = spawn(process.execPath, [join(root, 'dist', 'server', 'bin.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const client = new Client(server);
  const exited = new Promise<number | null>((res) => server.on('exit', (code) => res(code)));
  try {
    // No workspace.configuration capability: the server takes its settings from the initialization options.
    const init = await client.request<{ capabilities: Record<string, unknown> }>('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(outDir).href,
      capabilities: { textDocument: { publishDiagnostics: { versionSupport: true }, hover: {}, completion: {} } },
      initializationOptions: { iptlint: { debounceMs } },
    });
    client.notify('initialized', {});
    const caps = init.capabilities;

    const diagnosticsFor = (version: number) =>
      client.waitFor((m) => {
        const p = m.params as { uri?: string; version?: number } | undefined;
        return m.method === 'textDocument/publishDiagnostics' && p?.uri === uri && (p.version === undefined || p.version >= version);
      });

    let t0 = performance.now();
    const opened = diagnosticsFor(1);
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'iptables', version: 1, text } });
    const first = await opened;
    const openMs = performance.now() - t0;
    const count = ((first.params as { diagnostics?: unknown[] }).diagnostics ?? []).length;
    process.stderr.write(`opened ${rules} rules (${(text.length / 1e6).toFixed(1)} MB): first diagnostics after ${openMs.toFixed(0)} ms (${count} diagnostics)\n`);

    // Edit targets: `--dport N` on rule lines around the middle of the document; each edit flips the port number.
    const targets: Array<{ line: number; start: number; end: number; port: string }> = [];
    for (let l = Math.floor(lines.length / 2); l < lines.length && targets.length < Math.max(edits, 1); l++) {
      const m = / --dport (\d+)/.exec(lines[l]);
      if (m) targets.push({ line: l, start: m.index + 9, end: m.index + 9 + m[1].length, port: m[1] });
    }
    let version = 1;
    /** Sends one didChange; resolves when the diagnostics for its version are published. */
    const change = (contentChanges: object[]) => {
      version++;
      const published = diagnosticsFor(version);
      client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
      return published;
    };
    const timedChange = async (contentChanges: object[]): Promise<number> => {
      const start = performance.now();
      await change(contentChanges);
      return performance.now() - start;
    };
    const rangeOf = (line: number, start: number, end: number, endLine = line) => ({ start: { line, character: start }, end: { line: endLine, character: end } });
    /** The i-th port flip, as content changes; the target then holds the new port. */
    const portFlip = (i: number) => {
      const t = targets[i % targets.length];
      const newPort = String((Number(t.port) % 60000) + 1);
      const changes = [{ range: rangeOf(t.line, t.start, t.end), text: newPort }];
      t.end = t.start + newPort.length;
      t.port = newPort;
      return changes;
    };
    const editTimes: number[] = [];
    for (let i = 0; i < edits; i++) editTimes.push(await timedChange(portFlip(i)));
    let reparsed: unknown;
    try {
      reparsed = await client.request('iptlint/documentStats', { uri });
    } catch {
      reparsed = undefined;
    }

    // Edits that change what the whole-file checks see: a jump target flipped between two chains, and a new
    // rule line inserted (which also moves every line below it). These re-run the table-wide passes.
    const jumps: Array<{ line: number; start: number; name: string }> = [];
    for (let l = Math.floor(lines.length / 2); l < lines.length && jumps.length < Math.max(edits, 1); l++) {
      const m = / -j (KUBE-MARK-MASQ|KUBE-MARK-DROP)\b/.exec(lines[l]);
      if (m) jumps.push({ line: l, start: m.index + 4, name: m[1] });
    }
    const structuralTimes: number[] = [];
    for (let i = 0; jumps.length && i < Math.min(edits, 10); i++) {
      const j = jumps[i % jumps.length];
      const name = j.name === 'KUBE-MARK-MASQ' ? 'KUBE-MARK-DROP' : 'KUBE-MARK-MASQ';
      const changes = [{ range: rangeOf(j.line, j.start, j.start + j.name.length), text: name }];
      j.name = name;
      structuralTimes.push(await timedChange(changes));
    }
    const insertLine = lines.findIndex((l, i) => i > lines.length / 2 && l.startsWith('-A '));
    const insertTimes: number[] = [];
    for (let i = 0; insertLine >= 0 && i < Math.min(edits, 10); i++) {
      // Alternately insert a rule line and delete it again, so line numbers return to where they were.
      const changes = i % 2 === 0
        ? [{ range: rangeOf(insertLine, 0, 0), text: '-A INPUT -p tcp --dport 2222 -j ACCEPT\n' }]
        : [{ range: rangeOf(insertLine, 0, 0, insertLine + 1), text: '' }];
      insertTimes.push(await timedChange(changes));
    }

    // Hover on the `statistic` of a KUBE-SVC rule, completion right after a `-m ` of a rule line.
    const hoverLine = lines.findIndex((l, i) => i > lines.length / 2 && l.includes('-m statistic'));
    const hoverAt = { line: hoverLine, character: lines[hoverLine].indexOf('-m statistic') + 4 };
    const complLine = lines.findIndex((l, i) => i > lines.length / 2 && l.includes(' -m comment'));
    const complAt = { line: complLine, character: lines[complLine].indexOf(' -m comment') + 4 };
    // A fast answer that is empty measures nothing: count the answers that carry content.
    const answered: Record<string, { withContent: number; total: number; sample?: string }> = {};
    const timeRequest = async (method: string, position: { line: number; character: number }): Promise<number> => {
      const start = performance.now();
      const result = await client.request<unknown>(method, { textDocument: { uri }, position });
      const ms = performance.now() - start;
      const a = (answered[method] ??= { withContent: 0, total: 0 });
      a.total++;
      const items = Array.isArray(result) ? result : (result as { items?: unknown[] } | null)?.items;
      const hasContent = method.endsWith('completion') ? (items?.length ?? 0) > 0 : result !== null && result !== undefined;
      if (hasContent) {
        a.withContent++;
        a.sample ??= JSON.stringify(result).slice(0, 160);
      }
      return ms;
    };
    const steady = async (method: string, at: { line: number; character: number }): Promise<Stat> => {
      const xs: number[] = [];
      for (let i = 0; i < 20; i++) xs.push(await timeRequest(method, at));
      return stat(xs);
    };
    /** The request right after an edit, before the debounced lint ran: the server must bring the analysis up to date. */
    const afterEdit = async (method: string, at: { line: number; character: number }): Promise<Stat> => {
      const xs: number[] = [];
      for (let i = 0; i < Math.min(edits, 10); i++) {
        const published = change(portFlip(i));
        xs.push(await timeRequest(method, at));
        await published;
      }
      return stat(xs);
    };
    const hover = caps.hoverProvider ? await steady('textDocument/hover', hoverAt) : undefined;
    const hoverAfterEdit = caps.hoverProvider ? await afterEdit('textDocument/hover', hoverAt) : undefined;
    const completion = caps.completionProvider ? await steady('textDocument/completion', complAt) : undefined;
    const completionAfterEdit = caps.completionProvider ? await afterEdit('textDocument/completion', complAt) : undefined;

    const edit = stat(editTimes);
    const structural = structuralTimes.length ? stat(structuralTimes) : undefined;
    const inserted = insertTimes.length ? stat(insertTimes) : undefined;
    const report = {
      date: new Date().toISOString(),
      node: process.version,
      rules,
      bytes: Buffer.byteLength(text),
      debounceMs,
      openToDiagnosticsMs: openMs,
      editToDiagnostics: edit,
      structuralEditToDiagnostics: structural,
      lineInsertToDiagnostics: inserted,
      portEditStats: reparsed,
      hover,
      hoverAfterEdit,
      completion,
      completionAfterEdit,
      answered,
      targets: { editToDiagnosticsMs: 50, hoverMs: 20, completionMs: 20 },
    };
    const verdict = (s: Stat | undefined, target: number): string => (s ? (s.medianMs <= target ? ' (within target)' : ` (target ${target} ms)`) : '');
    process.stdout.write(
      [
        `LSP latency, ${rules.toLocaleString('en-US')} rules, debounce ${debounceMs} ms (add it to the edit figures for an editor's experience):`,
        `  open → diagnostics:            ${openMs.toFixed(0)} ms`,
        `  one-line edit → diagnostics:   ${fmt(edit)}${verdict(edit, 50 + debounceMs)}`,
        `  jump target edit → diagnostics: ${fmt(structural)} (re-runs the whole-file checks)`,
        `  line insert/delete → diagnostics: ${fmt(inserted)} (re-runs the whole-file checks)`,
        `  hover:                         ${fmt(hover)}${verdict(hover, 20)}`,
        `  hover right after an edit:     ${fmt(hoverAfterEdit)}`,
        `  completion:                    ${fmt(completion)}${verdict(completion, 20)}`,
        `  completion right after an edit: ${fmt(completionAfterEdit)}`,
        ...Object.entries(answered).map(([m, a]) => `  ${m}: ${a.withContent}/${a.total} answers with content${a.sample ? `, e.g. ${a.sample}` : ''}`),
        reparsed ? `  after the port edits: ${JSON.stringify(reparsed)}` : '',
      ]
        .filter(Boolean)
        .join('\n') + '\n',
    );
    writeFileSync(join(outDir, 'lsp-results.json'), JSON.stringify(report, null, 2) + '\n');
    process.stderr.write(`wrote ${join(outDir, 'lsp-results.json')}\n`);
    await client.request('shutdown', null);
    client.notify('exit', null);
    await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
  } finally {
    if (server.exitCode === null) server.kill();
    if (client.stderr.length) process.stderr.write(`server log (first lines):\n${client.stderr.join('').split('\n').slice(0, 10).join('\n')}\n`);
  }
}

main(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(`lsp bench: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
