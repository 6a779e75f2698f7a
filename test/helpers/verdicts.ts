/**
 * How a lint result must relate to what the real binaries did with the same
 * text: both reject → an error; both accept → no error (warnings allowed);
 * they disagree → a warning and no error (the file works with one backend only).
 */
import type { Diagnostic } from '../../src/diagnostics.js';

export type Expectation = 'error' | 'no-error' | 'warning-only';

export function expectationFor(nftAccepts: boolean, legacyAccepts: boolean): Expectation {
  if (nftAccepts && legacyAccepts) return 'no-error';
  if (!nftAccepts && !legacyAccepts) return 'error';
  return 'warning-only';
}

/** Why the diagnostics break the expectation, or undefined when they meet it. */
export function violation(diagnostics: readonly Diagnostic[], expectation: Expectation): string | undefined {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const warnings = diagnostics.filter((d) => d.severity === 'warning');
  switch (expectation) {
    case 'error':
      return errors.length === 0 ? `expected an error, got ${describe(diagnostics)}` : undefined;
    case 'no-error':
      return errors.length > 0 ? `expected no error, got ${describe(errors)}` : undefined;
    case 'warning-only':
      if (errors.length > 0) return `expected a warning and no error (one backend accepts it), got ${describe(errors)}`;
      return warnings.length === 0 ? `expected a warning (one backend rejects it), got ${describe(diagnostics)}` : undefined;
  }
}

export function describe(diagnostics: readonly Diagnostic[]): string {
  if (diagnostics.length === 0) return 'no diagnostics';
  return diagnostics.map((d) => `${d.line + 1}:${d.start + 1} ${d.severity} ${d.code}: ${d.message}`).join('; ');
}
