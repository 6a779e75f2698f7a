/**
 * GitHub Actions workflow commands, one annotation per finding:
 * `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=CODE::message`.
 * GitHub shows at most 10 annotations of each level per step and drops the
 * rest silently, so past 10 the findings are printed as plain log lines and a
 * summary says how many were not annotated.
 */
import type { Severity } from '../../diagnostics.js';
import { formatLocation } from './text.js';
import type { Formatter } from './types.js';

export const GITHUB_ANNOTATION_LIMIT = 10;

type Level = 'error' | 'warning' | 'notice';
const LEVEL: Record<Severity, Level> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

/** Escaping rules of the Actions runner for the message part. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values additionally escape the separators `:` and `,`. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export const formatGithub: Formatter = (report) => {
  const shown: Record<Level, number> = { error: 0, warning: 0, notice: 0 };
  const left: Record<Level, number> = { error: 0, warning: 0, notice: 0 };
  let out = '';
  let overflow = '';
  for (const file of report.files) {
    for (const d of file.diagnostics) {
      const level = LEVEL[d.severity];
      if (shown[level] >= GITHUB_ANNOTATION_LIMIT) {
        left[level]++;
        overflow += `${formatLocation(file.path, d)}: ${d.severity}: ${d.message} [${d.code}]\n`;
        continue;
      }
      shown[level]++;
      const props = [
        `file=${escapeProperty(file.path)}`,
        `line=${d.line + 1}`,
        `col=${d.start + 1}`,
        `endLine=${(d.endLine ?? d.line) + 1}`,
        `endColumn=${d.end + 1}`,
        `title=${escapeProperty(d.code)}`,
      ];
      out += `::${level} ${props.join(',')}::${escapeData(`${d.message} [${d.code}]`)}\n`;
    }
  }
  for (const e of report.inputErrors ?? []) out += `::error title=iptlint::${escapeData(`${e.path}: ${e.message}`)}\n`;
  const parts = (['error', 'warning', 'notice'] as const).filter((l) => left[l] > 0).map((l) => `${left[l]} ${l}${left[l] === 1 ? '' : 's'}`);
  if (parts.length > 0) {
    out += overflow;
    out += `iptlint: ${parts.join(', ')} not shown as annotations (GitHub shows at most ${GITHUB_ANNOTATION_LIMIT} per level in a step); they are listed above\n`;
  }
  return out;
};
