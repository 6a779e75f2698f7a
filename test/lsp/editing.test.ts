/** Completion and code actions over the protocol. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CodeAction, CompletionItem, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import { CONNTRACK_STATES, REJECT_TYPES_IPV4, REJECT_TYPES_IPV6 } from '../../src/catalog/values.js';
import { fileUri, startSession, type Session } from './harness.js';

let session: Session;
beforeAll(async () => {
  session = await startSession({ settings: { debounceMs: 50 } });
});
afterAll(async () => {
  await session?.stop();
});

const request = <R>(method: string, params: object) => session.connection.sendRequest<R>(method, params);

describe('completion', () => {
  const LINES = [
    '*filter', //                                                  0
    ':INPUT ACCEPT [0:0]', //                                      1
    ':SSH - [0:0]', //                                             2
    '-A INPUT -m conntrack --ctstate ESTABLISHED,REL', //          3
    '-A INPUT -j ', //                                             4
    '-A INPUT -p tcp --dport 22 --', //                            5
    '-A INPUT -m ', //                                             6
    '-A INPUT -j REJECT --reject-with ', //                        7
    '-A INPUT -j LOG --log-level ', //                             8
    '-A INPUT -g ', //                                             9
    '-A ', //                                                      10
    '-A INPUT -p ', //                                             11
    '-A INPUT -p tcp --tcp-flags SYN,ACK ', //                     12
    ':', //                                                        13
    'COMMIT', //                                                   14
    '*nat', //                                                     15
    ':POSTROUTING ACCEPT [0:0]', //                                16
    '-A POSTROUTING -j ', //                                       17
    '-A PREROUTING -j ', //                                        18
    'COMMIT', //                                                   19
    '', //                                                         20
  ];
  const uri = fileUri('/tmp/iptlint-lsp/complete/rules.v4');
  const v6 = fileUri('/tmp/iptlint-lsp/complete/rules.v6');

  beforeAll(async () => {
    await session.open(uri, LINES.join('\n'));
    await session.open(v6, '*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -j REJECT --reject-with \n-A INPUT -m \nCOMMIT\n');
  });

  /** Completion at the end of a line. */
  const completeAt = async (line: number, doc = uri, text = LINES[line]) =>
    (await request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: doc }, position: { line, character: text.length } })) ?? [];
  const labels = (items: CompletionItem[]) => items.map((i) => i.label);

  test('table names at the start of a line outside a table', async () => {
    const items = await completeAt(20, uri, '');
    expect(labels(items)).toEqual(['*filter', '*nat', '*mangle', '*raw', '*security']);
    expect(items[0].textEdit).toEqual({ range: { start: { line: 20, character: 0 }, end: { line: 20, character: 0 } }, newText: '*filter' });
  });

  test('built-in chains not declared yet after `:`', async () => {
    const items = await completeAt(13);
    expect(labels(items)).toEqual([':FORWARD', ':OUTPUT']);
    expect(items[0].textEdit).toEqual({ range: { start: { line: 13, character: 0 }, end: { line: 13, character: 1 } }, newText: ':FORWARD ACCEPT [0:0]' });
  });

  test('chains after -A, user chains after -g', async () => {
    expect(labels(await completeAt(10))).toEqual(['INPUT', 'FORWARD', 'OUTPUT', 'SSH']);
    expect(labels(await completeAt(9))).toEqual(['SSH']);
  });

  test('-j offers verdicts, the targets valid in this table and chain, and user chains', async () => {
    const filterInput = labels(await completeAt(4));
    expect(filterInput.slice(0, 4)).toEqual(['ACCEPT', 'DROP', 'RETURN', 'QUEUE']);
    expect(filterInput).toEqual(expect.arrayContaining(['LOG', 'REJECT', 'NFLOG', 'SSH']));
    // nat-only targets, and built-in chains, are not jump targets in filter INPUT.
    for (const absent of ['MASQUERADE', 'DNAT', 'SNAT', 'INPUT']) expect(filterInput).not.toContain(absent);

    const postrouting = labels(await completeAt(17));
    expect(postrouting).toEqual(expect.arrayContaining(['MASQUERADE', 'SNAT']));
    for (const absent of ['DNAT', 'REDIRECT', 'REJECT']) expect(postrouting).not.toContain(absent);
    const prerouting = labels(await completeAt(18));
    expect(prerouting).toEqual(expect.arrayContaining(['DNAT', 'REDIRECT']));
    expect(prerouting).not.toContain('MASQUERADE');
  });

  test('-m offers the matches of the family', async () => {
    const v4 = labels(await completeAt(6));
    expect(v4).toEqual(expect.arrayContaining(['conntrack', 'tcp', 'multiport', 'comment', 'icmp']));
    expect(v4).not.toContain('icmp6');
    const six = labels(await completeAt(3, v6, '-A INPUT -m '));
    expect(six).toEqual(expect.arrayContaining(['conntrack', 'icmp6']));
    expect(six).not.toContain('icmp');
  });

  test('options of the matches loaded on the line, without the ones already given', async () => {
    const items = await completeAt(5);
    const names = labels(items);
    expect(names).toEqual(expect.arrayContaining(['--sport', '--tcp-flags', '--syn', '--tcp-option', '-j', '-m']));
    expect(names).not.toContain('--dport');
    expect(names).not.toContain('--ctstate');
    const sport = items.find((i) => i.label === '--sport')!;
    expect(sport.detail).toBe('-m tcp port[:port]');
    const col = LINES[5].lastIndexOf('--');
    expect(sport.textEdit).toEqual({ range: { start: { line: 5, character: col }, end: { line: 5, character: col + 2 } }, newText: '--sport' });
  });

  test('enumerated values: conntrack states after a comma, reject types per family, log levels, protocols, TCP flags', async () => {
    const states = await completeAt(3);
    expect(labels(states)).toEqual(CONNTRACK_STATES.filter((s) => s !== 'ESTABLISHED'));
    const col = LINES[3].lastIndexOf('REL');
    expect(states.find((i) => i.label === 'RELATED')!.textEdit).toEqual({ range: { start: { line: 3, character: col }, end: { line: 3, character: col + 3 } }, newText: 'RELATED' });

    expect(labels(await completeAt(7))).toEqual(REJECT_TYPES_IPV4.map((r) => r.name));
    expect(labels(await completeAt(2, v6, '-A INPUT -j REJECT --reject-with '))).toEqual(REJECT_TYPES_IPV6.map((r) => r.name));
    const levels = await completeAt(8);
    expect(labels(levels)).toEqual(['emerg', 'alert', 'crit', 'error', 'warning', 'notice', 'info', 'debug', 'panic']);
    expect(levels.find((l) => l.label === 'panic')?.tags).toEqual([1]);
    expect(labels(await completeAt(11))).toEqual(expect.arrayContaining(['tcp', 'udp', 'icmp', 'all']));
    // --tcp-flags takes two lists; the second is completed too.
    expect(labels(await completeAt(12))).toEqual(['FIN', 'SYN', 'RST', 'PSH', 'ACK', 'URG', 'ALL', 'NONE']);
  });

  test('options and values the kernel refuses in the rule\'s built-in chain are not offered', async () => {
    const hooks = fileUri('/tmp/iptlint-lsp/complete/hooks.v4');
    const lines = ['*filter', '-A INPUT -m policy --dir ', '-A OUTPUT -m policy --dir ', '-A FORWARD -m policy --dir ', '-A OUTPUT -m addrtype --', '-A INPUT -m addrtype --', 'COMMIT', ''];
    await session.open(hooks, lines.join('\n'));
    const at = (line: number) => completeAt(line, hooks, lines[line]);
    expect(labels(await at(1))).toEqual(['in']);
    expect(labels(await at(2))).toEqual(['out']);
    expect(labels(await at(3))).toEqual(['in', 'out']);
    expect(labels(await at(4))).not.toContain('--limit-iface-in');
    expect(labels(await at(4))).toContain('--limit-iface-out');
    expect(labels(await at(5))).toEqual(expect.arrayContaining(['--limit-iface-in', '--src-type']));
    expect(labels(await at(5))).not.toContain('--limit-iface-out');
    // INPUT in the raw table is a user chain: nothing is left out.
    const raw = fileUri('/tmp/iptlint-lsp/complete/hooks-raw.v4');
    const rawLines = ['*raw', ':INPUT - [0:0]', '-A INPUT -m policy --dir ', 'COMMIT', ''];
    await session.open(raw, rawLines.join('\n'));
    expect(labels(await completeAt(2, raw, rawLines[2]))).toEqual(['in', 'out']);
  });
});

describe('code actions', () => {
  const LINES = [
    '*filter', //                                              0
    ':INPUT ACCEPT [0:0]', //                                  1
    '-A INPUT -j NOPE', //                                     2
    '-A INPUT -p tcp --dport 80 --dport 81 -j ACCEPT', //      3
    'COMMIT', //                                               4
  ];
  const uri = fileUri('/tmp/iptlint-lsp/actions/rules.v4');
  let diagnostics: Diagnostic[];

  beforeAll(async () => {
    await session.open(uri, `${LINES.join('\n')}\n`);
    diagnostics = (await session.diagnosticsFor(uri)).diagnostics;
    expect(diagnostics.map((d) => d.code)).toEqual(['IPT304', 'IPT203']);
  });

  const actionsFor = (diagnostic: Diagnostic) =>
    request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
  const insertAt = (line: number, newText: string): TextEdit => ({ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText });

  test('the diagnostic fix is the preferred quick fix; disabling for the line or the file follows', async () => {
    const actions = await actionsFor(diagnostics[0]);
    expect(actions.map((a) => [a.title, a.kind, a.isPreferred ?? false])).toEqual([
      ['Declare chain NOPE', 'quickfix', true],
      ['Disable IPT304 for this line', 'quickfix', false],
      ['Disable IPT304 for this file', 'quickfix', false],
    ]);
    expect(actions[0].edit).toEqual({ changes: { [uri]: [insertAt(1, ':NOPE - [0:0]\n')] } });
    expect(actions[1].edit).toEqual({ changes: { [uri]: [insertAt(2, '# iptlint disable-next-line IPT304 -- TODO: say why this is acceptable\n')] } });
    expect(actions[2].edit).toEqual({ changes: { [uri]: [insertAt(0, '# iptlint disable IPT304 -- TODO: say why this is acceptable\n')] } });
    expect(actions.every((a) => a.diagnostics?.[0].code === 'IPT304')).toBe(true);
  });

  test('a client that does not keep diagnostic data still gets the fix, found by code and range', async () => {
    const noData = await startSession({ settings: { debounceMs: 50 }, capabilities: { textDocument: { publishDiagnostics: { relatedInformation: true } } } });
    let actions: CodeAction[];
    try {
      await noData.open(uri, `${LINES.join('\n')}\n`);
      const published = (await noData.diagnosticsFor(uri)).diagnostics;
      const { data: _dropped, ...bare } = published[1];
      actions = await noData.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: bare.range, context: { diagnostics: [bare] } });
    } finally {
      await noData.stop();
    }
    expect(actions[0]).toMatchObject({
      title: 'Remove the repeated --dport',
      isPreferred: true,
      edit: { changes: { [uri]: [{ range: { start: { line: 3, character: 27 }, end: { line: 3, character: 37 } }, newText: '' }] } },
    });
  });

  test('applying the fixes and a suppression leaves a clean file; a second suppression joins the first comment', async () => {
    const apply = async (action: CodeAction) => {
      // Apply the edits bottom-up, as a client would, as incremental changes.
      const edits = [...action.edit!.changes![uri]].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character);
      await session.change(uri, edits.map((e) => ({ range: e.range, text: e.newText })));
      return (await session.diagnosticsFor(uri)).diagnostics;
    };
    // Silence IPT304 on its line: the comment goes above line 2.
    let now = await apply((await actionsFor(diagnostics[0]))[1]);
    expect(now.map((d) => [d.code, d.range.start.line])).toEqual([['IPT203', 4]]);
    // Give the suppressed rule (now line 3) a second finding: a trailing `-m` without a match name.
    now = await apply({ title: 'edit', edit: { changes: { [uri]: [{ range: { start: { line: 3, character: 12 }, end: { line: 3, character: 16 } }, newText: 'NOPE -m' }] } } });
    const unknown = now.find((d) => d.range.start.line === 3 && d.code !== 'IPT304');
    expect(unknown).toBeDefined();
    const forLine = (await actionsFor(unknown!)).find((a) => a.title === `Disable ${unknown!.code} for this line`)!;
    const comment = '# iptlint disable-next-line IPT304';
    expect(forLine.edit).toEqual({ changes: { [uri]: [{ range: { start: { line: 2, character: comment.length }, end: { line: 2, character: comment.length } }, newText: `,${unknown!.code}` }] } });
    now = await apply(forLine);
    expect(now.filter((d) => d.range.start.line === 3)).toEqual([]);
    // The remaining duplicate --dport has a fix; after it the file is clean.
    now = await apply((await actionsFor(now.find((d) => d.code === 'IPT203')!))[0]);
    expect(now).toEqual([]);
  });

  test('no quick fixes when the client asks for another kind only', async () => {
    expect(await request('textDocument/codeAction', { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics: [diagnostics[0]], only: ['source.organizeImports'] } })).toEqual([]);
  });
});

describe('requests on a large document while an edit waits for its lint', () => {
  test('completion, line-local hover, symbols, folding and code actions answer without re-linting the file; chain hovers use the full analysis', async () => {
    // A long debounce keeps the full analysis stale while the requests arrive.
    const slow = await startSession({ settings: { debounceMs: 5000 } });
    try {
      const uri = fileUri('/tmp/iptlint-lsp/quick/rules.v4');
      const rules = Array.from({ length: 2500 }, (_, i) => `-A INPUT -p tcp -s 10.1.${i >> 8}.${i & 255} --dport ${2000 + i} -j ACCEPT`);
      const lines = ['*filter', ':INPUT ACCEPT [0:0]', ':SCREEN - [0:0]', '-A SCREEN -j RETURN', ...rules, '-A INPUT -j SCREEN', 'COMMIT'];
      await slow.open(uri, `${lines.join('\n')}\n`);
      await slow.diagnosticsFor(uri);

      // Rewrite rule 1200 (line 1204) into one being typed.
      const line = 1204;
      const typed = '-A INPUT -m conntrack --ctstate NEW,';
      await slow.change(uri, [{ range: { start: { line, character: 0 }, end: { line, character: lines[line].length } }, text: typed }]);
      const items = await slow.connection.sendRequest<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line, character: typed.length } });
      expect(items.map((i) => i.label)).toEqual(CONNTRACK_STATES.filter((s) => s !== 'NEW'));
      expect(items[0].textEdit).toEqual({ range: { start: { line, character: typed.length }, end: { line, character: typed.length } }, newText: 'INVALID' });
      const chains = await slow.connection.sendRequest<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line, character: 3 } });
      expect(chains.map((i) => i.label)).toEqual(['INPUT', 'FORWARD', 'OUTPUT', 'SCREEN']);

      const onMatch = await slow.connection.sendRequest<{ contents: { value: string }; range: unknown }>('textDocument/hover', { textDocument: { uri }, position: { line, character: typed.indexOf('conntrack') + 2 } });
      expect(onMatch.contents.value).toContain('**-m conntrack** (match)');
      expect(onMatch.range).toEqual({ start: { line, character: typed.indexOf('conntrack') }, end: { line, character: typed.indexOf('conntrack') + 'conntrack'.length } });
      // Symbols, folding and code actions come from the parsed lines, as of the edit.
      const symbols = await slow.connection.sendRequest<{ name: string; detail: string; children: { name: string; detail: string }[] }[]>('textDocument/documentSymbol', { textDocument: { uri } });
      expect(symbols.map((t) => [t.name, t.detail, t.children.map((c) => `${c.name}: ${c.detail}`)])).toEqual([
        ['*filter', '2502 commands', ['INPUT: built-in, policy ACCEPT; 2501 rules', 'SCREEN: user chain; 1 rule']],
      ]);
      expect(await slow.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri } })).toEqual([{ startLine: 0, endLine: lines.length - 1, kind: 'region' }]);
      const range = { start: { line, character: 3 }, end: { line, character: 3 } };
      expect(await slow.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [] } })).toEqual([]);
      // Nothing so far needed the whole file: the last full analysis is still the one from opening.
      expect(await slow.connection.sendRequest('iptlint/documentStats', { uri })).toMatchObject({ version: 1, stale: true, requestsVersion: null, threaded: true });

      // A chain's jump count is about the whole table: that hover waits for the full analysis.
      const jumpLine = lines.length - 2;
      const onChain = await slow.connection.sendRequest<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: { line: jumpLine, character: lines[jumpLine].indexOf('SCREEN') + 1 } });
      expect(onChain.contents.value).toContain('1 rule jumps to it (1 with -j).');
      // The requests' own analysis is now at the edited version; the published lint still waits for its debounce.
      expect(await slow.connection.sendRequest('iptlint/documentStats', { uri })).toMatchObject({ version: 1, stale: true, requestsVersion: 2 });
    } finally {
      await slow.stop();
    }
  });
});

describe('linting in a worker thread', () => {
  test('requests are answered while a long lint runs, and its result is published after', async () => {
    const busy = await startSession({ settings: { debounceMs: 0 } });
    try {
      const uri = fileUri('/tmp/iptlint-lsp/worker/rules.v4');
      const rules = Array.from({ length: 20000 }, (_, i) => `-A INPUT -p tcp -s 10.${i >> 16}.${(i >> 8) & 255}.${i & 255} --dport ${1 + (i % 60000)} -m comment --comment "rule ${i}" -j ACCEPT`);
      const lines = ['*filter', ':INPUT ACCEPT [0:0]', ...rules, 'COMMIT'];
      await busy.open(uri, `${lines.join('\n')}\n`);
      await busy.diagnosticsFor(uri);

      const line = 10002;
      const typed = '-A INPUT -j LOG --log-level ';
      const order: string[] = [];
      const before = busy.published.length;
      await busy.change(uri, [{ range: { start: { line, character: 0 }, end: { line, character: lines[line].length } }, text: typed }]);
      const completion = busy.connection
        .sendRequest<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line, character: typed.length } })
        .then((items) => {
          order.push('completion');
          return items;
        });
      const diagnostics = busy.waitFor(() => busy.published.slice(before).find((p) => p.uri === uri && p.version === 2), 'diagnostics for v2').then((p) => {
        order.push('diagnostics');
        return p;
      });
      const [items, published] = await Promise.all([completion, diagnostics]);
      expect(items.map((i) => i.label)).toEqual(['emerg', 'alert', 'crit', 'error', 'warning', 'notice', 'info', 'debug', 'panic']);
      // The half-typed rule is what the new lint reports.
      expect(published.diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([['IPT114', line]]);
      expect(order).toEqual(['completion', 'diagnostics']);
      expect(await busy.connection.sendRequest('iptlint/documentStats', { uri })).toMatchObject({ version: 2, stale: false, parsed: 1, threaded: true });
    } finally {
      await busy.stop();
    }
  });

  test('before the first lint of a large document has finished, completion answers from a sketch of the text', async () => {
    const early = await startSession({ settings: { debounceMs: 0 } });
    try {
      const uri = fileUri('/tmp/iptlint-lsp/first/rules.v4');
      const rules = Array.from({ length: 20000 }, (_, i) => `-A INPUT -p udp -s 10.${i >> 16}.${(i >> 8) & 255}.${i & 255} --dport ${1 + (i % 60000)} -m comment --comment "rule ${i}" -j LOGGED`);
      const lines = ['*filter', ':INPUT ACCEPT [0:0]', ':LOGGED - [0:0]', '-A LOGGED -j LOG', ...rules, '-A INPUT -g ', 'COMMIT'];
      const order: string[] = [];
      await early.open(uri, `${lines.join('\n')}\n`);
      const line = lines.length - 2;
      const completion = early.connection
        .sendRequest<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line, character: lines[line].length } })
        .then((items) => {
          order.push('completion');
          return items;
        });
      const diagnostics = early.diagnosticsFor(uri).then((p) => {
        order.push('diagnostics');
        return p;
      });
      const [items] = await Promise.all([completion, diagnostics]);
      expect(items.map((i) => i.label)).toEqual(['LOGGED']);
      expect(order).toEqual(['completion', 'diagnostics']);
    } finally {
      await early.stop();
    }
  });

  test('without a worker file the server lints in its own thread and says so', async () => {
    const alone = await startSession({ settings: { debounceMs: 0 }, noWorker: true });
    try {
      const uri = fileUri('/tmp/iptlint-lsp/noworker/rules.v4');
      await alone.open(uri, '*filter\n-A INPUT -j NOPE\nCOMMIT\n');
      expect((await alone.diagnosticsFor(uri)).diagnostics.map((d) => d.code)).toEqual(['IPT304']);
      expect(await alone.connection.sendRequest('iptlint/documentStats', { uri })).toMatchObject({ version: 1, threaded: false });
      await alone.waitFor(() => alone.messages.find((m) => m.message.includes('no lint worker at')), 'the fallback message');
    } finally {
      await alone.stop();
    }
  });
});
