/** What formatters receive: one entry per linted file, in argument order. */
import type { LineTexts } from '../../../grammar/document.js';
import type { Family } from '../../catalog/types.js';
import type { Diagnostic, Severity } from '../../diagnostics.js';

export interface FileReport {
  path: string;
  family: Family;
  /** The file's lines, for context in text output. */
  lines: LineTexts;
  diagnostics: Diagnostic[];
}

/** A path that could not be linted (missing, unreadable, not text): reported on stderr, and recorded by formats that can carry it. */
export interface InputError {
  path: string;
  message: string;
}

export interface Report {
  files: FileReport[];
  toolVersion: string;
  inputErrors?: InputError[];
}

export interface FormatOptions {
  color: boolean;
  /** One line per finding, no source excerpt. */
  concise: boolean;
  /** The lowest severity that fails the run (formats that mark pass/fail use it). */
  failureThreshold?: Severity;
}

export type Formatter = (report: Report, options: FormatOptions) => string;
