/** What a check is: metadata (code, severity, docs) beside the function that finds it. */
import type { DocumentText } from '../../grammar/document.js';
import type { Reporter, Severity } from '../diagnostics.js';
import type { Backend, LintOptions } from '../lint-options.js';
import type { ModelVisitor } from '../model/build.js';
import type { RulesFile } from '../model/types.js';

export type CheckCategory = 'syntax' | 'extensions' | 'rules' | 'kernel' | 'userspace' | 'meta';

export interface CheckInfo {
  /** Stable code, never reused: IPT1xx syntax, IPT2xx extensions and options, IPT3xx rules and chains, IPT4xx kernel modules, IPT5xx userspace version, IPT9xx suppressions. */
  code: string;
  /** Stable kebab-case name. */
  name: string;
  category: CheckCategory;
  /** Default severity; some findings of a code are reported lower when only one backend rejects them. */
  severity: Severity;
  /** One line. */
  summary: string;
  /** What it finds and why it matters, a paragraph. */
  description: string;
  /** A rules snippet that triggers it. */
  bad: string;
  /** The same snippet, fixed. */
  good: string;
  /** How to fix, a sentence or two. */
  fix: string;
}

export interface CheckContext {
  /** The model; while visitors run, the part read so far. */
  file: RulesFile;
  doc: DocumentText;
  options: LintOptions;
  /** The backend that will load the file, when known (option or save header). */
  backend?: Backend;
  reporter: Reporter;
}

/**
 * A check finds what it can as each line, table or rule is read (visit), and
 * what needs the whole model once it is built (run). What a rule shows on its
 * own belongs in visit: a caller that keeps only findings (the command line)
 * lets go of each rule right after the visitors have seen it.
 */
export interface ModelCheck {
  info: readonly CheckInfo[];
  /** The visitor or visitors for one lint run (they may keep state from rule to rule), if the check has any. */
  visit?(ctx: CheckContext): ModelVisitor | readonly ModelVisitor[] | undefined;
  /**
   * The findings that need the whole model. With `findingsOnly` the tables keep
   * no commands and the chains no rules: a check that needs rules once the
   * file is read gathers what it needs in a visitor (whose `end` is called
   * after the last line), as the chain checks do.
   */
  run?(ctx: CheckContext): void;
}
