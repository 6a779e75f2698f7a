/**
 * iptables-save output must lint clean. Varied rulesets (several tables, many
 * extensions, IPv4 and IPv6) are loaded by the real iptables-restore into a
 * throwaway namespace and saved again by the same backend, with and without
 * counters; lint() on what the binary printed must report nothing at all —
 * not even a hint — since that text is by construction what iptables writes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { lint } from '../../src/lint.js';
import { BACKENDS, firstLine, oracleUnavailable, restoreAndSave } from '../helpers/iptables.js';
import { describe as describeDiagnostics } from '../helpers/verdicts.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'oracle', 'save');
const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.rules')).sort();
const familyOf = (file: string) => (file.includes('-v6') ? 'ipv6' : 'ipv4') as 'ipv4' | 'ipv6';

const unavailable = oracleUnavailable();
if (unavailable) console.warn(`[oracle/save-roundtrip] skipped: ${unavailable}`);

describe('the fixtures themselves', () => {
  test('there are IPv4 and IPv6 fixtures', () => {
    expect(files.filter((f) => familyOf(f) === 'ipv4').length).toBeGreaterThan(0);
    expect(files.filter((f) => familyOf(f) === 'ipv6').length).toBeGreaterThan(0);
  });
  // Both backends load every fixture (checked below), so iptlint must not call any of it an error.
  test.each(files)('%s has no error', (file) => {
    const { diagnostics } = lint(readFileSync(join(FIXTURES, file), 'utf8'), { family: familyOf(file) });
    expect(describeDiagnostics(diagnostics.filter((d) => d.severity === 'error'))).toBe('no diagnostics');
  });
});

const cases = files.flatMap((file) => BACKENDS.flatMap((backend) => [false, true].map((counters) => ({ file, backend, counters }))));

describe.skipIf(unavailable)(`iptables-save output lints clean${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  test.each(cases)('$file via $backend (counters: $counters)', async ({ file, backend, counters }) => {
    const family = familyOf(file);
    const text = readFileSync(join(FIXTURES, file), 'utf8');
    const result = await restoreAndSave(text, { family, backend, saveArgs: counters ? ['-c'] : [] });
    expect(result.accepted, `${backend} iptables-restore refused the fixture: ${firstLine(result.stderr)}`).toBe(true);
    // Every rule of the fixture came back: guards against a save that silently lost a table.
    const ruleCount = (t: string) => t.split('\n').filter((l) => /^(\[\d+:\d+\] )?-A /.test(l)).length;
    expect(ruleCount(result.saved)).toBe(ruleCount(text));
    const { diagnostics } = lint(result.saved, { family, fileName: family === 'ipv6' ? 'rules.v6' : 'rules.v4' });
    const shown = diagnostics.map((d) => `${describeDiagnostics([d])}\n    ${result.saved.split('\n')[d.line]}`);
    expect(shown, `lint() on ${backend} iptables-save output of ${file}`).toEqual([]);
  }, 30_000);
});
