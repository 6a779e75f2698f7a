/**
 * The JSON report, a stable interface for other programs (documented in the
 * README): lines and columns 1-based, end exclusive; new fields may be added.
 */
import type { Formatter } from './types.js';

export const formatJson: Formatter = (report) => {
  const files = report.files.map((file) => ({
    path: file.path,
    family: file.family,
    diagnostics: file.diagnostics.map((d) => ({
      code: d.code,
      severity: d.severity,
      message: d.message,
      line: d.line + 1,
      column: d.start + 1,
      endLine: (d.endLine ?? d.line) + 1,
      endColumn: d.end + 1,
      ...(d.data ?? {}),
      ...(d.related ? { related: d.related.map((r) => ({ message: r.message, ...(r.file ? { file: r.file } : {}), ...(r.line !== undefined ? { line: r.line + 1 } : {}) })) } : {}),
    })),
  }));
  return JSON.stringify({ version: 1, tool: { name: 'iptlint', version: report.toolVersion }, files }, null, 2) + '\n';
};
