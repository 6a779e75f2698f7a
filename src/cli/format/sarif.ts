/**
 * SARIF 2.1.0, for GitHub code scanning and other SARIF consumers: every
 * documented check is a rule of the tool driver (so viewers can show its
 * documentation and default level), every finding a result with a physical
 * location. Columns are UTF-16 code units, SARIF's default column kind, which
 * is what JavaScript strings index; regions are 1-based, end column exclusive.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkDocUrl, checkMarkdown, documentedChecks } from '../../check-docs.js';
import type { Diagnostic, Severity } from '../../diagnostics.js';
import type { Formatter } from './types.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** Relative paths stay relative (code scanning resolves them against the checkout); absolute ones become file: URIs. */
export function artifactUri(p: string): string {
  if (path.isAbsolute(p)) return pathToFileURL(p).href;
  return p.split(path.sep).map((part) => encodeURIComponent(part)).join('/');
}

function region(d: Diagnostic) {
  const startLine = d.line + 1;
  const endLine = (d.endLine ?? d.line) + 1;
  const startColumn = d.start + 1;
  const endColumn = endLine === startLine ? Math.max(d.end + 1, startColumn) : d.end + 1;
  return { startLine, startColumn, endLine, endColumn };
}

export const formatSarif: Formatter = (report) => {
  const checks = documentedChecks();
  const ruleIndex = new Map(checks.map((c, i) => [c.code, i]));
  const rules = checks.map((c) => ({
    id: c.code,
    name: c.name,
    shortDescription: { text: c.summary },
    fullDescription: { text: c.description },
    helpUri: checkDocUrl(c.code),
    help: { text: `${c.fix}\n\nExample that triggers it:\n${c.bad}\n\nFixed:\n${c.good}`, markdown: checkMarkdown(c) },
    defaultConfiguration: { level: LEVEL[c.severity] },
    properties: { category: c.category, tags: ['iptables', c.category] },
  }));
  const artifacts: { location: { uri: string } }[] = [];
  const artifactIndex = new Map<string, number>();
  const results = [];
  for (const file of report.files) {
    const uri = artifactUri(file.path);
    if (!artifactIndex.has(uri)) {
      artifactIndex.set(uri, artifacts.length);
      artifacts.push({ location: { uri } });
    }
    for (const d of file.diagnostics) {
      const result: Record<string, unknown> = {
        ruleId: d.code,
        level: LEVEL[d.severity],
        message: { text: d.message },
        locations: [{ physicalLocation: { artifactLocation: { uri, index: artifactIndex.get(uri) }, region: region(d) } }],
      };
      const index = ruleIndex.get(d.code);
      if (index !== undefined) result.ruleIndex = index;
      const related = (d.related ?? []).filter((r) => r.line !== undefined);
      if (related.length > 0) {
        result.relatedLocations = related.map((r, i) => ({
          id: i,
          message: { text: r.message },
          physicalLocation: { artifactLocation: { uri: r.file ? artifactUri(r.file) : uri }, region: { startLine: (r.line ?? 0) + 1 } },
        }));
      }
      // Kernel findings carry the module, CONFIG symbol and kernel they are about.
      if (d.data && Object.keys(d.data).length > 0) result.properties = { ...d.data };
      results.push(result);
    }
  }
  const notifications = (report.inputErrors ?? []).map((e) => ({
    level: 'error',
    message: { text: `${e.path}: ${e.message}` },
    ...(e.path !== '-' ? { locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(e.path) } } }] } : {}),
  }));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'iptlint',
            semanticVersion: /^\d+\.\d+\.\d+/.test(report.toolVersion) ? report.toolVersion : undefined,
            version: report.toolVersion,
            informationUri: checkDocUrl('README').replace(/README\.md$/, ''),
            rules,
          },
        },
        invocations: [{ executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications }],
        artifacts,
        results,
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
};
