/**
 * The package as users get it: `npm pack`, install the tarball into a scratch
 * project, and run the installed command and library from there.
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BROKEN, CLEAN, ROOT } from '../cli/run.js';

function run(cmd: string, args: string[], opts: SpawnSyncOptions = {}) {
  // An empty root for the running-kernel lookup, so that this host's kernel stays out of the expectations.
  const env = { ...process.env, IPTLINT_SYSROOT: path.join(ROOT, 'test/fixtures/cli/empty-root'), ...opts.env };
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 300_000, ...opts, env });
  return { code: r.status, stdout: String(r.stdout ?? ''), stderr: String(r.stderr ?? '') + (r.error ? String(r.error) : '') };
}

const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

describe('npm package', { timeout: 600_000 }, () => {
  const work = mkdtempSync(path.join(tmpdir(), 'iptlint-pack-'));
  // dist/ is already built by `npm test`; --ignore-scripts keeps pack from rebuilding it under other tests' feet.
  const packed = run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], { cwd: ROOT });
  const info = JSON.parse(packed.stdout || '[{}]')[0] as { filename: string; files: { path: string }[] };
  const files = (info.files ?? []).map((f) => f.path);

  it('has package.json metadata for a published CLI', () => {
    for (const key of ['bin', 'exports', 'engines', 'files', 'license', 'repository']) expect(pkg, `package.json needs "${key}"`).toHaveProperty(key);
    expect(pkg.bin.iptlint).toBe('dist/src/cli/bin.cjs');
  });

  it('builds its commands executable, so that `npx iptlint` runs them in a fresh clone', () => {
    for (const file of Object.values(pkg.bin) as string[]) expect(statSync(path.join(ROOT, file)).mode & 0o111, file).toBe(0o111);
  });

  it('contains the built CLI, server, catalog, schema and type declarations, and no tests or fixtures', () => {
    expect(packed.code, packed.stderr).toBe(0);
    for (const f of ['package.json', 'dist/src/cli/bin.cjs', 'dist/src/index.js', 'dist/src/index.d.ts', 'dist/src/catalog/index.js', 'schema/iptlintrc.schema.json']) expect(files).toContain(f);
    expect(files.some((f) => f.startsWith('dist/server/'))).toBe(true);
    const unwanted = files.filter((f) => /(^|\/)(test|tests|fixtures|bench)\//.test(f) || /\.test\.[jt]s$/.test(f) || (/\.ts$/.test(f) && !/\.d\.ts$/.test(f)));
    expect(unwanted).toEqual([]);
  });

  it('installs from the tarball and runs: npx iptlint --version, a clean and a broken lint, the library', (ctx) => {
    const project = mkdtempSync(path.join(tmpdir(), 'iptlint-install-'));
    writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'scratch', version: '1.0.0', private: true, type: 'module' }));
    const install = run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', path.join(work, info.filename)], { cwd: project });
    if (install.code !== 0 && /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|ENOTCACHED|network/i.test(install.stderr)) {
      console.warn(`skipping the install test: the npm registry is not reachable and the dependencies are not cached\n${install.stderr.trim().split('\n').slice(-3).join('\n')}`);
      return ctx.skip();
    }
    expect(install.code, install.stderr).toBe(0);

    expect(run('npx', ['--no-install', 'iptlint', '--version'], { cwd: project }).stdout).toBe(`iptlint ${pkg.version}\n`);
    writeFileSync(path.join(project, 'rules.v4'), CLEAN);
    writeFileSync(path.join(project, 'broken.rules'), BROKEN);
    expect(run('npx', ['--no-install', 'iptlint', 'rules.v4'], { cwd: project })).toMatchObject({ code: 0, stdout: 'no problems in 1 file\n' });
    const broken = run('npx', ['--no-install', 'iptlint', '--format', 'sarif', 'broken.rules'], { cwd: project });
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.stdout).runs[0].results[0].ruleId).toBe('IPT113');
    // The rule documentation travels with the package.
    expect(run('npx', ['--no-install', 'iptlint', 'explain', 'IPT113'], { cwd: project }).code).toBe(0);
    // `iptlint lsp` loads the language server from its own chunk of the CLI bundle.
    const frame = (message: object) => {
      const body = JSON.stringify({ jsonrpc: '2.0', ...message });
      return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    };
    const session = [
      frame({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } }),
      frame({ id: 2, method: 'shutdown' }),
      frame({ method: 'exit' }),
    ].join('');
    const lsp = run('npx', ['--no-install', 'iptlint', 'lsp', '--stdio'], { cwd: project, input: session, timeout: 60_000 });
    expect(lsp.code, lsp.stderr).toBe(0);
    expect(lsp.stdout).toContain('"capabilities"');

    const lib = run(process.execPath, ['--input-type=module', '-e', `import { lint } from 'iptlint'; console.log(lint(${JSON.stringify(BROKEN)}).diagnostics.map((d) => d.code).join(','));`], { cwd: project });
    expect(lib).toMatchObject({ code: 0, stdout: 'IPT113,IPT125\n' });
  });
});
