/**
 * The pure core: text in, diagnostics and model out. No file or process I/O;
 * the CLI, the language server and the tests all call this one function.
 */
import { parseDocument, type ParsedDocument } from '../grammar/document.js';
import { checkInfo, MODEL_CHECKS } from './checks/registry.js';
import { byPosition, type Diagnostic, type ReportExtras, type Reporter, type Severity, type Span } from './diagnostics.js';
import type { Backend, LintOptions } from './lint-options.js';
import { buildModel } from './model/build.js';
import { decideFamily, readGeneratedBy } from './model/family.js';
import type { RulesFile } from './model/types.js';
import { applySuppressions, parseSuppressions, type Suppressions } from './suppressions.js';

export interface LintResult {
  diagnostics: Diagnostic[];
  file: RulesFile;
  /** The backend that will load the file, when known (option or save header). */
  backend?: Backend;
  /** The file's lines without terminators, for showing context. */
  lines: string[];
}

/** Turns findings into diagnostics under the user's severity overrides. */
export class CollectingReporter implements Reporter {
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

/** What a lint decided about the file as a whole, beside its findings. */
export interface FileContext {
  family: RulesFile['family'];
  familySource: RulesFile['familySource'];
  generatedBy?: RulesFile['generatedBy'];
  backend?: Backend;
}

export function fileContext(doc: ParsedDocument, options: LintOptions): FileContext {
  const generatedBy = readGeneratedBy(doc);
  const { family, source } = decideFamily(doc, options.family, options.fileName, generatedBy);
  const backend: Backend | undefined = options.backend ?? (generatedBy?.backend === 'nf_tables' ? 'nft' : generatedBy?.backend === 'legacy' ? 'legacy' : undefined);
  return { family, familySource: source, generatedBy, backend };
}

/** lintDocument, also returning the findings before suppression comments were applied and the comments (for LintSession). */
export function lintDocumentUnsuppressed(doc: ParsedDocument, options: LintOptions = {}): {
  result: LintResult;
  unsuppressed: Diagnostic[];
  suppressions: Suppressions;
  context: FileContext;
} {
  if (options.cache) options.cache.run++;
  const reporter = new CollectingReporter(options.severities);
  const context = fileContext(doc, options);
  const { family, familySource, generatedBy, backend } = context;
  const file = buildModel({ doc, family, familySource, generatedBy, backend, reporter, cache: options.cache });
  const ctx = { file, doc, options, backend, reporter };
  for (const check of MODEL_CHECKS) check.run(ctx);
  reporter.diagnostics.sort(byPosition);
  const suppressions = parseSuppressions(doc);
  const diagnostics = applySuppressions(suppressions, reporter.diagnostics, options);
  return { result: { diagnostics, file, backend, lines: doc.texts }, unsuppressed: reporter.diagnostics, suppressions, context };
}

export function lintDocument(doc: ParsedDocument, options: LintOptions = {}): LintResult {
  return lintDocumentUnsuppressed(doc, options).result;
}

export function lint(text: string, options: LintOptions = {}): LintResult {
  return lintDocument(parseDocument(text), options);
}
