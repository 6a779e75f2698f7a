/** Diagnostics over the protocol: contents, exact ranges, debouncing, incremental re-parsing and settings. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver-protocol';
import { lint } from '../../src/lint.js';
import { startSession, fileUri, type Session } from './harness.js';

const DOCS = 'https://github.com/iptlint/iptlint/blob/main/docs/checks/';

const TEXT = [
  '*filter',
  ':INPUT ACCEPT [0:0]',
  ':LOGDROP - [0:0]',
  ':LOGDROP - [0:0]',
  '-A INPUT -m state --state NEW --dport 22 -j ACCEPT',
  '-A INPUT -j NOPE',
  '-A INPUT -p tcp --dport 80 --dport 81 -j LOGDROP',
  '# iptlint disable-next-line IPT113 -- nothing to silence here',
  '-A LOGDROP -j DROP',
  'COMMIT',
  '',
].join('\n');
const LINES = TEXT.split('\n');

/** The range of the n-th occurrence of `token` on a line, computed from the text so the expectation is readable. */
function at(line: number, token: string, nth = 0) {
  let from = -1;
  for (let i = 0; i <= nth; i++) from = LINES[line].indexOf(token, from + 1);
  if (from < 0) throw new Error(`${token} not on line ${line}`);
  return { start: { line, character: from }, end: { line, character: from + token.length } };
}

let session: Session;
beforeAll(async () => {
  session = await startSession({ settings: { debounceMs: 100, backend: 'legacy' } });
});
afterAll(async () => {
  await session?.stop();
});

describe('publishDiagnostics', () => {
  const uri = fileUri('/tmp/iptlint-lsp/open/rules.v4');

  test('on open: every finding with code, documentation link, source, exact range, evidence, tags and fixes', async () => {
    await session.open(uri, TEXT);
    const { diagnostics, version } = await session.diagnosticsFor(uri);
    expect(version).toBe(1);
    expect(diagnostics).toEqual([
      {
        range: at(3, 'LOGDROP'),
        severity: DiagnosticSeverity.Error,
        code: 'IPT106',
        codeDescription: { href: `${DOCS}IPT106.md` },
        source: 'iptlint',
        message: expect.stringContaining('chain `LOGDROP` declared twice (first on line 3)'),
        relatedInformation: [{ message: 'first declared here', location: { uri, range: { start: { line: 2, character: 0 }, end: { line: 2, character: LINES[2].length } } } }],
      },
      {
        range: at(4, '--dport'),
        severity: DiagnosticSeverity.Error,
        code: 'IPT113',
        codeDescription: { href: `${DOCS}IPT113.md` },
        source: 'iptlint',
        message: 'unknown option `--dport` (loaded: state)',
      },
      {
        range: at(5, 'NOPE'),
        severity: DiagnosticSeverity.Error,
        code: 'IPT304',
        codeDescription: { href: `${DOCS}IPT304.md` },
        source: 'iptlint',
        message: expect.stringContaining('-j NOPE: no chain of that name in table filter'),
        data: { fixes: [{ title: 'Declare chain NOPE', edits: [{ line: 1, start: 0, end: 0, newText: ':NOPE - [0:0]\n' }] }] },
      },
      {
        range: at(6, '--dport', 1),
        severity: DiagnosticSeverity.Error,
        code: 'IPT203',
        codeDescription: { href: `${DOCS}IPT203.md` },
        source: 'iptlint',
        message: expect.stringContaining('--dport given twice'),
        data: { fixes: [{ title: 'Remove the repeated --dport', edits: [{ line: 6, start: 27, end: 37, newText: '' }] }] },
      },
      {
        range: at(7, 'IPT113'),
        severity: DiagnosticSeverity.Warning,
        code: 'IPT901',
        codeDescription: { href: `${DOCS}IPT901.md` },
        source: 'iptlint',
        message: 'suppression of IPT113 is unused: IPT113 reports nothing on line 9',
        tags: [DiagnosticTag.Unnecessary],
      },
    ]);
  });

  test('edits faster than the debounce are linted once, at the last version', async () => {
    const before = session.published.length;
    // Fix line 5 one character at a time: NOPE → LOGDROP, in several quick edits.
    const line = 5;
    const start = LINES[line].indexOf('NOPE');
    await session.change(uri, [{ range: { start: { line, character: start }, end: { line, character: start + 4 } }, text: '' }]);
    for (const [i, ch] of [...'LOGDROP'].entries()) {
      await session.change(uri, [{ range: { start: { line, character: start + i }, end: { line, character: start + i } }, text: ch }]);
    }
    const last = session.version(uri)!;
    expect(last).toBe(9);
    const { diagnostics } = await session.diagnosticsFor(uri, last);
    const forThisUri = session.published.slice(before).filter((p) => p.uri === uri);
    expect(forThisUri.map((p) => p.version)).toEqual([last]);
    expect(diagnostics.map((d) => d.code)).toEqual(['IPT106', 'IPT113', 'IPT203', 'IPT901']);
  });

  test('closing a document clears its diagnostics', async () => {
    await session.close(uri);
    const cleared = await session.waitFor(() => session.published.findLast((p) => p.uri === uri && p.version === undefined), 'cleared diagnostics');
    expect(cleared.diagnostics).toEqual([]);
  });
});

describe('incremental parsing', () => {
  test('a one-line edit in a large document re-parses that line only, and its diagnostic lands on it', async () => {
    const uri = fileUri('/tmp/iptlint-lsp/big/rules.v4');
    const rules = Array.from({ length: 3000 }, (_, i) => `-A INPUT -p tcp -s 10.0.${i >> 8}.${i & 255} --dport ${1000 + i} -j ACCEPT`);
    const text = ['*filter', ':INPUT ACCEPT [0:0]', ...rules, 'COMMIT', ''].join('\n');
    await session.open(uri, text);
    expect((await session.diagnosticsFor(uri)).diagnostics).toEqual([]);
    const opened = await session.connection.sendRequest<{ lines: number; parsed: number }>('iptlint/documentStats', { uri });
    expect(opened.lines).toBe(3003);

    // Line 1502 holds rule 1500: break its port.
    const line = 1502;
    const col = rules[1500].indexOf('2500');
    await session.change(uri, [{ range: { start: { line, character: col }, end: { line, character: col + 4 } }, text: '99999' }]);
    const { diagnostics } = await session.diagnosticsFor(uri);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0].range).toEqual({ start: { line, character: col }, end: { line, character: col + 5 } });
    const stats = await session.connection.sendRequest<{ lines: number; parsed: number; version: number }>('iptlint/documentStats', { uri });
    // A port is read by no whole-file check: only the edited line was re-checked.
    expect(stats).toMatchObject({ version: 2, lines: 3003, parsed: 1, mode: 'lines' });

    // A jump to a chain that does not exist is a whole-file matter: everything is checked again, and agrees with lint().
    const jumpAt = rules[10].indexOf('ACCEPT');
    await session.change(uri, [{ range: { start: { line: 12, character: jumpAt }, end: { line: 12, character: jumpAt + 6 } }, text: 'NOWHERE' }]);
    const after = await session.diagnosticsFor(uri);
    expect(after.diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([['IPT304', 12], ['IPT202', line]]);
    expect(await session.connection.sendRequest('iptlint/documentStats', { uri })).toMatchObject({ version: 3, parsed: 1, mode: 'full' });

    // Two edits in one notification, then a fix of the port: each result equals a fresh lint of the same text.
    await session.change(uri, [
      { range: { start: { line: 12, character: jumpAt }, end: { line: 12, character: jumpAt + 7 } }, text: 'DROP' },
      { range: { start: { line, character: col }, end: { line, character: col + 5 } }, text: '2500' },
    ]);
    expect((await session.diagnosticsFor(uri)).diagnostics).toEqual([]);
    await session.close(uri);
  });

  test('with a lone CR, where LSP and iptables count lines differently, edits still give what lint() gives', async () => {
    const uri = fileUri('/tmp/iptlint-lsp/cr/rules.v4');
    // LSP sees the CR in the comment as a line break; iptables-restore does not.
    const text = '*filter\n# one\rtwo\n-A INPUT -p tcp --dport 22 -j ACCEPT\nCOMMIT\n';
    await session.open(uri, text);
    expect((await session.diagnosticsFor(uri)).diagnostics).toEqual([]);
    // LSP line 3 is the rule: the port becomes invalid.
    await session.change(uri, [{ range: { start: { line: 3, character: 24 }, end: { line: 3, character: 26 } }, text: '99999' }]);
    const expected = lint(text.replace('--dport 22', '--dport 99999')).diagnostics.map((d) => d.code);
    expect((await session.diagnosticsFor(uri)).diagnostics.map((d) => d.code)).toEqual(expected);
    expect(expected).toEqual(['IPT202']);
    await session.close(uri);
  });
});

describe('settings', () => {
  test('per-check severity from workspace/configuration is applied on didChangeConfiguration', async () => {
    const uri = fileUri('/tmp/iptlint-lsp/settings/rules.v4');
    await session.open(uri, TEXT);
    expect((await session.diagnosticsFor(uri)).diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ['IPT106', DiagnosticSeverity.Error],
      ['IPT113', DiagnosticSeverity.Error],
      ['IPT304', DiagnosticSeverity.Error],
      ['IPT203', DiagnosticSeverity.Error],
      ['IPT901', DiagnosticSeverity.Warning],
    ]);
    const before = session.published.length;
    session.settings = { debounceMs: 100, backend: 'legacy', severity: { IPT304: 'warning', 'unknown-option': 'off', IPT999: 'error' } };
    await session.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const next = await session.waitFor(() => session.published.slice(before).findLast((p) => p.uri === uri), 'diagnostics after the settings change');
    // IPT113 off: its suppression comment is no longer reported as unused either.
    expect(next.diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ['IPT106', DiagnosticSeverity.Error],
      ['IPT304', DiagnosticSeverity.Warning],
      ['IPT203', DiagnosticSeverity.Error],
    ]);
    // The unknown code is reported to the user, not thrown.
    await session.waitFor(() => session.messages.find((m) => m.message.includes("'IPT999' is not an iptlint check")), 'a message about IPT999');
    session.settings = { debounceMs: 100, backend: 'legacy' };
    await session.close(uri);
  });

  test('a client without workspace/configuration passes settings as initialization options', async () => {
    const other = await startSessionWithInitOptions();
    try {
      const uri = fileUri('/tmp/iptlint-lsp/init/rules.v4');
      await other.open(uri, TEXT);
      expect((await other.diagnosticsFor(uri)).diagnostics.map((d) => d.code)).toEqual(['IPT106', 'IPT113', 'IPT203', 'IPT901']);
    } finally {
      await other.stop();
    }
  });
});

describe('entry points', () => {
  test('the built command (`iptlint lsp`, from its code cache launcher) runs the server, linting in its worker thread', async () => {
    const cli = await startSession({ built: 'dist/src/cli/bin.cjs', args: ['lsp', '--stdio'], settings: { debounceMs: 100 } });
    try {
      const uri = fileUri('/tmp/iptlint-lsp/built/rules.v4');
      await cli.open(uri, TEXT);
      expect((await cli.diagnosticsFor(uri)).diagnostics.map((d) => d.code)).toEqual(['IPT106', 'IPT113', 'IPT304', 'IPT203', 'IPT901']);
      expect(await cli.connection.sendRequest('iptlint/documentStats', { uri })).toMatchObject({ threaded: true });
    } finally {
      await cli.stop();
    }
    expect(cli.proc.exitCode).toBe(0);
  });

  test('`iptlint lsp` runs the same server over stdio', async () => {
    const cli = await startSession({ entry: 'src/cli/program.ts', args: ['lsp'], settings: { debounceMs: 100 } });
    try {
      const uri = fileUri('/tmp/iptlint-lsp/cli/rules.v4');
      await cli.open(uri, TEXT);
      expect((await cli.diagnosticsFor(uri)).diagnostics.map((d) => d.code)).toEqual(['IPT106', 'IPT113', 'IPT304', 'IPT203', 'IPT901']);
    } finally {
      await cli.stop();
    }
    // shutdown then exit: the process ends with status 0.
    expect(cli.proc.exitCode).toBe(0);
  });
});

async function startSessionWithInitOptions() {
  return startSession({ noConfiguration: true, initializationOptions: { iptlint: { severity: { IPT304: 'off' } } } });
}

describe('kernel evidence', () => {
  test('a module the configured kernel lacks: related information points at the config line, re-checked when the config changes', async () => {
    const { mkdtempSync, readFileSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { pathToFileURL } = await import('node:url');
    const dir = mkdtempSync(join(tmpdir(), 'iptlint-lsp-kernel-'));
    const original = readFileSync(new URL('../fixtures/kernels/config-6.12.117+deb12-amd64', import.meta.url), 'utf8');
    const config = join(dir, 'config-6.12.117+deb12-amd64');
    writeFileSync(config, original.replace(/^CONFIG_NETFILTER_XT_MATCH_STRING=m$/m, '# CONFIG_NETFILTER_XT_MATCH_STRING is not set'));
    const symbolLine = original.split('\n').indexOf('CONFIG_NETFILTER_XT_MATCH_STRING=m');
    // A relative path: resolved against the workspace folder.
    const kernel = await startSession({ settings: { debounceMs: 50, kernelConfig: 'config-6.12.117+deb12-amd64' }, rootDir: dir });
    try {
      const uri = fileUri(join(dir, 'rules.v4'));
      const rule = '-A INPUT -p tcp -m string --algo bm --string foo -j DROP';
      await kernel.open(uri, `*filter\n:INPUT ACCEPT [0:0]\n${rule}\nCOMMIT\n`);
      const { diagnostics } = await kernel.diagnosticsFor(uri);
      const missing = diagnostics.filter((d) => d.range.start.line === 2 && d.range.start.character === rule.indexOf('string'));
      expect(missing.map((d) => [d.code, d.severity])).toEqual([['IPT401', DiagnosticSeverity.Error]]);
      expect(missing[0].data).toEqual({ evidence: { kernel: '6.12.117+deb12-amd64', module: 'xt_string', config: 'CONFIG_NETFILTER_XT_MATCH_STRING' } });
      const evidence = missing.flatMap((d) => d.relatedInformation ?? []).find((r) => r.location.uri === pathToFileURL(config).href);
      expect(evidence, JSON.stringify(missing)).toBeDefined();
      expect(evidence!.location.range.start.line).toBe(symbolLine);
      expect(evidence!.message).toBe('# CONFIG_NETFILTER_XT_MATCH_STRING is not set');
      expect(missing[0].codeDescription?.href).toBe(`${DOCS}${missing[0].code}.md`);

      // Building it in: the watched config is re-read and the finding goes away.
      const before = kernel.published.length;
      writeFileSync(config, original.replace(/^CONFIG_NETFILTER_XT_MATCH_STRING=m$/m, 'CONFIG_NETFILTER_XT_MATCH_STRING=y'));
      const next = await kernel.waitFor(() => kernel.published.slice(before).findLast((p) => p.uri === uri), 'diagnostics after the config changed');
      expect(next.diagnostics.filter((d) => d.range.start.line === 2 && d.range.start.character === rule.indexOf('string'))).toEqual([]);
    } finally {
      await kernel.stop();
    }
  });
});
