/** The public API of iptlint as a library. */
export { lint, lintDocument, type LintResult } from './lint.js';
export type { LineTexts } from '../grammar/document.js';
export type { LintOptions, Backend } from './lint-options.js';
export { createLintCache, type LintCache } from './model/line-memo.js';
export type { Diagnostic, Severity, Fix, TextEdit, RelatedInformation } from './diagnostics.js';
export type * from './model/types.js';
export { ALL_CHECK_INFO, checkInfo } from './checks/registry.js';
export type { CheckInfo } from './checks/types.js';
export { listExtensions, findMatch, findTarget } from './catalog/index.js';
