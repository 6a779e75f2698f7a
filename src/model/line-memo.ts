/**
 * Per-line memory for the editor: the language server re-lints a 100,000-line
 * document on every keystroke, but re-parses only the lines that changed and
 * keeps the parsed LineNode objects of the others. Work that depends only on
 * one line's parse (reading the rule, checking its options) is remembered
 * against that LineNode and replayed, with its diagnostics moved to the line's
 * current number. A one-shot CLI run has no cache and calls the work directly.
 */
import type { ReportExtras, Reporter, Span } from '../diagnostics.js';

interface Recorded {
  code: string;
  /** Span with `line` relative to the memoised line (always 0 for single-line findings). */
  span: Span;
  message: string;
  extras?: ReportExtras;
}

export interface Memo<T> {
  /** What the result depended on besides the line itself (family, backend…). */
  key: string;
  /** The lint run that last used it: a node shared by two identical lines is replayed for one of them only. */
  run: number;
  value: T;
  reports: Recorded[];
}

function shiftExtras(extras: ReportExtras | undefined, delta: number): ReportExtras | undefined {
  if (!extras || delta === 0) return extras;
  return {
    ...extras,
    endLine: extras.endLine === undefined ? undefined : extras.endLine + delta,
    related: extras.related?.map((r) => (r.line === undefined || r.file ? r : { ...r, line: r.line + delta })),
    fixes: extras.fixes?.map((f) => ({ ...f, edits: f.edits.map((e) => ({ ...e, line: e.line + delta })) })),
  };
}

/**
 * What a caller that lints the same document again and again keeps between
 * runs (the language server, one per document). A one-shot run passes none
 * and pays nothing: 100,000 WeakMap entries are not free for the collector.
 */
export interface LintCache {
  commands: WeakMap<object, Memo<unknown>>;
  rules: WeakMap<object, Memo<unknown>>;
  /** Counts lint runs (lintDocument increments it). */
  run: number;
}

export function createLintCache(): LintCache {
  return { commands: new WeakMap(), rules: new WeakMap(), run: 0 };
}

/** What remembered work on one line depends on besides the line: the family and the backend it was read for. */
export function memoKey(family: string, backend: string | undefined): string {
  return `${family} ${backend ?? ''}`;
}

/**
 * Reports again, at `line`, what the remembered work on `node` reported, without
 * touching its remembered value. False when nothing is remembered for this key.
 */
export function replayFindings(cache: LintCache, which: 'commands' | 'rules', node: object, key: string, line: number, reporter: Reporter): boolean {
  const hit = cache[which].get(node);
  if (!hit || hit.key !== key) return false;
  for (const r of hit.reports) {
    reporter.report(r.code, { line: r.span.line + line, start: r.span.start, end: r.span.end }, r.message, shiftExtras(r.extras, line));
  }
  return true;
}

/**
 * Runs `compute` for `line`, or replays what it did the last time for the same node and key. Callers without a
 * cache call the work directly: building the key and the closure would cost them for nothing.
 */
export function memoised<T>(
  cache: LintCache,
  which: 'commands' | 'rules',
  node: object,
  key: string,
  line: number,
  reporter: Reporter,
  compute: (reporter: Reporter) => T,
  relocate: (value: T, line: number) => void,
): T {
  const store = cache[which];
  const hit = store.get(node) as Memo<T> | undefined;
  // Editors share one parsed node between identical lines: its result may serve only one of them per run.
  if (hit && hit.run === cache.run) return compute(reporter);
  if (hit && hit.key === key) {
    hit.run = cache.run;
    relocate(hit.value, line);
    for (const r of hit.reports) {
      reporter.report(r.code, { line: r.span.line + line, start: r.span.start, end: r.span.end }, r.message, shiftExtras(r.extras, line));
    }
    return hit.value;
  }
  const reports: Recorded[] = [];
  const recorder: Reporter = {
    report(code, span, message, extras) {
      reports.push({ code, span: { line: span.line - line, start: span.start, end: span.end }, message, extras: shiftExtras(extras, -line) });
      reporter.report(code, span, message, extras);
    },
  };
  const value = compute(recorder);
  store.set(node, { key, run: cache.run, value, reports });
  return value;
}
