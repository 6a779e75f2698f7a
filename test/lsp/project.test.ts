/** The project's .iptlintrc.json applies in the editor as it does on the command line; settings win over it; trust gates its paths. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol';
import { fileUri, startSession, type Session } from './harness.js';

const dir = mkdtempSync(join(tmpdir(), 'iptlint-lsp-project-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const original = readFileSync(new URL('../fixtures/kernels/config-6.12.117+deb12-amd64', import.meta.url), 'utf8');
mkdirSync(join(dir, 'kernel'));
writeFileSync(join(dir, 'kernel/config-6.12.117+deb12-amd64'), original.replace(/^CONFIG_NETFILTER_XT_MATCH_STRING=m$/m, '# CONFIG_NETFILTER_XT_MATCH_STRING is not set'));
const CONFIG = { checks: { IPT304: 'warning', 'unknown-option': 'off' }, backend: 'legacy', kernel: { config: 'kernel/config-6.12.117+deb12-amd64' } };
writeFileSync(join(dir, '.iptlintrc.json'), JSON.stringify(CONFIG));
mkdirSync(join(dir, 'hosts/web'), { recursive: true });
const file = join(dir, 'hosts/web/rules.v4');
const uri = fileUri(file);
const TEXT = ['*filter', ':INPUT ACCEPT [0:0]', '-A INPUT -m state --state NEW --dport 80 -j ACCEPT', '-A INPUT -j NOPE', '-A INPUT -p tcp -m string --algo bm --string foo -j DROP', 'COMMIT', ''].join('\n');
writeFileSync(file, TEXT);

const summary = async (s: Session) => (await s.diagnosticsFor(uri)).diagnostics.map((d) => [d.code, d.severity, d.range.start.line]);

describe('.iptlintrc.json', () => {
  test('the nearest config above the document sets severities, backend and the kernel to check against', async () => {
    const session = await startSession({ settings: { debounceMs: 50 }, rootDir: dir });
    try {
      await session.open(uri, TEXT);
      // IPT113 is off, IPT304 a warning, and the config's kernel lacks xt_string.
      expect(await summary(session)).toEqual([
        ['IPT304', DiagnosticSeverity.Warning, 3],
        ['IPT401', DiagnosticSeverity.Error, 4],
      ]);
    } finally {
      await session.stop();
    }
  });

  test('editor settings that are set win over the config', async () => {
    const session = await startSession({ settings: { debounceMs: 50, severity: { IPT304: 'error' } }, rootDir: dir });
    try {
      await session.open(uri, TEXT);
      expect(await summary(session)).toEqual([
        ['IPT304', DiagnosticSeverity.Error, 3],
        ['IPT401', DiagnosticSeverity.Error, 4],
      ]);
    } finally {
      await session.stop();
    }
  });

  test('in an untrusted workspace the files the config names are not read, until trust is granted', async () => {
    const session = await startSession({ settings: { debounceMs: 50 }, rootDir: dir, initializationOptions: { trusted: false } });
    try {
      await session.open(uri, TEXT);
      expect(await summary(session)).toEqual([['IPT304', DiagnosticSeverity.Warning, 3]]);
      await session.waitFor(() => session.messages.find((m) => m.message.includes('kernel inputs and ipsets are not read in an untrusted workspace')), 'the untrusted note');
      const before = session.published.length;
      await session.connection.sendNotification('iptlint/workspaceTrusted');
      const next = await session.waitFor(() => session.published.slice(before).findLast((p) => p.uri === uri), 'diagnostics after trust');
      expect(next.diagnostics.map((d) => d.code)).toEqual(['IPT304', 'IPT401']);
    } finally {
      await session.stop();
    }
  });

  test('editing the config re-lints with it', async () => {
    const session = await startSession({ settings: { debounceMs: 50 }, rootDir: dir });
    try {
      await session.open(uri, TEXT);
      expect((await session.diagnosticsFor(uri)).diagnostics.map((d) => d.code)).toEqual(['IPT304', 'IPT401']);
      const before = session.published.length;
      writeFileSync(join(dir, '.iptlintrc.json'), JSON.stringify({ ...CONFIG, checks: { IPT304: 'off' }, kernel: { enabled: false } }));
      const next = await session.waitFor(() => session.published.slice(before).findLast((p) => p.uri === uri), 'diagnostics after the config changed');
      expect(next.diagnostics.map((d) => d.code)).toEqual(['IPT113']);
    } finally {
      writeFileSync(join(dir, '.iptlintrc.json'), JSON.stringify(CONFIG));
      await session.stop();
    }
  });

  test('an invalid config is reported, not thrown, and linting goes on without it', async () => {
    const other = mkdtempSync(join(tmpdir(), 'iptlint-lsp-badconfig-'));
    try {
      writeFileSync(join(other, '.iptlintrc.json'), '{"checks": {"IPT9999": "off"}}');
      const session = await startSession({ settings: { debounceMs: 50 }, rootDir: other });
      try {
        const badUri = fileUri(join(other, 'rules.v4'));
        await session.open(badUri, TEXT);
        expect((await session.diagnosticsFor(badUri)).diagnostics.map((d) => d.code)).toEqual(['IPT113', 'IPT304']);
        await session.waitFor(() => session.messages.find((m) => m.message.includes('.iptlintrc.json: invalid configuration') && m.message.includes("'checks.IPT9999'")), 'the config problem');
      } finally {
        await session.stop();
      }
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
});
