/**
 * Another client nobody here wrote: Emacs with eglot (Debian: emacs-nox and
 * elpa-eglot), in batch mode. Skipped, saying why, when they are not
 * installed; unlike Neovim it is not installed on the fly, being large.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { lint } from '../../src/lint.js';
import { serverBundle } from './harness.js';

function missingEmacs(): string | undefined {
  const probe = spawnSync('emacs', ['--batch', '--eval', "(require 'eglot)"], { stdio: 'ignore', timeout: 30_000 });
  if (probe.error) return 'emacs is not installed (apt-get install emacs-nox elpa-eglot)';
  if (probe.status !== 0) return 'eglot is not available to emacs (apt-get install elpa-eglot)';
  return undefined;
}

const missing = missingEmacs();
if (missing) console.warn(`skipping the Emacs test: ${missing}`);

const BROKEN = ['*filter', ':INPUT DROP [0:0]', '-A INPUT -p tcp --dport 22 --dport 23 -j ACCEPT', '-A INPUT -j NOWHERE', 'COMMIT', ''].join('\n');
const dir = mkdtempSync(join(tmpdir(), 'iptlint-emacs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!!missing)('Emacs eglot', () => {
  test('shows iptlint diagnostics for a broken rules.v4', async () => {
    const file = join(dir, 'rules.v4');
    const out = join(dir, 'diagnostics.json');
    writeFileSync(file, BROKEN);
    const script = fileURLToPath(new URL('./eglot.el', import.meta.url));
    const env = { ...process.env, IPTLINT_NODE: process.execPath, IPTLINT_SERVER: await serverBundle(), IPTLINT_FILE: file, IPTLINT_OUT: out, HOME: dir };
    const emacs = spawn('emacs', ['--batch', '-l', script], { env, stdio: 'ignore' });
    const status = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => emacs.kill('SIGKILL'), 60_000);
      emacs.on('exit', (code) => {
        clearTimeout(timer);
        resolve(code);
      });
    });
    const seen = JSON.parse(readFileSync(out, 'utf8')) as { error?: string; diagnostics: { line: number; col: number; endCol: number; type: string; text: string }[] };
    expect(seen.error).toBeUndefined();
    expect(status).toBe(0);
    // eglot shows `source [code]: message` and maps LSP severities onto its own flymake types.
    const type = { error: 'eglot-error', warning: 'eglot-warning', info: 'eglot-note', hint: 'eglot-note' } as const;
    const expected = lint(BROKEN, { fileName: 'rules.v4' }).diagnostics.map((d) => ({
      line: d.line,
      col: d.start,
      endCol: d.end,
      type: type[d.severity],
      text: `iptlint [${d.code}]: ${d.message}`,
    }));
    expect(expected.map((d) => d.text.slice(0, 16))).toEqual(['iptlint [IPT203]', 'iptlint [IPT304]']);
    expect(seen.diagnostics).toEqual(expected);
  }, 90_000);
});
