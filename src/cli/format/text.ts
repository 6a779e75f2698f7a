/**
 * The default output: `path:line:col: severity: message [CODE]`, the line the
 * way compilers print it, with a caret underline; colour only when asked.
 */
import type { LineTexts } from '../../../grammar/document.js';
import type { Diagnostic, Severity } from '../../diagnostics.js';
import type { FormatOptions, Formatter, Report } from './types.js';

const COLORS: Record<Severity, string> = { error: '\x1b[1;31m', warning: '\x1b[1;33m', info: '\x1b[1;36m', hint: '\x1b[1;32m' };
const BOLD = '\x1b[1m';
const DIM = '\x1b[2m';
const RESET = '\x1b[0m';

/** Tabs become one space so the caret line stays under the right characters. */
function visible(text: string): string {
  return text.replace(/[\t\r\0]/g, ' ');
}

function excerpt(d: Diagnostic, lines: LineTexts, options: FormatOptions): string {
  const text = lines.at(d.line);
  if (text === undefined) return '';
  const gutter = String(d.line + 1);
  const pad = ' '.repeat(gutter.length);
  const maxShown = 200;
  let shown = visible(text);
  let start = d.start;
  let end = d.endLine !== undefined && d.endLine !== d.line ? text.length : Math.max(d.end, d.start + 1);
  // Keep long lines readable: show a window around the finding.
  if (shown.length > maxShown) {
    const from = Math.max(0, Math.min(start - 40, shown.length - maxShown));
    shown = (from > 0 ? '…' : '') + shown.slice(from, from + maxShown) + (from + maxShown < text.length ? '…' : '');
    const shift = from > 0 ? from - 1 : 0;
    start -= shift;
    end = Math.min(end - shift, shown.length);
  }
  const caret = ' '.repeat(Math.max(0, start)) + '^'.repeat(Math.max(1, Math.min(end, shown.length + 1) - start));
  const c = options.color ? COLORS[d.severity] : '';
  const r = options.color ? RESET : '';
  const dim = options.color ? DIM : '';
  return `${dim}${gutter} |${r} ${shown}\n${dim}${pad} |${r} ${c}${caret}${r}\n`;
}

export function formatLocation(path: string, d: Diagnostic): string {
  return `${path}:${d.line + 1}:${d.start + 1}`;
}

export const formatText: Formatter = (report: Report, options: FormatOptions) => {
  let out = '';
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const file of report.files) {
    for (const d of file.diagnostics) {
      counts[d.severity]++;
      const c = options.color ? COLORS[d.severity] : '';
      const b = options.color ? BOLD : '';
      const r = options.color ? RESET : '';
      out += `${b}${formatLocation(file.path, d)}:${r} ${c}${d.severity}:${r} ${d.message} [${d.code}]\n`;
      if (!options.concise) out += excerpt(d, file.lines, options);
    }
  }
  return out;
};

export function summaryLine(report: Report): string {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const file of report.files) for (const d of file.diagnostics) counts[d.severity]++;
  const parts = (['error', 'warning', 'info', 'hint'] as const)
    .filter((s) => counts[s] > 0)
    .map((s) => `${counts[s]} ${s === 'info' || s === 'hint' ? s : s + (counts[s] === 1 ? '' : 's')}`);
  const files = `${report.files.length} file${report.files.length === 1 ? '' : 's'}`;
  return parts.length ? `${parts.join(', ')} in ${files}` : `no problems in ${files}`;
}
