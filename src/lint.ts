/**
 * The pure core: text in, diagnostics and model out. No file or process I/O;
 * the CLI, the language server and the tests all call this one function.
 */
import { parseDocument, type ParsedDocument } from '../grammar/document.js';
import { checkInfo, MODEL_CHECKS } from './checks/registry.js';
import type { Diagnostic, ReportExtras, Reporter, Severity, Span } from './diagnostics.js';
import type { Backend, LintOptions } from './lint-options.js';
import { buildModel } from './model/build.js';
import { decideFamily, readGeneratedBy } from './model/family.js';
import type { RulesFile } from './model/types.js';
import { applySuppressions } from './suppressions.js';

export interface LintResult {
  diagnostics: Diagnostic[];
  file: RulesFile;
  /** The backend that will load the file, when known (option or save header). */
  backend?: Backend;
  /** The file's lines without terminators, for showing context. */
  lines: string[];
}

class CollectingReporter implements Reporter {
  readonly diagnostics: Diagnostic[] = [];
  constructor(private readonly severities: LintOptions['severities']) {}

  report(code: string, span: Span, message: string, extras?: ReportExtras): void {
    const override = this.severities?.[code];
    if (override === 'off') return;
    const severity: Severity = override ?? extras?.severity ?? checkInfo(code)?.severity ?? 'error';
    const diagnostic: Diagnostic = { code, severity, message, line: span.line, start: span.start, end: span.end };
    if (extras) {
      if (extras.endLine !== undefined) diagnostic.endLine = extras.endLine;
      if (extras.related) diagnostic.related = extras.related;
      if (extras.data) diagnostic.data = extras.data;
      if (extras.fixes) diagnostic.fixes = extras.fixes;
      if (extras.tags) diagnostic.tags = extras.tags;
    }
    this.diagnostics.push(diagnostic);
  }
}

function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.line - b.line || a.start - b.start || a.code.localeCompare(b.code);
}

export function lintDocument(doc: ParsedDocument, options: LintOptions = {}): LintResult {
  if (options.cache) options.cache.run++;
  const reporter = new CollectingReporter(options.severities);
  const generatedBy = readGeneratedBy(doc);
  const { family, source } = decideFamily(doc, options.family, options.fileName, generatedBy);
  const backend: Backend | undefined = options.backend ?? (generatedBy?.backend === 'nf_tables' ? 'nft' : generatedBy?.backend === 'legacy' ? 'legacy' : undefined);
  const file = buildModel({ doc, family, familySource: source, generatedBy, backend, reporter, cache: options.cache });
  const ctx = { file, doc, options, backend, reporter };
  for (const check of MODEL_CHECKS) check.run(ctx);
  reporter.diagnostics.sort(byPosition);
  const diagnostics = applySuppressions(doc, reporter.diagnostics, options);
  return { diagnostics, file, backend, lines: doc.texts };
}

export function lint(text: string, options: LintOptions = {}): LintResult {
  return lintDocument(parseDocument(text), options);
}
