/** Hover, symbols, definition, references, rename, highlight and folding over the protocol, with exact ranges. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DocumentHighlightKind, ErrorCodes, SymbolKind, type DocumentSymbol, type Hover, type Location } from 'vscode-languageserver-protocol';
import { findMatch } from '../../src/catalog/index.js';
import { fileUri, startSession, type Session } from './harness.js';

const LINES = [
  '*filter', //                                                          0
  ':INPUT DROP [0:0]', //                                                1
  ':FORWARD DROP [0:0]', //                                              2
  ':OUTPUT ACCEPT [0:0]', //                                             3
  ':SSH - [0:0]', //                                                     4
  ':LOGDROP - [0:0]', //                                                 5
  '-A INPUT -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT', //    6
  '-A INPUT -p tcp --dport 22 -j SSH', //                                7
  '-A INPUT -j LOGDROP', //                                              8
  '-A SSH -s 192.0.2.0/24 -j ACCEPT', //                                 9
  '-A SSH -g LOGDROP', //                                                10
  '-A LOGDROP -j LOG --log-prefix "drop: " --log-level info', //        11
  '-A LOGDROP -j DROP', //                                               12
  'COMMIT', //                                                           13
  '*nat', //                                                             14
  ':PREROUTING ACCEPT [0:0]', //                                         15
  ':POSTROUTING ACCEPT [0:0]', //                                        16
  '-A POSTROUTING -o eth0 -j MASQUERADE', //                            17
  'COMMIT', //                                                           18
];
const TEXT = `${LINES.join('\n')}\n`;
const uri = fileUri('/tmp/iptlint-lsp/nav/rules.v4');

/** Range of the n-th `token` on `line`. */
function at(line: number, token: string, nth = 0) {
  let from = -1;
  for (let i = 0; i <= nth; i++) from = LINES[line].indexOf(token, from + 1);
  if (from < 0) throw new Error(`${token} not on line ${line}`);
  return { start: { line, character: from }, end: { line, character: from + token.length } };
}
/** A position inside the n-th `token` on `line`. */
const inside = (line: number, token: string, nth = 0) => ({ line, character: at(line, token, nth).start.character + 1 });
const whole = (line: number) => ({ start: { line, character: 0 }, end: { line, character: LINES[line].length } });

let session: Session;
beforeAll(async () => {
  session = await startSession({ settings: { debounceMs: 50 } });
  await session.open(uri, TEXT);
  // The ruleset is clean: every feature below works on a document the linter accepts.
  expect((await session.diagnosticsFor(uri)).diagnostics).toEqual([]);
});
afterAll(async () => {
  await session?.stop();
});

const request = <R>(method: string, params: object) => session.connection.sendRequest<R>(method, params);
const hoverAt = (position: { line: number; character: number }) => request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
const markdown = (h: Hover | null) => (h?.contents as { kind: string; value: string }).value;

describe('hover', () => {
  test('on a match: what it does, where it is allowed, its kernel module and CONFIG symbol', async () => {
    const h = await hoverAt(inside(6, 'conntrack'));
    expect(h?.range).toEqual(at(6, 'conntrack'));
    const text = markdown(h);
    expect(text.split('\n\n')[0]).toBe('**-m conntrack** (match)');
    expect(text).toContain(findMatch('conntrack', 'ipv4')!.summary);
    expect(text).toContain('Families: IPv4, IPv6');
    expect(text).toContain('`--ctstate`');
    expect(text).toContain('Kernel module `xt_conntrack`, `CONFIG_NETFILTER_XT_MATCH_CONNTRACK` (from the 6.12.117+deb12-amd64 reference kernel).');
  });

  test('on a target limited to some tables and chains', async () => {
    const text = markdown(await hoverAt(inside(17, 'MASQUERADE')));
    expect(text).toContain('**-j MASQUERADE** (target)');
    expect(text).toContain('tables: nat; chains: POSTROUTING');
  });

  test('on an option and on its value: meaning, accepted values, negation', async () => {
    const onOption = await hoverAt(inside(6, '--ctstate'));
    expect(onOption?.range).toEqual(at(6, '--ctstate'));
    const text = markdown(onOption);
    expect(text).toContain('**--ctstate** (-m conntrack)');
    expect(text).toContain('Value: `state[,state...]`. Accepted, comma-separated: `INVALID`, `NEW`, `ESTABLISHED`, `RELATED`, `UNTRACKED`, `SNAT`, `DNAT`');
    expect(text).toContain('May be negated with `!`.');
    const onValue = await hoverAt(inside(6, 'ESTABLISHED,RELATED'));
    expect(onValue?.range).toEqual(at(6, 'ESTABLISHED,RELATED'));
    expect(markdown(onValue)).toBe(text);
    const level = markdown(await hoverAt(inside(11, '--log-level')));
    expect(level).toContain('`emerg`, `alert`, `crit`, `error`, `warning`, `notice`, `info`, `debug`, `panic`');
  });

  test('on a chain: declaration, rules and jumps', async () => {
    const ssh = await hoverAt(inside(7, 'SSH'));
    expect(ssh?.range).toEqual(at(7, 'SSH'));
    expect(markdown(ssh)).toBe('**SSH**: user chain in table `filter`\n\nDeclared on line 5. 2 rules.\n\n1 rule jumps to it (1 with -j).');
    expect(markdown(await hoverAt(inside(5, 'LOGDROP')))).toBe(
      '**LOGDROP**: user chain in table `filter`\n\nDeclared on line 6. 2 rules.\n\n2 rules jump to it (1 with -j, 1 with -g).',
    );
    expect(markdown(await hoverAt(inside(6, 'INPUT')))).toBe('**INPUT**: built-in chain of table `filter`\n\nDeclared on line 2, policy DROP. 3 rules.\n\nNo rule jumps to it.');
  });

  test('nothing to say between tokens', async () => {
    expect(await hoverAt({ line: 6, character: LINES[6].indexOf(' -j') })).toBeNull();
  });
});

describe('hover with a configured kernel', () => {
  test('says whether the kernel has the module, with the config line as evidence, and follows edits of the config', async () => {
    const { mkdtempSync, readFileSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'iptlint-lsp-hover-'));
    const original = readFileSync(new URL('../fixtures/kernels/config-6.12.117+deb12-amd64', import.meta.url), 'utf8');
    const config = join(dir, 'config-6.12.117+deb12-amd64');
    writeFileSync(config, original.replace(/^CONFIG_NETFILTER_XT_MATCH_STRING=m$/m, '# CONFIG_NETFILTER_XT_MATCH_STRING is not set'));
    const symbolLine = original.split('\n').findIndex((l) => l === 'CONFIG_NETFILTER_XT_MATCH_STRING=m');
    const other = await startSession({ settings: { kernelConfig: config }, rootDir: dir });
    try {
      const kuri = fileUri(join(dir, 'rules.v4'));
      const line = '-A INPUT -p tcp -m string --algo bm --string foo -m conntrack --ctstate NEW -j DROP';
      await other.open(kuri, `*filter\n:INPUT ACCEPT [0:0]\n${line}\nCOMMIT\n`);
      await other.diagnosticsFor(kuri);
      const hoverOn = async (token: string) => {
        const h = await other.connection.sendRequest<Hover>('textDocument/hover', { textDocument: { uri: kuri }, position: { line: 2, character: line.indexOf(token) + 1 } });
        return (h.contents as { value: string }).value;
      };
      expect(await hoverOn('string')).toContain(
        `Kernel module \`xt_string\`, \`CONFIG_NETFILTER_XT_MATCH_STRING\`: **not built**: CONFIG_NETFILTER_XT_MATCH_STRING is not set in ${config} (line ${symbolLine + 1}) on 6.12.117+deb12-amd64.`,
      );
      expect(await hoverOn('conntrack')).toContain('Kernel module `xt_conntrack`, `CONFIG_NETFILTER_XT_MATCH_CONNTRACK`: available as a module on 6.12.117+deb12-amd64.');

      // The config file is watched: building the module into the kernel shows up without a restart.
      writeFileSync(config, original.replace(/^CONFIG_NETFILTER_XT_MATCH_STRING=m$/m, 'CONFIG_NETFILTER_XT_MATCH_STRING=y'));
      const deadline = Date.now() + 10_000;
      let text = await hoverOn('string');
      while (!text.includes(': built in') && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50));
        text = await hoverOn('string');
      }
      expect(text).toContain(`Kernel module \`xt_string\`, \`CONFIG_NETFILTER_XT_MATCH_STRING\`: built in (${config}) on 6.12.117+deb12-amd64.`);
    } finally {
      await other.stop();
    }
  });
});

describe('document symbols', () => {
  test('tables with their declared chains', async () => {
    const symbols = await request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const chain = (line: number, name: string, kind: SymbolKind, detail: string) => ({ name, detail, kind, range: whole(line), selectionRange: at(line, name) });
    expect(symbols).toEqual([
      {
        name: '*filter',
        detail: '7 commands',
        kind: SymbolKind.Namespace,
        range: { start: { line: 0, character: 0 }, end: { line: 13, character: 6 } },
        selectionRange: at(0, '*filter'),
        children: [
          chain(1, 'INPUT', SymbolKind.Event, 'built-in, policy DROP; 3 rules'),
          chain(2, 'FORWARD', SymbolKind.Event, 'built-in, policy DROP; 0 rules'),
          chain(3, 'OUTPUT', SymbolKind.Event, 'built-in, policy ACCEPT; 0 rules'),
          chain(4, 'SSH', SymbolKind.Function, 'user chain; 2 rules'),
          chain(5, 'LOGDROP', SymbolKind.Function, 'user chain; 2 rules'),
        ],
      },
      {
        name: '*nat',
        detail: '1 command',
        kind: SymbolKind.Namespace,
        range: { start: { line: 14, character: 0 }, end: { line: 18, character: 6 } },
        selectionRange: at(14, '*nat'),
        children: [chain(15, 'PREROUTING', SymbolKind.Event, 'built-in, policy ACCEPT; 0 rules'), chain(16, 'POSTROUTING', SymbolKind.Event, 'built-in, policy ACCEPT; 1 rule')],
      },
    ]);
  });
});

describe('definition, references, highlight', () => {
  test('go to definition of a jump target', async () => {
    expect(await request<Location>('textDocument/definition', { textDocument: { uri }, position: inside(7, 'SSH') })).toEqual({ uri, range: at(4, 'SSH') });
    expect(await request<Location>('textDocument/definition', { textDocument: { uri }, position: inside(10, 'LOGDROP') })).toEqual({ uri, range: at(5, 'LOGDROP') });
    // A target extension is not a chain.
    expect(await request('textDocument/definition', { textDocument: { uri }, position: inside(11, 'LOG', 1) })).toBeNull();
  });

  test('references of a chain: declaration, jumps, gotos and the rules appended to it', async () => {
    const all = await request<Location[]>('textDocument/references', { textDocument: { uri }, position: inside(8, 'LOGDROP'), context: { includeDeclaration: true } });
    expect(all).toEqual([at(5, 'LOGDROP'), at(8, 'LOGDROP'), at(10, 'LOGDROP'), at(11, 'LOGDROP'), at(12, 'LOGDROP')].map((range) => ({ uri, range })));
    const noDecl = await request<Location[]>('textDocument/references', { textDocument: { uri }, position: inside(8, 'LOGDROP'), context: { includeDeclaration: false } });
    expect(noDecl.map((l) => l.range.start.line)).toEqual([8, 10, 11, 12]);
  });

  test('document highlight marks the declaration as a write', async () => {
    expect(await request('textDocument/documentHighlight', { textDocument: { uri }, position: inside(4, 'SSH') })).toEqual([
      { range: at(4, 'SSH'), kind: DocumentHighlightKind.Write },
      { range: at(7, 'SSH'), kind: DocumentHighlightKind.Read },
      { range: at(9, 'SSH'), kind: DocumentHighlightKind.Read },
      { range: at(10, 'SSH'), kind: DocumentHighlightKind.Read },
    ]);
  });
});

describe('rename', () => {
  test('a user chain everywhere in its table', async () => {
    expect(await request('textDocument/prepareRename', { textDocument: { uri }, position: inside(7, 'SSH') })).toEqual({ range: at(7, 'SSH'), placeholder: 'SSH' });
    const edit = await request<{ changes: Record<string, unknown[]> }>('textDocument/rename', { textDocument: { uri }, position: inside(7, 'SSH'), newName: 'ADMIN' });
    expect(edit).toEqual({ changes: { [uri]: [4, 7, 9, 10].map((line) => ({ range: at(line, 'SSH'), newText: 'ADMIN' })) } });
  });

  test('refuses built-in chains, clashing names and names iptables rejects', async () => {
    await expect(request('textDocument/prepareRename', { textDocument: { uri }, position: inside(6, 'INPUT') })).rejects.toMatchObject({
      code: ErrorCodes.InvalidRequest,
      message: 'INPUT is a built-in chain of table filter and cannot be renamed.',
    });
    await expect(request('textDocument/rename', { textDocument: { uri }, position: inside(4, 'SSH'), newName: 'LOGDROP' })).rejects.toMatchObject({
      code: ErrorCodes.InvalidParams,
      message: 'Table filter already has a chain LOGDROP.',
    });
    await expect(request('textDocument/rename', { textDocument: { uri }, position: inside(4, 'SSH'), newName: 'LOG' })).rejects.toMatchObject({
      message: 'chain name `LOG` clashes with the target of the same name',
    });
    await expect(request('textDocument/rename', { textDocument: { uri }, position: inside(4, 'SSH'), newName: 'A'.repeat(29) })).rejects.toMatchObject({
      message: expect.stringContaining('iptables allows at most 28'),
    });
  });
});

describe('folding', () => {
  test('one range per table, and comment blocks', async () => {
    expect(await request('textDocument/foldingRange', { textDocument: { uri } })).toEqual([
      { startLine: 0, endLine: 13, kind: 'region' },
      { startLine: 14, endLine: 18, kind: 'region' },
    ]);
    const commented = fileUri('/tmp/iptlint-lsp/nav/commented.rules');
    await session.open(commented, '# Firewall for host a\n# managed by hand\n*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -j ACCEPT\n');
    expect(await request('textDocument/foldingRange', { textDocument: { uri: commented } })).toEqual([
      { startLine: 0, endLine: 1, kind: 'comment' },
      // No COMMIT: the table runs to the last non-blank line.
      { startLine: 2, endLine: 4, kind: 'region' },
    ]);
    await session.close(commented);
  });
});

describe('robustness', () => {
  test('unknown methods, malformed params and unopened documents do not hurt the server', async () => {
    await expect(request('iptlint/noSuchMethod', {})).rejects.toMatchObject({ code: ErrorCodes.MethodNotFound });
    expect(await request('textDocument/hover', { textDocument: { uri }, position: { line: 'x', character: null } })).toBeNull();
    expect(await request('textDocument/hover', { textDocument: {}, position: { line: 0, character: 0 } })).toBeNull();
    expect(await request('textDocument/hover', { textDocument: { uri: fileUri('/nowhere/rules.v4') }, position: { line: 0, character: 0 } })).toBeNull();
    expect(await request('textDocument/completion', { textDocument: { uri }, position: { line: 500, character: 90 } })).toEqual([]);
    expect(await request('textDocument/codeAction', { textDocument: { uri }, range: null, context: null })).toEqual([]);
    // Still answering.
    expect(markdown(await hoverAt(inside(7, 'SSH')))).toContain('**SSH**');
    expect(session.proc.exitCode).toBeNull();
  });
});
