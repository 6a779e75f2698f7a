/** Exit statuses, thresholds, and every kind of bad input, through the real command. */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { BIN, BROKEN, CLEAN, iptlint, scratch } from './run.js';

vi.setConfig({ testTimeout: 60_000 });

describe('exit status', () => {
  const dir = scratch({ 'clean.rules': CLEAN, 'broken.rules': BROKEN, 'warn.rules': CLEAN.replace(/\n$/, '') });

  it('0 clean, 1 on an error, 0 on warnings only', () => {
    expect(iptlint(['clean.rules'], { cwd: dir })).toMatchObject({ code: 0, stdout: 'no problems in 1 file\n', stderr: '' });
    expect(iptlint(['broken.rules'], { cwd: dir }).code).toBe(1);
    expect(iptlint(['warn.rules'], { cwd: dir }).code).toBe(0);
  });

  it('--failure-threshold lowers the bar', () => {
    expect(iptlint(['--failure-threshold', 'warning', 'warn.rules'], { cwd: dir }).code).toBe(1);
    expect(iptlint(['--failure-threshold', 'info', 'clean.rules'], { cwd: dir }).code).toBe(0);
    const r = iptlint(['--failure-threshold', 'fatal', 'clean.rules'], { cwd: dir });
    expect(r).toMatchObject({ code: 2, stderr: "iptlint: --failure-threshold must be one of error, warning, info (got 'fatal')\n" });
  });

  it('--max-warnings N fails on more than N warnings', () => {
    expect(iptlint(['--max-warnings', '1', 'warn.rules'], { cwd: dir }).code).toBe(0);
    const r = iptlint(['--max-warnings', '0', 'warn.rules'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('iptlint: 1 warning, more than --max-warnings 0\n');
    expect(iptlint(['--max-warnings', '-1', 'warn.rules'], { cwd: dir }).code).toBe(2);
    expect(iptlint(['--max-warnings', 'x', 'warn.rules'], { cwd: dir }).stderr).toMatch(/--max-warnings must be a whole number/);
  });

  it('2 on usage errors, with one line and no stack trace', () => {
    expect(iptlint([], { cwd: dir })).toMatchObject({ code: 2, stderr: expect.stringMatching(/^iptlint: no input files/) });
    expect(iptlint(['--format', 'xml', 'clean.rules'], { cwd: dir })).toMatchObject({ code: 2, stderr: expect.stringMatching(/--format must be one of text, json, sarif, github, checkstyle, junit/) });
    expect(iptlint(['--bogus', 'clean.rules'], { cwd: dir })).toMatchObject({ code: 2, stderr: expect.stringMatching(/Unknown option '--bogus'/) });
    expect(iptlint(['--config', 'a.json', '--no-config', 'clean.rules'], { cwd: dir }).code).toBe(2);
  });

  it('--version and --help', () => {
    expect(iptlint(['--version']).stdout).toMatch(/^iptlint \d+\.\d+\.\d+\n$/);
    const help = iptlint(['--help']).stdout;
    for (const word of ['--format', '--output', '--config', '--failure-threshold', '--max-warnings', 'disable-next-line', 'EXIT STATUS']) expect(help).toContain(word);
  });

  it('iptlint lsp: --help prints its usage, an unknown argument is a usage error, and the server ends when its input does', () => {
    // Each used to start a server that waited for a client forever (the timeout would end the test instead).
    expect(iptlint(['lsp', '--help'], { timeout: 10_000 })).toMatchObject({ code: 0, stdout: expect.stringMatching(/^usage: iptlint lsp \[--stdio/) });
    expect(iptlint(['lsp', '--bogus'], { timeout: 10_000 })).toMatchObject({ code: 2, stderr: expect.stringMatching(/^iptlint lsp: unknown argument '--bogus'\nusage:/) });
    expect(iptlint(['lsp', '--stdio', 'extra'], { timeout: 10_000 }).code).toBe(2);
    // Standard input at its end at once: a client gone without `exit` (1, as no shutdown came first).
    expect(iptlint(['lsp', '--stdio', '--clientProcessId', String(process.pid)], { timeout: 10_000 })).toMatchObject({ code: 1, stdout: '' });
    // A piped session that ends without `exit`: what was asked is answered first, then 0 after the shutdown request.
    const frame = (message: object) => {
      const body = JSON.stringify({ jsonrpc: '2.0', ...message });
      return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    };
    const session = frame({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } }) + frame({ id: 2, method: 'shutdown' });
    const piped = iptlint(['lsp'], { input: session, timeout: 20_000 });
    expect(piped.code).toBe(0);
    expect(piped.stdout).toContain('"capabilities"');
    expect(piped.stdout).toContain('{"jsonrpc":"2.0","id":2,"result":null}');
  });
});

describe('bad input', () => {
  it('a missing path, an empty glob and a directory without rules files: exit 2, other files still linted', () => {
    const dir = scratch({ 'clean.rules': CLEAN, 'empty/README': 'nothing here' });
    const r = iptlint(['missing.rules', "'*.nomatch'".slice(1, -1), 'empty', 'clean.rules'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')).toEqual([
      'iptlint: missing.rules: no such file or directory',
      'iptlint: *.nomatch: no files match this pattern',
      'iptlint: empty: directory has no rules files (rules.v4, rules.v6, *.rules, iptables*.rules, *.v4, *.v6)',
      '',
    ]);
    expect(r.stdout).toBe('no problems in 1 file\n');
  });

  it('a file without read permission (checked as an unprivileged user, since tests may run as root)', (ctx) => {
    const dir = scratch({ 'secret.rules': CLEAN });
    chmodSync(dir, 0o755);
    chmodSync(path.join(dir, 'secret.rules'), 0o000);
    const asNobody = (args: string[]) => spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, BIN, '--no-kernel', ...args], { cwd: dir, encoding: 'utf8' });
    if (process.getuid?.() === 0) {
      const r = asNobody(['secret.rules']);
      if (r.error) return ctx.skip();
      expect(r.stderr).toBe('iptlint: secret.rules: permission denied\n');
      expect(r.status).toBe(2);
    } else {
      const r = iptlint(['secret.rules'], { cwd: dir });
      expect(r).toMatchObject({ code: 2, stderr: 'iptlint: secret.rules: permission denied\n' });
    }
  });

  it('a symbolic link loop', () => {
    const dir = scratch();
    symlinkSync('loop.rules', path.join(dir, 'loop.rules'));
    expect(iptlint(['loop.rules'], { cwd: dir })).toMatchObject({ code: 2, stderr: 'iptlint: loop.rules: too many symbolic links\n' });
  });

  it('binary data and invalid UTF-8 are refused with their reason', () => {
    const dir = scratch({ 'bin.rules': Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2]), 'latin1.rules': Buffer.concat([Buffer.from('*filter\n# caf'), Buffer.from([0xe9]), Buffer.from('\nCOMMIT\n')]) });
    const r = iptlint(['bin.rules', 'latin1.rules'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('iptlint: bin.rules: binary data (NUL bytes), not an iptables rules file\niptlint: latin1.rules: not valid UTF-8 (first bad byte at offset 13)\n');
  });

  it('CRLF line endings and a byte-order mark are findings, with columns still right', () => {
    const dir = scratch({ 'crlf.rules': CLEAN.replace(/\n/g, '\r\n'), 'bom.rules': '\ufeff' + BROKEN + '\n' });
    const r = iptlint(['-f', 'json', 'crlf.rules', 'bom.rules'], { cwd: dir });
    const [crlf, bom] = JSON.parse(r.stdout).files;
    expect(crlf.diagnostics.map((d: { code: string }) => d.code)).toContain('IPT116');
    expect(bom.diagnostics.map((d: { code: string; column: number }) => `${d.code}@${d.column}`)).toEqual(expect.arrayContaining(['IPT117@1', 'IPT113@10']));
  });

  it('a file over the size limit (a sparse 1 GiB file, as a 1 GB dump would be) is refused in one line', () => {
    const dir = scratch({ 'huge.rules': '' , 'ok.rules': CLEAN });
    truncateSync(path.join(dir, 'huge.rules'), 1024 ** 3);
    const r = iptlint(['huge.rules', 'ok.rules'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('iptlint: huge.rules: file too large (1024 MiB; iptlint reads at most 256 MiB)\n');
    expect(r.stdout).toBe('no problems in 1 file\n');
  });

  it('a large file (100,000 rules) is linted in one run', { timeout: 180_000 }, () => {
    const rules = Array.from({ length: 100_000 }, (_, i) => `-A INPUT -s 10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}/32 -p tcp -m tcp --dport ${(i % 60000) + 1} -j ACCEPT\n`);
    const dir = scratch({ 'big.rules': `*filter\n:INPUT ACCEPT [0:0]\n${rules.join('')}-A INPUT --bogus -j DROP\nCOMMIT\n` });
    const r = iptlint(['--concise', 'big.rules'], { cwd: dir, timeout: 170_000 });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^big\.rules:100003:10: error: .*\[IPT113\]\n1 error in 1 file\n$/);
  });

  it('standard input with --stdin-filename', () => {
    const r = iptlint(['--concise', '--stdin-filename', 'rules.v6', '-'], { input: BROKEN });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^rules\.v6:3:10: error: /);
  });
});

describe('many files', () => {
  function tree(n: number): string {
    const dir = scratch();
    for (let i = 0; i < n; i++) {
      const sub = path.join(dir, 'hosts', `h${String(i).padStart(3, '0')}`);
      mkdirSync(sub, { recursive: true });
      writeFileSync(path.join(sub, 'rules.v4'), i === 7 ? BROKEN : CLEAN);
    }
    return dir;
  }

  it('a directory tree of hundreds of rules files reports per file', () => {
    const dir = tree(300);
    const r = iptlint(['-f', 'json', 'hosts'], { cwd: dir });
    const files = JSON.parse(r.stdout).files as { path: string; diagnostics: unknown[] }[];
    expect(files).toHaveLength(300);
    expect(files.filter((f) => f.diagnostics.length > 0).map((f) => f.path)).toEqual([path.join('hosts', 'h007', 'rules.v4')]);
    expect(iptlint(['hosts/*/rules.v4'], { cwd: dir }).stdout).toMatch(/1 error, 1 warning in 300 files\n$/);
  });

  it('shows a progress line on a terminal, and none when not on one', (ctx) => {
    const dir = tree(200);
    if (spawnSync('script', ['--version']).error) return ctx.skip();
    // The one-second delay is shortened so the test does not depend on the machine's speed.
    const cmd = `IPTLINT_PROGRESS_AFTER_MS=0 ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} --no-kernel hosts`;
    const onTty = spawnSync('script', ['-qec', cmd, '/dev/null'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    expect(onTty.stdout).toMatch(/\r\x1b\[Kiptlint: \d+\/200 files \(hosts\/h\d{3}\/rules\.v4\)/);
    expect(onTty.stdout).toMatch(/1 error, 1 warning in 200 files/);
    const piped = iptlint(['hosts'], { cwd: dir, env: { IPTLINT_PROGRESS_AFTER_MS: '0' } });
    expect(piped.stdout + piped.stderr).not.toContain('files (');
  });
});
