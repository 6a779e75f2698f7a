/** Diagnostics: what every check produces and every adapter prints. */

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export const SEVERITY_RANK: Record<Severity, number> = { hint: 0, info: 1, warning: 2, error: 3 };

export interface TextEdit {
  line: number;
  start: number;
  end: number;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
}

export interface RelatedInformation {
  message: string;
  /** A file other than the one linted (a kernel config, a modules list); absent: the same file. */
  file?: string;
  /** 0-based. */
  line?: number;
}

export interface Diagnostic {
  code: string;
  severity: Severity;
  message: string;
  /** 0-based line. */
  line: number;
  /** 0-based column of the first character. */
  start: number;
  /** 0-based column after the last character. */
  end: number;
  /** 0-based line where the range ends, when it is not `line`. */
  endLine?: number;
  related?: RelatedInformation[];
  /** Machine-readable evidence (module, config symbol, kernel release, …). */
  data?: Record<string, string | number | boolean | string[]>;
  fixes?: Fix[];
  tags?: ('deprecated' | 'unnecessary')[];
}

export interface Span {
  line: number;
  start: number;
  end: number;
}

export type ReportExtras = Pick<Diagnostic, 'related' | 'data' | 'fixes' | 'tags' | 'endLine'> & { severity?: Severity };

/** The one way checks and the model builder emit diagnostics. */
export interface Reporter {
  report(code: string, span: Span, message: string, extras?: ReportExtras): void;
}

/**
 * Orders check codes (`IPT101` < `IPT204`). Codes are ASCII, so code-unit order is the order a reader expects;
 * localeCompare would load the ICU collator, about 8 ms of every start.
 */
export function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Findings in reading order: by line, then column, then code. */
export function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.line - b.line || a.start - b.start || compareCodes(a.code, b.code);
}
