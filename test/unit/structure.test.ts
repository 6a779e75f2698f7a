import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint.js';
import type { LintOptions } from '../../src/lint-options.js';

/** Diagnostics as `code line:start-end` (1-based line and column, end exclusive), to compare exactly. */
function found(text: string, options: LintOptions = {}): string[] {
  return lint(text, options).diagnostics.map((d) => `${d.code} ${d.line + 1}:${d.start + 1}-${d.end + 1} ${d.severity}`);
}

const codes = (text: string, options: LintOptions = {}) => lint(text, options).diagnostics.map((d) => d.code);

describe('syntax and structure checks: bad case at its exact range, good case clean', () => {
  it.each<[string, string, string, string[]]>([
    ['IPT101 line outside a table', '-A INPUT -j ACCEPT\n*filter\nCOMMIT\n', '*filter\n-A INPUT -j ACCEPT\nCOMMIT\n', ['IPT101 1:1-19 error']],
    ['IPT101 COMMIT outside a table', 'COMMIT\n', '*filter\nCOMMIT\n', ['IPT101 1:1-7 error']],
    ['IPT102 unknown table', '*filtre\nCOMMIT\n', '*filter\nCOMMIT\n', ['IPT102 1:2-8 error']],
    ['IPT103 duplicate table', '*filter\nCOMMIT\n*filter\nCOMMIT\n', '*filter\nCOMMIT\n*nat\nCOMMIT\n', ['IPT103 3:2-8 warning']],
    ['IPT104 missing COMMIT at EOF', '*filter\n-A INPUT -j ACCEPT\n', '*filter\n-A INPUT -j ACCEPT\nCOMMIT\n', ['IPT104 1:1-8 error', 'IPT104 2:1-19 error']],
    ['IPT104 table inside table', '*filter\n*nat\nCOMMIT\n', '*filter\nCOMMIT\n*nat\nCOMMIT\n', ['IPT104 1:1-8 error', 'IPT104 2:1-5 error']],
    ['IPT106 duplicate chain', '*filter\n:A - [0:0]\n:A - [0:0]\nCOMMIT\n', '*filter\n:A - [0:0]\nCOMMIT\n', ['IPT106 3:2-3 warning']],
    ['IPT107 built-in chain of another table', '*filter\n:PREROUTING ACCEPT [0:0]\nCOMMIT\n', '*raw\n:PREROUTING ACCEPT [0:0]\nCOMMIT\n', ['IPT107 2:2-12 warning']],
    ['IPT108 invalid policy', '*filter\n:INPUT REJECT [0:0]\nCOMMIT\n', '*filter\n:INPUT DROP [0:0]\nCOMMIT\n', ['IPT108 2:8-14 error']],
    ['IPT108 missing policy', '*filter\n:INPUT\nCOMMIT\n', '*filter\n:INPUT ACCEPT\nCOMMIT\n', ['IPT108 2:7-7 error']],
    ['IPT109 policy on user chain', '*filter\n:MINE DROP [0:0]\nCOMMIT\n', '*filter\n:MINE - [0:0]\nCOMMIT\n', ['IPT109 2:7-11 warning']],
    ['IPT110 counters without ]', '*filter\n[0:0 -A INPUT -j ACCEPT\nCOMMIT\n', '*filter\n[0:0] -A INPUT -j ACCEPT\nCOMMIT\n', ['IPT110 2:1-2 error']],
    ['IPT110 non-numeric counters', '*filter\n[a:b] -A INPUT -j ACCEPT\nCOMMIT\n', '*filter\n[1:2] -A INPUT -j ACCEPT\nCOMMIT\n', ['IPT110 2:1-6 warning']],
    ['IPT111 unterminated quote', '*filter\n-A INPUT -m comment --comment "ssh\nCOMMIT\n', '*filter\n-A INPUT -m comment --comment "ssh"\nCOMMIT\n', ['IPT111 2:31-35 warning']],
    ['IPT112 # after a rule', '*filter\n-A INPUT -j ACCEPT # ok\nCOMMIT\n', '*filter\n# ok\n-A INPUT -j ACCEPT\nCOMMIT\n', ['IPT112 2:20-21 error', 'IPT112 2:22-24 error']],
    ['IPT113 option of an unloaded match', '*filter\n-A INPUT --dport 22 -j ACCEPT\nCOMMIT\n', '*filter\n-A INPUT -p tcp --dport 22 -j ACCEPT\nCOMMIT\n', ['IPT113 2:10-17 error']],
    ['IPT114 value missing', '*filter\n-A INPUT -p\nCOMMIT\n', '*filter\n-A INPUT -p tcp\nCOMMIT\n', ['IPT114 2:10-12 error']],
    ['IPT115 ambiguous prefix', '*filter\n-A INPUT --s 1.2.3.4\nCOMMIT\n', '*filter\n-A INPUT --so 1.2.3.4\nCOMMIT\n', ['IPT115 2:10-13 error']],
    ['IPT116 CRLF', '*filter\r\nCOMMIT\r\n', '*filter\nCOMMIT\n', ['IPT116 1:8-8 error']],
    ['IPT117 BOM', '\ufeff*filter\nCOMMIT\n', '*filter\nCOMMIT\n', ['IPT117 1:1-2 error']],
    ['IPT121 no command', '*filter\nINPUT -j ACCEPT\nCOMMIT\n', '*filter\n-A INPUT -j ACCEPT\nCOMMIT\n', ['IPT112 2:1-6 error', 'IPT121 2:1-16 error']],
    ['IPT122 two commands', '*filter\n-A INPUT -A OUTPUT\nCOMMIT\n', '*filter\n-A INPUT\n-A OUTPUT\nCOMMIT\n', ['IPT122 2:10-12 error']],
    ['IPT123 chain name clashes with a target', '*filter\n:LOG - [0:0]\nCOMMIT\n', '*filter\n:LOGGING - [0:0]\nCOMMIT\n', ['IPT123 2:2-5 error']],
    ['IPT123 chain name too long', `*filter\n:${'C'.repeat(29)} - [0:0]\nCOMMIT\n`, `*filter\n:${'C'.repeat(28)} - [0:0]\nCOMMIT\n`, ['IPT123 2:2-31 error']],
    ['IPT124 COMMIT with trailing text', '*filter\nCOMMIT \n', '*filter\nCOMMIT\n', ['IPT124 2:1-8 error']],
    ['IPT125 final COMMIT without newline', '*filter\nCOMMIT', '*filter\nCOMMIT\n', ['IPT125 2:1-7 warning']],
    ['IPT126 -p twice', '*filter\n-A INPUT -p tcp -p udp\nCOMMIT\n', '*filter\n-A INPUT -p tcp\nCOMMIT\n', ['IPT126 2:17-19 error']],
    ['IPT127 ! before -m', '*filter\n-A INPUT ! -m comment --comment x\nCOMMIT\n', '*filter\n-A INPUT -m comment --comment x\nCOMMIT\n', ['IPT127 2:10-11 error']],
    ['IPT127 doubled !', '*filter\n-A INPUT ! ! -s 1.2.3.4\nCOMMIT\n', '*filter\n-A INPUT ! -s 1.2.3.4\nCOMMIT\n', ['IPT127 2:12-13 error']],
  ])('%s', (_name, bad, good, expected) => {
    expect(found(bad)).toEqual(expected);
    expect(found(good)).toEqual([]);
  });

  it('IPT118 and IPT119: lines and arguments longer than iptables-restore\'s buffers', () => {
    const longArgument = `*filter\n-A INPUT -m comment --comment ${'x'.repeat(1024)}\nCOMMIT\n`;
    expect(codes(longArgument)).toContain('IPT119');
    const longLine = `*filter\n-A INPUT ${'-m comment --comment abc '.repeat(500)}\nCOMMIT\n`;
    expect(codes(longLine)).toContain('IPT118');
    expect(codes(`*filter\n-A INPUT -m comment --comment ${'x'.repeat(250)}\nCOMMIT\n`)).toEqual([]);
  });

  it('severity of backend-dependent findings follows the save header', () => {
    const nft = '# Generated by iptables-save v1.8.9 (nf_tables) on x\n*filter\n:A - [0:0]\n:A - [0:0]\nCOMMIT\n';
    const legacy = nft.replace('nf_tables', 'legacy');
    expect(found(nft)).toEqual(['IPT106 4:2-3 warning']);
    expect(found(legacy)).toEqual(['IPT106 4:2-3 error']);
    expect(found(nft, { backend: 'legacy' })).toEqual(['IPT106 4:2-3 error']);
  });

  it('an option tied to hooks, reached through a user chain, is an error only for iptables-legacy', () => {
    // Checked against both binaries in test/extensions: nft checks an option's hooks only in built-in chains.
    const text = '*filter\n:FOO - [0:0]\n-A INPUT -j FOO\n-A FOO -m policy --dir out --pol ipsec\n-A OUTPUT -m policy --dir in --pol ipsec\nCOMMIT\n';
    expect(found(text)).toEqual(['IPT303 4:18-23 warning', 'IPT303 5:21-26 error']);
    expect(found(text, { backend: 'legacy' })).toEqual(['IPT303 4:18-23 error', 'IPT303 5:21-26 error']);
    expect(found(text.replace('--dir out', '--dir in').replace('--dir in --pol ipsec\nCOMMIT', '--dir out --pol ipsec\nCOMMIT'), { backend: 'legacy' })).toEqual([]);
  });

  it('a chain is a built-in one by the table, not by its name', () => {
    // INPUT in the raw table, and a chain named like an Object.prototype member, are user chains.
    const raw = '*raw\n:INPUT - [0:0]\n-A PREROUTING -j INPUT\n-A INPUT -m policy --dir out --pol ipsec\nCOMMIT\n';
    expect(found(raw)).toEqual(['IPT107 2:2-7 warning', 'IPT303 4:20-25 warning']);
    expect(lint(raw).diagnostics[1].message).toContain('chain INPUT is reached from PREROUTING');
    const odd = '*filter\n:constructor - [0:0]\n-A INPUT -j constructor\n-A constructor -m policy --dir out --pol ipsec\nCOMMIT\n';
    expect(found(odd)).toEqual(['IPT303 4:26-31 warning']);
  });

  it('an option iptables refuses to negate is not judged by its hooks as well', () => {
    expect(found('*filter\n-A INPUT -m policy ! --dir out --pol ipsec\nCOMMIT\n')).toEqual(['IPT206 2:20-21 error']);
  });

  it('getopt: exact names, unambiguous prefixes, --opt=value, and the implicit protocol match', () => {
    expect(found('*filter\n-A INPUT -p tcp --dp 22 --sport=1024:65535 -j ACCEPT\nCOMMIT\n')).toEqual([]);
    const rule = lint('*filter\n-A INPUT -p tcp --dp 22 -j ACCEPT\nCOMMIT\n').file.tables[0].commands[0].rule!;
    expect(rule.matches).toHaveLength(1);
    expect(rule.matches[0]).toMatchObject({ extensionName: 'tcp', implicit: true });
    expect(rule.matches[0].options[0]).toMatchObject({ def: { name: 'dport' }, values: [{ value: '22', start: 21, end: 23 }] });
  });

  it('-I takes an optional rule number', () => {
    const commands = lint('*filter\n-I INPUT 2 -j ACCEPT\n-I INPUT -j DROP\nCOMMIT\n').file.tables[0].commands;
    expect(commands[0]).toMatchObject({ name: 'insert', ruleNumber: { value: '2' } });
    expect(commands[1].ruleNumber).toBeUndefined();
    expect(found('*filter\n-I INPUT 0 -j ACCEPT\nCOMMIT\n')).toEqual(['IPT123 2:10-11 error']);
  });

  it('IPT309 and IPT304 around -E: a built-in chain cannot be renamed, and a new name exists only from its -E on', () => {
    // Both backends refuse each of these (test/fixtures/oracle/syntax-cases.ts).
    for (const findingsOnly of [false, true]) {
      expect(found('*filter\n-E OUTPUT NEW\nCOMMIT\n', { findingsOnly })).toEqual(['IPT309 2:1-3 warning', 'IPT309 2:4-10 error']);
      expect(found('*filter\n-A NEW -j RETURN\n-E OUTPUT NEW\n-A NEW -j RETURN\nCOMMIT\n', { findingsOnly })).toEqual(['IPT304 2:4-7 error', 'IPT309 3:1-3 warning', 'IPT309 3:4-10 error']);
      expect(found('*filter\n:OLD - [0:0]\n-A NEW -j RETURN\n-E OLD NEW\n-A NEW -j RETURN\nCOMMIT\n', { findingsOnly })).toEqual(['IPT304 3:4-7 error', 'IPT309 4:1-3 warning']);
    }
    expect(lint('*filter\n-A NEW -j RETURN\n-E OUTPUT NEW\nCOMMIT\n').diagnostics[0].message).toBe('chain `NEW` is used here but declared only on line 3: declare it before its first use');
  });

  it('-E: a chain is one chain under all its names, for IPT302, IPT303 and IPT305 (iptables-legacy-restore refuses each at COMMIT)', () => {
    const cases: [string, string[]][] = [
      // Reported once each, not once per name.
      ['*filter\n:A - [0:0]\n-A A -j DNAT --to-destination 10.0.0.1\n-E A B\n-A B -j REDIRECT\nCOMMIT\n', ['IPT302 3:9-13 error', 'IPT302 5:9-17 error']],
      // A jump written under the old name passes on the hooks that reach the new one.
      ['*nat\n:U2 - [0:0]\n:U9 - [0:0]\n-A U2 -j U9\n-A U9 -j DNAT --to-destination 10.0.0.1\n-E U2 U3\n-A POSTROUTING -j U3\nCOMMIT\n', ['IPT303 5:10-14 error']],
      // A loop through both names of one chain.
      ['*filter\n:U2 - [0:0]\n:U9 - [0:0]\n-A U2 -j U9\n-E U2 U3\n-A U9 -j U3\n-A INPUT -j U3\nCOMMIT\n', ['IPT305 6:10-12 error']],
    ];
    for (const [text, expected] of cases) {
      for (const findingsOnly of [false, true]) {
        expect(found(text, { findingsOnly, backend: 'legacy' }).filter((f) => /^IPT30[235]/.test(f))).toEqual(expected);
      }
    }
  });

  it('IPT303 follows a chain through -E: a rule is reached through jumps to any of its names, and reported once', () => {
    // DNAT is allowed in PREROUTING and OUTPUT: U2 is reached from INPUT under its first name, from POSTROUTING under its last.
    const text = '*nat\n:U2 - [0:0]\n-A INPUT -j U2\n-A U2 -p tcp -j DNAT --to-destination 10.0.0.1\n-E U2 U3\n-A U3 -p udp -j DNAT --to-destination 10.0.0.1\n-E U3 U4\n-A POSTROUTING -j U4\nCOMMIT\n';
    for (const findingsOnly of [false, true]) {
      const placed = lint(text, { findingsOnly, backend: 'legacy' }).diagnostics.filter((d) => d.code === 'IPT303');
      expect(placed.map((d) => [d.line + 1, d.start + 1, d.message])).toEqual([4, 6].map((line) => [
        line, 17, 'target DNAT is only valid in PREROUTING, OUTPUT, not in INPUT, POSTROUTING (chain U4 is reached from INPUT, POSTROUTING)',
      ]));
    }
  });
});

describe('model', () => {
  it('puts each rule in its chain whatever the order of the chains: as declared, skipping some, backwards, renamed', () => {
    const text = [
      '*filter', ':A - [0:0]', ':B - [0:0]', ':C - [0:0]', ':D - [0:0]', ':E - [0:0]', ':F - [0:0]', ':G - [0:0]',
      '-A A -j RETURN', '-A B -j RETURN', '-A B -j RETURN', '-A D -j RETURN', '-A G -j RETURN', '-A C -j RETURN',
      '-A A -j RETURN', '-E F F2', '-A F2 -j RETURN', '-A INPUT -j A', '-A G -j RETURN', 'COMMIT', '',
    ].join('\n');
    const table = lint(text).file.tables[0];
    const placed = [...table.chains.values()].map((c) => `${c.name}@${c.index}:${c.rules.map((r) => r.line + 1).join(',')}`);
    expect(placed).toEqual([
      'INPUT@0:18', 'FORWARD@1:', 'OUTPUT@2:', 'A@3:9,15', 'B@4:10,11', 'C@5:14', 'D@6:12', 'E@7:', 'F@8:17', 'G@9:13,19', 'F2@10:17',
    ]);
  });
});

describe('family', () => {
  it.each<[string, LintOptions, string]>([
    ['*filter\nCOMMIT\n', {}, 'ipv4'],
    ['*filter\nCOMMIT\n', { fileName: '/etc/iptables/rules.v6' }, 'ipv6'],
    ['*filter\nCOMMIT\n', { fileName: 'ip6tables.rules' }, 'ipv6'],
    ['*filter\nCOMMIT\n', { fileName: 'rules6.rules' }, 'ipv6'],
    ['*filter\nCOMMIT\n', { fileName: 'iptables-2026.rules' }, 'ipv4'],
    ['*filter\nCOMMIT\n', { fileName: 'ip6tables-2024.rules' }, 'ipv6'],
    ['*filter\n-A INPUT -s 2001:db8::/32 -j ACCEPT\nCOMMIT\n', { fileName: 'backup-2026.rules' }, 'ipv6'],
    ['# Generated by ip6tables-save v1.8.9 (nf_tables) on x\n*filter\nCOMMIT\n', {}, 'ipv6'],
    ['*filter\n-A INPUT -s 2001:db8::/32 -j ACCEPT\nCOMMIT\n', {}, 'ipv6'],
    ['*filter\n-A INPUT -s 2001:db8::/32 -j ACCEPT\nCOMMIT\n', { family: 'ipv4' }, 'ipv4'],
  ])('%j with %j is %s', (text, options, family) => {
    expect(lint(text, options).file.family).toBe(family);
  });
});
