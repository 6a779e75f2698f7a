/**
 * Every output format on the bundled examples plus a broken file, checked by
 * readers that are not iptlint's: SARIF by Microsoft's SARIF multitool
 * validator, XML by xmllint, GitHub workflow commands parsed back.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { GITHUB_ANNOTATION_LIMIT } from '../../src/cli/format/github.js';
import { documentedChecks } from '../../src/check-docs.js';
import { BROKEN, EXAMPLES, iptlint, scratch } from './run.js';

// Each run spawns node and loads the whole catalog: allow for a busy CI machine.
vi.setConfig({ testTimeout: 60_000 });

const dir = scratch({ 'broken.rules': BROKEN, 'rules.v4': readFileSync(path.join(EXAMPLES, 'rules.v4'), 'utf8') });
const files = ['rules.v4', 'broken.rules'];

describe('text', () => {
  it('prints path:line:col: severity: message [CODE], the line and a caret, then a summary', () => {
    const r = iptlint(files, { cwd: dir });
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    const i = lines.findIndex((l) => l.startsWith('broken.rules:3:10: error: '));
    expect(lines[i]).toMatch(/\[IPT113\]$/);
    expect(lines[i + 1]).toBe('3 | -A INPUT --dport 22 -j ACCEPT');
    expect(lines[i + 2]).toBe('  |          ^^^^^^^');
    expect(r.stdout).toMatch(/broken\.rules:4:1: warning: .*\[IPT125\]/);
    expect(lines.at(-2)).toBe('1 error, 1 warning in 2 files');
    expect(r.stdout).not.toContain('\x1b[');
  });

  it('--concise prints one line per finding', () => {
    const r = iptlint(['--concise', ...files], { cwd: dir });
    expect(r.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(/^broken\.rules:3:10: error: .*\[IPT113\]$/),
      expect.stringMatching(/^broken\.rules:4:1: warning: .*\[IPT125\]$/),
      '1 error, 1 warning in 2 files',
    ]);
  });

  it('colours only when asked, and never with NO_COLOR', () => {
    expect(iptlint(['--color', 'always', ...files], { cwd: dir }).stdout).toContain('\x1b[1;31m');
    expect(iptlint(files, { cwd: dir, env: { NO_COLOR: '1' } }).stdout).not.toContain('\x1b[');
    expect(iptlint(['--no-color', '--color', 'always', ...files], { cwd: dir }).stdout).not.toContain('\x1b[');
  });
});

describe('json', () => {
  it('has the documented shape, 1-based lines and columns, end exclusive', () => {
    const r = iptlint(['-f', 'json', ...files], { cwd: dir });
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.version).toBe(1);
    expect(report.files.map((f: { path: string }) => f.path)).toEqual(files);
    expect(report.files[0]).toEqual({ path: 'rules.v4', family: 'ipv4', diagnostics: [] });
    expect(report.files[1].diagnostics[0]).toMatchObject({ code: 'IPT113', severity: 'error', line: 3, column: 10, endLine: 3, endColumn: 17 });
  });
});

/** Installs Microsoft's validator into a cache outside the repository (package.json stays untouched). */
function sarifMultitool(): string | undefined {
  const prefix = path.join(process.env.IPTLINT_TEST_CACHE ?? path.join(tmpdir(), 'iptlint-test-cache'), 'sarif-multitool');
  const pkg = path.join(prefix, 'node_modules/@microsoft/sarif-multitool-linux');
  if (!existsSync(path.join(pkg, 'Sarif.Multitool'))) {
    mkdirSync(prefix, { recursive: true });
    const r = spawnSync('npm', ['install', '--prefix', prefix, '--no-audit', '--no-fund', '--no-save', '@microsoft/sarif-multitool'], { encoding: 'utf8', timeout: 240_000 });
    if (r.status !== 0 || !existsSync(path.join(pkg, 'Sarif.Multitool'))) {
      console.warn(`skipping SARIF validation: cannot install @microsoft/sarif-multitool (${(r.stderr || r.error?.message || '').trim().split('\n').pop()})`);
      return undefined;
    }
  }
  // npm holds back the package's postinstall (which only makes the binary executable).
  chmodSync(path.join(pkg, 'Sarif.Multitool'), 0o755);
  return path.join(prefix, 'node_modules/.bin/sarif-multitool');
}

describe('sarif', () => {
  const r = iptlint(['-f', 'sarif', ...files], { cwd: dir });
  const log = JSON.parse(r.stdout);
  const run = log.runs[0];

  it('lists every documented check as a rule with descriptions, help URI and default level', () => {
    expect(log.version).toBe('2.1.0');
    const rules = run.tool.driver.rules;
    expect(rules.map((x: { id: string }) => x.id)).toEqual(documentedChecks().map((c) => c.code));
    const ipt113 = rules.find((x: { id: string }) => x.id === 'IPT113');
    expect(ipt113.shortDescription.text).toBeTruthy();
    expect(ipt113.fullDescription.text).toBeTruthy();
    expect(ipt113.helpUri).toMatch(/docs\/checks\/IPT113\.md$/);
    expect(ipt113.defaultConfiguration.level).toBe('error');
  });

  it('reports results with physical locations pointing at the rule', () => {
    expect(run.results).toHaveLength(2);
    const [first] = run.results;
    expect(first.ruleId).toBe('IPT113');
    expect(run.tool.driver.rules[first.ruleIndex].id).toBe('IPT113');
    expect(first.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'broken.rules', index: 1 },
      region: { startLine: 3, startColumn: 10, endLine: 3, endColumn: 17 },
    });
  });

  it('is valid SARIF 2.1.0 for @microsoft/sarif-multitool', { timeout: 300_000 }, (ctx) => {
    const tool = sarifMultitool();
    if (!tool) return ctx.skip();
    const out = scratch({ 'iptlint.sarif': r.stdout });
    // Also a log with an unreadable input (a notification) and a kernel-style property bag.
    iptlint(['-f', 'sarif', '-o', path.join(out, 'errors.sarif'), 'broken.rules', 'missing.rules'], { cwd: dir });
    for (const name of ['iptlint.sarif', 'errors.sarif']) {
      const result = path.join(out, `${name}.validation.sarif`);
      execFileSync(tool, ['validate', path.join(out, name), '--output', result, '--log', 'ForceOverwrite'], { encoding: 'utf8', timeout: 240_000 });
      const findings = JSON.parse(readFileSync(result, 'utf8')).runs[0].results as { ruleId: string; level?: string; message: { text?: string } }[];
      // The validator exits 0 even on schema errors: its own log says whether any was found.
      expect(findings.filter((f) => f.level === 'error'), name).toEqual([]);
    }
  });
});

/** Parses `::level k=v,k=v::message` the way the Actions runner does. */
function parseWorkflowCommand(line: string) {
  const m = /^::(\w+)(?: ([^:]*))?::(.*)$/.exec(line);
  if (!m) return undefined;
  const unescape = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
  const props: Record<string, string> = {};
  for (const kv of (m[2] ?? '').split(',').filter(Boolean)) {
    const eq = kv.indexOf('=');
    props[kv.slice(0, eq)] = unescape(kv.slice(eq + 1));
  }
  return { level: m[1], props, message: unescape(m[3]) };
}

describe('github', () => {
  it('prints one annotation per finding that parses back to the finding', () => {
    const r = iptlint(['-f', 'github', ...files], { cwd: dir });
    expect(r.code).toBe(1);
    const commands = r.stdout.trim().split('\n').map(parseWorkflowCommand);
    expect(commands[0]).toEqual({
      level: 'error',
      props: { file: 'broken.rules', line: '3', col: '10', endLine: '3', endColumn: '17', title: 'IPT113' },
      message: expect.stringMatching(/^unknown option .*\[IPT113\]$/),
    });
    expect(commands[1]?.level).toBe('warning');
  });

  it('escapes commas, colons, percent signs and newlines in file names and messages', () => {
    const odd = scratch({ 'a,b:c%d.rules': BROKEN });
    const r = iptlint(['-f', 'github', 'a,b:c%d.rules'], { cwd: odd });
    const c = parseWorkflowCommand(r.stdout.split('\n')[0]);
    expect(c?.props.file).toBe('a,b:c%d.rules');
  });

  it(`annotates at most ${GITHUB_ANNOTATION_LIMIT} findings per level and summarises the rest`, () => {
    const many = '*filter\n' + Array.from({ length: 13 }, (_, i) => `-A INPUT --dport ${i + 1} -j ACCEPT\n`).join('') + 'COMMIT\n';
    const d = scratch({ 'many.rules': many });
    const r = iptlint(['-f', 'github', 'many.rules'], { cwd: d });
    const lines = r.stdout.trim().split('\n');
    expect(lines.filter((l) => l.startsWith('::error ')).length).toBe(GITHUB_ANNOTATION_LIMIT);
    expect(lines.filter((l) => /^many\.rules:\d+:\d+: error: .*\[IPT113\]$/.test(l)).length).toBe(3);
    expect(lines.at(-1)).toMatch(/^iptlint: 3 errors not shown as annotations/);
  });
});

function xmllint(xml: string): { ok: boolean; message: string } | undefined {
  const probe = spawnSync('xmllint', ['--version']);
  if (probe.error) return undefined;
  const r = spawnSync('xmllint', ['--noout', '-'], { input: xml, encoding: 'utf8' });
  return { ok: r.status === 0, message: r.stderr };
}

describe.each(['checkstyle', 'junit'])('%s', (format) => {
  it('is well-formed XML (xmllint), also with control characters and markup in the input', (ctx) => {
    const nasty = scratch({ 'a&<b>.rules': '*filter\n-A INPUT -m comment --comment "<&>\u0001" --bogus "]]>" -j ACCEPT\nCOMMIT\n' });
    const outputs = [iptlint(['-f', format, ...files], { cwd: dir }).stdout, iptlint(['-f', format, 'a&<b>.rules', 'missing.rules'], { cwd: nasty }).stdout];
    for (const xml of outputs) {
      const check = xmllint(xml);
      if (!check) return ctx.skip();
      expect(check.message).toBe('');
      expect(check.ok).toBe(true);
    }
  });

  it('carries the findings', () => {
    const xml = iptlint(['-f', format, ...files], { cwd: dir }).stdout;
    if (format === 'checkstyle') {
      expect(xml).toContain('<file name="rules.v4">');
      expect(xml).toMatch(/<error line="3" column="10" severity="error" message="[^"]+" source="iptlint\.IPT113"\/>/);
    } else {
      expect(xml).toMatch(/<testsuites name="iptlint" tests="3" failures="1" errors="0">/);
      expect(xml).toMatch(/<failure type="IPT113" message="error: [^"]+">broken\.rules:3:10: error: /);
      expect(xml).toContain('<testcase classname="rules.v4" name="rules.v4 has no problems"/>');
    }
  });
});

describe('--output', () => {
  it('writes the report to the file and the summary to the terminal', () => {
    const out = scratch();
    const target = path.join(out, 'reports/iptlint.json');
    const r = iptlint(['-f', 'json', '--output', target, ...files], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(`1 error, 1 warning in 2 files (report written to ${target})\n`);
    expect(JSON.parse(readFileSync(target, 'utf8')).files).toHaveLength(2);
  });

  it('fails with status 2 when the file cannot be written', () => {
    const r = iptlint(['--output', path.join(dir, 'rules.v4', 'x.txt'), 'rules.v4'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot write the report/);
  });
});
