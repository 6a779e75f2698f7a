/** What formatters receive: one entry per linted file, in argument order. */
import type { Family } from '../../catalog/types.js';
import type { Diagnostic } from '../../diagnostics.js';

export interface FileReport {
  path: string;
  family: Family;
  /** The file's lines, for context in text output. */
  lines: string[];
  diagnostics: Diagnostic[];
}

export interface Report {
  files: FileReport[];
  toolVersion: string;
}

export interface FormatOptions {
  color: boolean;
  /** One line per finding, no source excerpt. */
  concise: boolean;
}

export type Formatter = (report: Report, options: FormatOptions) => string;
