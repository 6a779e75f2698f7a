/**
 * A client nobody here wrote: Neovim, headless, with the server attached
 * through its built-in LSP client. Debian's 0.7.2 is the target (start_client
 * rather than vim.lsp.start). Installed with apt-get when missing and running
 * as root; skipped, saying why, when it cannot be had.
 */
import { spawnSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { lint } from '../../src/lint.js';
import { serverBundle } from './harness.js';

function haveNeovim(): boolean {
  return spawnSync('nvim', ['--version'], { stdio: 'ignore' }).status === 0;
}

function ensureNeovim(): string | undefined {
  if (haveNeovim()) return undefined;
  if (process.getuid?.() !== 0) return 'nvim is not installed and installing it needs root';
  const install = spawnSync('apt-get', ['install', '-y', 'neovim'], { stdio: 'ignore', timeout: 300_000, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (install.status !== 0 || !haveNeovim()) return `nvim is not installed and 'apt-get install -y neovim' failed (status ${install.status ?? install.signal})`;
  return undefined;
}

const missing = ensureNeovim();
if (missing) console.warn(`skipping the Neovim test: ${missing}`);

const BROKEN = [
  '*filter',
  ':INPUT DROP [0:0]',
  '-A INPUT -m conntrack --ctstate ESTABLISHED -j ACCEPT',
  '-A INPUT -p tcp --dport 22 --dport 23 -j ACCEPT',
  '-A INPUT -j NOWHERE',
  '-A INPUT -m state --state NEW --dport 80 -j ACCEPT',
  'COMMIT',
  '',
].join('\n');

const dir = mkdtempSync(join(tmpdir(), 'iptlint-nvim-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!!missing)('Neovim', () => {
  test('shows iptlint diagnostics for a broken rules.v4', async () => {
    const file = join(dir, 'rules.v4');
    const out = join(dir, 'diagnostics.json');
    writeFileSync(file, BROKEN);
    const script = fileURLToPath(new URL('./neovim.lua', import.meta.url));
    const env = { ...process.env, IPTLINT_SERVER: await serverBundle(), IPTLINT_FILE: file, IPTLINT_OUT: out, IPTLINT_NODE: process.execPath, HOME: dir, XDG_STATE_HOME: dir, XDG_DATA_HOME: dir };
    const nvim = spawn('nvim', ['--headless', '--clean', '-n', '-i', 'NONE', '-c', `luafile ${script}`], { env, stdio: 'ignore' });
    const status = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => nvim.kill('SIGKILL'), 60_000);
      nvim.on('exit', (code) => {
        clearTimeout(timer);
        resolve(code);
      });
    });
    expect(status).toBe(0);
    const seen = JSON.parse(readFileSync(out, 'utf8')) as { ok: boolean; errors: string[]; diagnostics: Record<string, unknown>[] };
    expect(seen.ok).toBe(true);
    expect(seen.errors).toEqual([]);

    // Neovim must show exactly what the core reports, converted to its 0-based, severity-numbered form.
    const severity = { error: 1, warning: 2, info: 3, hint: 4 } as const;
    const expected = lint(BROKEN, { fileName: 'rules.v4' }).diagnostics.map((d) => ({
      lnum: d.line,
      col: d.start,
      end_lnum: d.endLine ?? d.line,
      end_col: d.end,
      severity: severity[d.severity],
      code: d.code,
      source: 'iptlint',
      message: d.message,
    }));
    const byPosition = (a: Record<string, unknown>, b: Record<string, unknown>) => (a.lnum as number) - (b.lnum as number) || (a.col as number) - (b.col as number);
    expect(seen.diagnostics.sort(byPosition)).toEqual(expected.sort(byPosition));
    // And the findings a reader expects from this file are among them, where they belong.
    const codes = seen.diagnostics.map((d) => `${d.code}@${d.lnum}:${d.col}`);
    expect(codes).toEqual(
      expect.arrayContaining([`IPT203@3:${BROKEN.split('\n')[3].lastIndexOf('--dport')}`, `IPT304@4:12`, `IPT113@5:${BROKEN.split('\n')[5].indexOf('--dport')}`]),
    );
  }, 90_000);
});
