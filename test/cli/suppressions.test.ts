/** Inline suppressions through the pure core (what the editor sees) and through the command. */
import { describe, expect, it, vi } from 'vitest';
import { lint } from '../../src/lint.js';
import { iptlint, scratch } from './run.js';

vi.setConfig({ testTimeout: 60_000 });

const codes = (text: string, options = {}) => lint(text, options).diagnostics.map((d) => `${d.line + 1}:${d.code}`);

describe('disable-next-line', () => {
  it('silences the named code on the next rule line only', () => {
    const text = '*filter\n# iptlint disable-next-line IPT113 -- testing a typo\n-A INPUT --dport 22 -j ACCEPT\n-A INPUT --dport 23 -j ACCEPT\nCOMMIT\n';
    expect(codes(text)).toEqual(['4:IPT113']);
  });

  it('takes several codes, check names, and skips comments and blank lines to reach the rule', () => {
    const text = '*filter\n# iptlint disable-next-line unknown-option, IPT125 -- both\n# a plain comment\n\n-A INPUT --dport 22 -j ACCEPT\nCOMMIT';
    // IPT125 is on the COMMIT line, not the rule, so its part of the suppression is unused.
    expect(codes(text)).toEqual(['2:IPT901', '6:IPT125']);
  });

  it('does not silence other codes on that line', () => {
    const text = '*filter\n# iptlint disable-next-line IPT125 -- wrong code\n-A INPUT --dport 22 -j ACCEPT\nCOMMIT\n';
    expect(codes(text)).toEqual(['2:IPT901', '3:IPT113']);
  });
});

describe('disable (whole file)', () => {
  it('silences the code anywhere in the file, before or after the comment', () => {
    const text = '*filter\n-A INPUT --dport 22 -j ACCEPT\n# iptlint disable IPT113 -- generated file, checked elsewhere\n-A INPUT --sport 9 -j ACCEPT\nCOMMIT\n';
    expect(codes(text)).toEqual([]);
  });
});

describe('problems with suppressions are reported as warnings', () => {
  it('unused (IPT901), unknown (IPT902), malformed (IPT903), no reason (IPT904: info)', () => {
    const text = '*filter\n# iptlint disable IPT101 -- nothing to silence\n# iptlint disable-next-line IPT99X -- typo\n# iptlint ignore IPT113\n# iptlint disable-next-line\n# iptlint disable IPT113\n-A INPUT --dport 22 -j ACCEPT\nCOMMIT\n';
    const result = lint(text).diagnostics.map((d) => ({ line: d.line + 1, code: d.code, severity: d.severity, col: d.start + 1 }));
    expect(result).toEqual([
      { line: 2, code: 'IPT901', severity: 'warning', col: 19 },
      { line: 3, code: 'IPT902', severity: 'warning', col: 29 },
      { line: 4, code: 'IPT903', severity: 'warning', col: 11 },
      { line: 5, code: 'IPT903', severity: 'warning', col: 1 },
      { line: 6, code: 'IPT904', severity: 'info', col: 1 },
    ]);
  });

  it('a suppression of a check turned off in the configuration is not called unused', () => {
    const text = '*filter\n# iptlint disable-next-line IPT113 -- x\n-A INPUT -p tcp --dport 22 -j ACCEPT\nCOMMIT\n';
    expect(codes(text)).toEqual(['2:IPT901']);
    expect(codes(text, { severities: { IPT113: 'off' } })).toEqual([]);
  });

  it('kernel suppressions are not unused when the run has no kernel inputs', () => {
    const text = '*filter\n# iptlint disable-next-line IPT401 -- module loaded by our image\n-A INPUT -m recent --name x --rcheck -j DROP\nCOMMIT\n';
    expect(codes(text)).toEqual([]);
  });

  it('the suppression findings follow the configured severities', () => {
    const text = '*filter\n# iptlint disable IPT101\nCOMMIT\n';
    expect(lint(text, { severities: { IPT901: 'error', IPT904: 'off' } }).diagnostics.map((d) => `${d.code}:${d.severity}`)).toEqual(['IPT901:error']);
  });

  it('prose after "# iptlint" is not a directive, a misspelt directive is', () => {
    const text = '*filter\n# iptlint generated this file\n# iptlint-managed\n# iptlint disable-line IPT113\n-A INPUT --dport 22 -j ACCEPT\nCOMMIT\n';
    expect(codes(text)).toEqual(['4:IPT903', '5:IPT113']);
  });

  it('a rule line that merely contains "iptlint" in a comment match is not a directive', () => {
    const text = '*filter\n-A INPUT -m comment --comment "# iptlint disable IPT113" -j ACCEPT\nCOMMIT\n';
    expect(codes(text)).toEqual([]);
  });
});

describe('through the command', () => {
  it('a silenced error no longer fails the run, and unused suppressions show up as warnings', () => {
    const dir = scratch({
      'a.rules': '*filter\n# iptlint disable-next-line IPT113 -- legacy rule, removed next release\n-A INPUT --dport 22 -j ACCEPT\nCOMMIT\n',
      'b.rules': '*filter\n# iptlint disable-next-line IPT113 -- stale\n-A INPUT -j ACCEPT\nCOMMIT\n',
    });
    expect(iptlint(['a.rules'], { cwd: dir })).toMatchObject({ code: 0, stdout: 'no problems in 1 file\n' });
    const r = iptlint(['--concise', 'b.rules'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('b.rules:2:29: warning: suppression of IPT113 is unused: IPT113 reports nothing on line 3 [IPT901]\n1 warning in 1 file\n');
    expect(iptlint(['--failure-threshold', 'warning', 'b.rules'], { cwd: dir }).code).toBe(1);
  });
});
