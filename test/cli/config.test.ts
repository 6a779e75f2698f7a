/** .iptlintrc.json: discovery, --config, validation messages, CLI precedence, include/exclude, thresholds from config. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { CONFIG_SCHEMA, validate } from '../../src/config/schema.js';
import { BROKEN, CLEAN, iptlint, ROOT, scratch } from './run.js';

vi.setConfig({ testTimeout: 60_000 });

const json = (v: unknown) => JSON.stringify(v, null, 2);

describe('discovery', () => {
  it('uses the nearest .iptlintrc.json above each file, with no merging between levels', () => {
    const dir = scratch({
      '.iptlintrc.json': json({ checks: { IPT125: 'error' } }),
      'a/broken.rules': BROKEN,
      'b/.iptlintrc.json': json({ checks: { 'unknown-option': 'off' } }),
      'b/deep/broken.rules': BROKEN,
    });
    const r = iptlint(['-f', 'json', 'a/broken.rules', 'b/deep/broken.rules'], { cwd: dir });
    const [a, b] = JSON.parse(r.stdout).files;
    expect(a.diagnostics.map((d: { code: string; severity: string }) => `${d.code}:${d.severity}`)).toEqual(['IPT113:error', 'IPT125:error']);
    // b's config replaces the root one: IPT125 keeps its default severity, IPT113 is off by name.
    expect(b.diagnostics.map((d: { code: string; severity: string }) => `${d.code}:${d.severity}`)).toEqual(['IPT125:warning']);
  });

  it('--config applies one file to everything and --no-config ignores them all', () => {
    const dir = scratch({ '.iptlintrc.json': json({ checks: { IPT113: 'off' } }), 'other.json': json({ checks: { IPT125: 'off' } }), 'x.rules': BROKEN });
    const codes = (args: string[]) => JSON.parse(iptlint(['-f', 'json', ...args, 'x.rules'], { cwd: dir }).stdout).files[0].diagnostics.map((d: { code: string }) => d.code);
    expect(codes([])).toEqual(['IPT125']);
    expect(codes(['--config', 'other.json'])).toEqual(['IPT113']);
    expect(codes(['--no-config'])).toEqual(['IPT113', 'IPT125']);
  });

  it('refuses a YAML config by name instead of ignoring it', () => {
    const dir = scratch({ '.iptlintrc.yaml': 'checks:\n  IPT125: off\n', 'x.rules': CLEAN });
    const r = iptlint(['x.rules'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('iptlint: .iptlintrc.yaml: iptlint reads only .iptlintrc.json (JSON); rename it and write it as JSON\n');
  });
});

describe('bad configurations exit 2 with a message naming the key', () => {
  const cases: [string, string, RegExp][] = [
    ['not JSON', '{ "checks": { IPT113: "off" } }', /^iptlint: \.iptlintrc\.json: not valid JSON: /],
    ['unknown top-level key', json({ severity: {} }), /unknown key 'severity' \(known keys: checks, family,/],
    ['unknown nested key', json({ kernel: { configs: 'x' } }), /unknown key 'kernel\.configs' \(known keys of 'kernel': config, modules,/],
    ['bad severity', json({ checks: { IPT113: 'fatal' } }), /'checks\.IPT113' must be one of off, info, warning, error \(got "fatal"\)/],
    ['unknown check', json({ checks: { IPT999: 'off' } }), /'checks\.IPT999' is not an iptlint check/],
    ['malformed check key', json({ checks: { 'Not A Code': 'off' } }), /'checks\.Not A Code' is not a check code or name/],
    ['wrong type', json({ exclude: 'legacy/**' }), /'exclude' must be an array \(got "legacy\/\*\*"\)/],
    ['wrong item type', json({ kernel: { config: ['a', 3] } }), /'kernel\.config' must be a string or an array of strings/],
    ['bad threshold', json({ failureThreshold: 'hint' }), /'failureThreshold' must be one of error, warning, info/],
    ['negative maxWarnings', json({ maxWarnings: -1 }), /'maxWarnings' must be at least 0/],
    ['fractional maxWarnings', json({ maxWarnings: 1.5 }), /'maxWarnings' must be an integer \(got 1\.5\)/],
    ['top level not an object', '[]', /the configuration must be an object \(got an array\)/],
  ];
  it.each(cases)('%s', (_name, text, message) => {
    const dir = scratch({ '.iptlintrc.json': text, 'x.rules': CLEAN });
    const r = iptlint(['x.rules'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('a missing --config file', () => {
    const r = iptlint(['--config', 'nope.json', 'x.rules'], { cwd: scratch({ 'x.rules': CLEAN }) });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('iptlint: nope.json: cannot read configuration: no such file or directory\n');
  });
});

describe('CLI flags override the config', () => {
  it('--failure-threshold and --family beat the file', () => {
    const dir = scratch({ '.iptlintrc.json': json({ failureThreshold: 'warning', family: 'ipv6' }), 'x.rules': BROKEN.replace('--dport 22 ', '-p tcp --dport 22 ') });
    expect(iptlint(['x.rules'], { cwd: dir }).code).toBe(1);
    expect(iptlint(['--failure-threshold', 'error', 'x.rules'], { cwd: dir }).code).toBe(0);
    expect(JSON.parse(iptlint(['-f', 'json', 'x.rules'], { cwd: dir }).stdout).files[0].family).toBe('ipv6');
    expect(JSON.parse(iptlint(['-f', 'json', '--family', 'ipv4', 'x.rules'], { cwd: dir }).stdout).files[0].family).toBe('ipv4');
  });

  it('maxWarnings in the config, and --max-warnings over it', () => {
    const warnOnly = CLEAN.replace(/\n$/, '');
    const dir = scratch({ '.iptlintrc.json': json({ maxWarnings: 0 }), 'x.rules': warnOnly });
    const r = iptlint(['x.rules'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/1 warning in files covered by \.iptlintrc\.json, more than its maxWarnings 0/);
    expect(iptlint(['--max-warnings', '1', 'x.rules'], { cwd: dir }).code).toBe(0);
  });
});

describe('include and exclude', () => {
  const tree = {
    '.iptlintrc.json': json({ include: ['fw/**/*.fw'], exclude: ['fw/legacy', 'fw/skip-*.fw'] }),
    'fw/a.fw': CLEAN,
    'fw/skip-me.fw': BROKEN,
    'fw/legacy/old.fw': BROKEN,
    'fw/rules.v4': BROKEN,
  };

  it('a directory expands to the include patterns minus the excluded files', () => {
    const dir = scratch(tree);
    const r = iptlint(['-f', 'json', 'fw'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).files.map((f: { path: string }) => f.path)).toEqual([path.join('fw', 'a.fw')]);
  });

  it('excluded files are skipped even when named', () => {
    const dir = scratch(tree);
    const r = iptlint(['fw/legacy/old.fw', 'fw/skip-me.fw', 'fw/a.fw'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('no problems in 1 file\n');
  });

  it('patterns are relative to the config file, not the working directory', () => {
    const dir = scratch(tree);
    const r = iptlint(['-f', 'json', '.'], { cwd: path.join(dir, 'fw') });
    expect(JSON.parse(r.stdout).files.map((f: { path: string }) => f.path)).toEqual(['a.fw']);
  });
});

describe('schema', () => {
  it('the published schema file is the one iptlint validates with', () => {
    const published = JSON.parse(readFileSync(path.join(ROOT, 'schema/iptlintrc.schema.json'), 'utf8'));
    expect(published).toEqual(JSON.parse(JSON.stringify(CONFIG_SCHEMA)));
  });

  it('accepts a full example config', () => {
    const example = {
      $schema: './node_modules/iptlint/schema/iptlintrc.schema.json',
      checks: { IPT125: 'off', 'duplicate-table': 'error' },
      family: 'ipv4',
      backend: 'nft',
      iptablesVersion: '1.8.9',
      ipsets: 'ipsets.save',
      kernel: { config: ['kernel/config-6.1', 'kernel/config-6.12'], modules: 'kernel/lsmod.txt', release: '6.1.0-13-amd64', enabled: true, autoload: false },
      include: ['**/*.rules'],
      exclude: ['legacy/**'],
      failureThreshold: 'warning',
      maxWarnings: 0,
    };
    expect(validate(example)).toEqual([]);
  });
});

describe('kernel inputs', () => {
  const kernelConfig = readFileSync(path.join(ROOT, 'test/fixtures/kernels/config-6.12.117+deb12-amd64'), 'utf8');
  const ulog = '# Generated by iptables-save v1.8.9 (nf_tables)\n*filter\n-A INPUT -j ULOG\nCOMMIT\n';
  const kernelFindings = (stdout: string) =>
    (JSON.parse(stdout).files[0].diagnostics as { code: string; kernel?: string }[]).filter((d) => d.code.startsWith('IPT4')).map((d) => `${d.code}:${d.kernel?.startsWith('6.12') ? '6.12' : d.kernel}`);

  it('a kernel config named in .iptlintrc.json is found relative to the config file', () => {
    const dir = scratch({ 'ci/.iptlintrc.json': json({ kernel: { config: '../kernel/config-6.12' } }), 'kernel/config-6.12': kernelConfig, 'ci/fw/ulog.rules': ulog });
    const r = iptlint(['-f', 'json', 'fw/ulog.rules'], { cwd: path.join(dir, 'ci') });
    expect(kernelFindings(r.stdout)).toEqual(['IPT402:6.12']);
    // --no-kernel and kernel.enabled=false both switch the kernel checks off.
    expect(kernelFindings(iptlint(['-f', 'json', '--no-kernel', 'fw/ulog.rules'], { cwd: path.join(dir, 'ci') }).stdout)).toEqual([]);
  });

  it('--kernel-config on the command line wins, and SARIF carries the kernel as a result property', () => {
    const dir = scratch({ '.iptlintrc.json': json({ kernel: { config: 'missing-config' } }), 'k/config': kernelConfig, 'ulog.rules': ulog });
    const broken = iptlint(['ulog.rules'], { cwd: dir });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/missing-config: cannot read/);
    const r = iptlint(['-f', 'sarif', '--kernel-config', 'k/config', 'ulog.rules'], { cwd: dir });
    const result = JSON.parse(r.stdout).runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'IPT402');
    expect(result.properties).toMatchObject({ kernel: expect.stringMatching(/^6\.12/), extension: 'ULOG' });
  });
});
