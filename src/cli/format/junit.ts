/**
 * JUnit XML for CI test dashboards: one test suite per rules file, one failed
 * test case per finding at or above the failure threshold (below it, the
 * finding is a passing case with its text in system-out), and one passing case
 * for a clean file so every file shows up.
 */
import { SEVERITY_RANK, type Severity } from '../../diagnostics.js';
import { formatLocation } from './text.js';
import type { Formatter } from './types.js';
import { xmlEscape } from './xml.js';

export const formatJunit: Formatter = (report, options) => {
  const threshold: Severity = options.failureThreshold ?? 'error';
  let suites = '';
  let totalTests = 0;
  let totalFailures = 0;
  let totalErrors = 0;
  for (const file of report.files) {
    let cases = '';
    let failures = 0;
    const name = xmlEscape(file.path);
    for (const d of file.diagnostics) {
      const title = xmlEscape(`${d.code} ${file.path}:${d.line + 1}:${d.start + 1}`);
      const detail = xmlEscape(`${formatLocation(file.path, d)}: ${d.severity}: ${d.message} [${d.code}]`);
      if (SEVERITY_RANK[d.severity] >= SEVERITY_RANK[threshold]) {
        failures++;
        cases += `    <testcase classname="${name}" name="${title}">\n      <failure type="${xmlEscape(d.code)}" message="${xmlEscape(`${d.severity}: ${d.message}`)}">${detail}</failure>\n    </testcase>\n`;
      } else {
        cases += `    <testcase classname="${name}" name="${title}">\n      <system-out>${detail}</system-out>\n    </testcase>\n`;
      }
    }
    const tests = Math.max(1, file.diagnostics.length);
    if (file.diagnostics.length === 0) cases += `    <testcase classname="${name}" name="${xmlEscape(`${file.path} has no problems`)}"/>\n`;
    totalTests += tests;
    totalFailures += failures;
    suites += `  <testsuite name="${name}" tests="${tests}" failures="${failures}" errors="0" skipped="0">\n${cases}  </testsuite>\n`;
  }
  for (const e of report.inputErrors ?? []) {
    totalTests++;
    totalErrors++;
    const name = xmlEscape(e.path);
    suites += `  <testsuite name="${name}" tests="1" failures="0" errors="1" skipped="0">\n    <testcase classname="${name}" name="${name} could not be read">\n      <error type="input" message="${xmlEscape(e.message)}"/>\n    </testcase>\n  </testsuite>\n`;
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="iptlint" tests="${totalTests}" failures="${totalFailures}" errors="${totalErrors}">\n${suites}</testsuites>\n`;
};
