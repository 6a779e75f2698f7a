/** Translation between iptlint's diagnostics and LSP's. Columns are UTF-16 code units on both sides. */
import {
  DiagnosticSeverity,
  DiagnosticTag,
  type Diagnostic as LspDiagnostic,
  type DiagnosticRelatedInformation,
  type Range,
} from 'vscode-languageserver';
import { pathToFileURL } from 'node:url';
import { isAbsolute, resolve } from 'node:path';
import type { LineTexts } from '../grammar/document.js';
import type { Diagnostic, Severity } from '../src/diagnostics.js';

export const DOCS_BASE = 'https://github.com/iptlint/iptlint/blob/main/docs/checks/';
export const SOURCE = 'iptlint';

export function docsUrl(code: string): string {
  return `${DOCS_BASE}${code}.md`;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function rangeOf(d: Pick<Diagnostic, 'line' | 'start' | 'end' | 'endLine'>): Range {
  return { start: { line: d.line, character: d.start }, end: { line: d.endLine ?? d.line, character: d.end } };
}

export interface ConvertContext {
  uri: string;
  lines: LineTexts;
  /** Where relative evidence paths (a kernel config given as `kernel/config`) are resolved. */
  baseDir: string;
}

/** The data every LSP diagnostic carries back to code actions. */
export interface DiagnosticData {
  fixes?: Diagnostic['fixes'];
  evidence?: Diagnostic['data'];
}

export function toLspDiagnostic(d: Diagnostic, ctx: ConvertContext): LspDiagnostic {
  const out: LspDiagnostic = {
    range: rangeOf(d),
    severity: SEVERITY[d.severity],
    code: d.code,
    codeDescription: { href: docsUrl(d.code) },
    source: SOURCE,
    message: d.message,
  };
  if (d.tags?.length) {
    out.tags = d.tags.map((t) => (t === 'deprecated' ? DiagnosticTag.Deprecated : DiagnosticTag.Unnecessary));
  }
  if (d.related?.length) out.relatedInformation = d.related.map((r) => relatedOf(r, ctx));
  const data: DiagnosticData = {};
  if (d.fixes?.length) data.fixes = d.fixes;
  if (d.data) data.evidence = d.data;
  if (data.fixes || data.evidence) out.data = data;
  return out;
}

function relatedOf(r: NonNullable<Diagnostic['related']>[number], ctx: ConvertContext): DiagnosticRelatedInformation {
  const line = r.line ?? 0;
  if (r.file === undefined) {
    const text = ctx.lines.at(line) ?? '';
    return { message: r.message, location: { uri: ctx.uri, range: { start: { line, character: 0 }, end: { line, character: text.length } } } };
  }
  // Another file (a kernel config, a modules list): its line lengths are unknown here, so point at the line start.
  const path = isAbsolute(r.file) ? r.file : resolve(ctx.baseDir, r.file);
  return {
    message: r.message,
    location: { uri: pathToFileURL(path).href, range: { start: { line, character: 0 }, end: { line, character: 0 } } },
  };
}
