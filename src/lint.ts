/**
 * The pure core: text in, diagnostics and model out. No file or process I/O;
 * the CLI, the language server and the tests all call this one function.
 */
import { indexLines, type DocumentText, type LineTexts, type ParsedDocument } from '../grammar/document.js';
import { CodeUnitWindow } from '../grammar/lexer.js';
import { parseLine } from '../grammar/parser.js';
import type { LineNode } from '../grammar/syntax.js';
import { checkInfo, MODEL_CHECKS } from './checks/registry.js';
import { byPosition, type Diagnostic, type ReportExtras, type Reporter, type Severity, type Span } from './diagnostics.js';
import type { Backend, LintOptions } from './lint-options.js';
import { ModelBuilder, type ModelVisitor } from './model/build.js';
import type { CheckContext } from './checks/types.js';
import { decideFamily, readGeneratedBy } from './model/family.js';
import type { RulesFile } from './model/types.js';
import { applySuppressions, parseSuppressions, type Suppressions } from './suppressions.js';

export interface LintResult {
  diagnostics: Diagnostic[];
  file: RulesFile;
  /** The backend that will load the file, when known (option or save header). */
  backend?: Backend;
  /** The file's lines without terminators, for showing context: `lines.at(line)`. */
  lines: LineTexts;
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
  return fileContextOf(doc.texts, () => doc.lines, options);
}

/** fileContext for a text whose lines are parsed on demand: `lines` is called only when the addresses must decide the family. */
function fileContextOf(texts: LineTexts, lines: () => Iterable<LineNode>, options: LintOptions): FileContext {
  const generatedBy = readGeneratedBy(texts);
  const { family, source } = decideFamily(lines, options.family, options.fileName, generatedBy);
  const backend: Backend | undefined = options.backend ?? (generatedBy?.backend === 'nf_tables' ? 'nft' : generatedBy?.backend === 'legacy' ? 'legacy' : undefined);
  return { family, familySource: source, generatedBy, backend };
}

interface Linted {
  result: LintResult;
  unsuppressed: Diagnostic[];
  suppressions: Suppressions;
  context: FileContext;
}

/** lintDocument, also returning the findings before suppression comments were applied and the comments (for LintSession). */
export function lintDocumentUnsuppressed(doc: ParsedDocument, options: LintOptions = {}): Linted {
  return lintLines(doc, (line) => doc.lines[line], fileContext(doc, options), options);
}

/**
 * The one way through: the model is read line by line, each check's visitor
 * seeing every line, table and rule as it comes, then the checks that need the
 * whole model run. `lineAt` gives each line's parse, asked once per line in order.
 */
function lintLines(text: DocumentText, lineAt: (line: number) => LineNode, context: FileContext, options: LintOptions): Linted {
  if (options.cache) options.cache.run++;
  const reporter = new CollectingReporter(options.severities);
  const { family, familySource, generatedBy, backend } = context;
  const findingsOnly = keepsOnlyFindings(options);
  const builder = new ModelBuilder({ text, family, familySource, generatedBy, backend, reporter, cache: options.cache, findingsOnly }, (file) =>
    visitorsFor({ file, doc: text, options, backend, reporter }),
  );
  const ctx: CheckContext = { file: builder.file, doc: text, options, backend, reporter };
  const lineCount = text.texts.length;
  for (let line = 0; line < lineCount; line++) builder.line(lineAt(line), line);
  const file = builder.finish();
  for (const check of MODEL_CHECKS) check.run?.(ctx);
  reporter.diagnostics.sort(byPosition);
  const suppressions = parseSuppressions(text);
  const diagnostics = applySuppressions(suppressions, reporter.diagnostics, options);
  return { result: { diagnostics, file, backend, lines: text.texts }, unsuppressed: reporter.diagnostics, suppressions, context };
}

/** Whether the model may let go of each rule once it is checked: the editor's cache keeps rules from run to run. */
function keepsOnlyFindings(options: LintOptions): boolean {
  return !!options.findingsOnly && !options.cache;
}

/** What sees each line, table, chain and command as the model is read: the checks' visitors. */
function visitorsFor(ctx: CheckContext): ModelVisitor[] {
  const visitors: ModelVisitor[] = [];
  for (const check of MODEL_CHECKS) {
    const made = check.visit?.(ctx);
    if (Array.isArray(made)) visitors.push(...made);
    else if (made) visitors.push(made as ModelVisitor);
  }
  return visitors;
}

export function lintDocument(doc: ParsedDocument, options: LintOptions = {}): LintResult {
  return lintDocumentUnsuppressed(doc, options).result;
}

/**
 * Lints a whole text. Each line is parsed as the model reaches it and not kept:
 * a large file never holds all its parsed lines at once.
 */
export function lint(text: string, options: LintOptions = {}): LintResult {
  const split = indexLines(text);
  const texts = split.texts;
  // A model that keeps no rule keeps no argument either: sharing them would only make them outlive their line.
  const sharedArgs = !keepsOnlyFindings(options);
  // Lines parsed early, while looking for an address to decide the family by: handed over, not parsed again.
  const early: LineNode[] = [];
  const context = fileContextOf(texts, () => parsedLines(texts, early, sharedArgs), options);
  // The lexer reads the lines' characters from copies of the whole text made a window at a time.
  const window = new CodeUnitWindow(texts.body);
  const starts = texts.starts;
  const lineAt = (line: number) => {
    if (line >= early.length) return parseLine(texts.at(line) as string, sharedArgs, window, starts[line]);
    const node = early[line];
    // Let go of it: the model keeps what it needs.
    early[line] = NO_LINE;
    return node;
  };
  return lintLines(split, lineAt, context, options).result;
}

const NO_LINE: LineNode = { kind: 'blank' };

/** Parses `texts` in order, as far as the caller reads, keeping each parse in `into`. */
function* parsedLines(texts: LineTexts, into: LineNode[], sharedArgs: boolean): Generator<LineNode> {
  for (let line = 0; line < texts.length; line++) {
    const node = parseLine(texts.at(line) as string, sharedArgs);
    into.push(node);
    yield node;
  }
}
