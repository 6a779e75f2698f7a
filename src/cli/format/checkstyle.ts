/** Checkstyle XML, read by many CI dashboards and review tools (Jenkins warnings-ng, reviewdog, GitLab converters). */
import type { Severity } from '../../diagnostics.js';
import type { Formatter } from './types.js';
import { xmlEscape } from './xml.js';

const LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'info', hint: 'info' };

export const formatCheckstyle: Formatter = (report) => {
  let out = '<?xml version="1.0" encoding="UTF-8"?>\n<checkstyle version="4.3">\n';
  for (const file of report.files) {
    out += `  <file name="${xmlEscape(file.path)}">\n`;
    for (const d of file.diagnostics) {
      out += `    <error line="${d.line + 1}" column="${d.start + 1}" severity="${LEVEL[d.severity]}" message="${xmlEscape(d.message)}" source="iptlint.${xmlEscape(d.code)}"/>\n`;
    }
    out += '  </file>\n';
  }
  for (const e of report.inputErrors ?? []) {
    out += `  <file name="${xmlEscape(e.path)}">\n    <error severity="error" message="${xmlEscape(e.message)}" source="iptlint.input"/>\n  </file>\n`;
  }
  return out + '</checkstyle>\n';
};
