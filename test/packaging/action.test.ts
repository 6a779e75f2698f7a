/**
 * action.yml's own shell steps, run locally the way the Actions runner runs
 * them (inputs as environment variables, GITHUB_OUTPUT a file), against the
 * built CLI. The YAML is read with PyYAML (installed with Debian's pre-commit).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { BIN, BROKEN, CLEAN, ROOT, scratch } from '../cli/run.js';

vi.setConfig({ testTimeout: 120_000 });

interface Step { name?: string; id?: string; uses?: string; run?: string; env?: Record<string, string>; shell?: string; if?: string }
interface Action { inputs: Record<string, { default?: string }>; runs: { using: string; steps: Step[] } }

function loadYaml(file: string): unknown {
  const r = spawnSync('python3', ['-c', 'import json, sys, yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1]))))', file], { encoding: 'utf8' });
  if (r.status !== 0) return undefined;
  return JSON.parse(r.stdout);
}

const action = loadYaml(path.join(ROOT, 'action.yml')) as Action | undefined;

describe('action.yml', () => {
  it('is a composite action whose expressions only use declared inputs', (ctx) => {
    if (!action) return ctx.skip();
    expect(action.runs.using).toBe('composite');
    const text = readFileSync(path.join(ROOT, 'action.yml'), 'utf8');
    const used = [...text.matchAll(/inputs\.([a-z-]+)/g)].map((m) => m[1]);
    for (const name of used) expect(Object.keys(action.inputs), `inputs.${name}`).toContain(name);
    for (const step of action.runs.steps) if (step.run) expect(step.shell, step.name).toBe('bash');
  });

  it('builds what it runs: the command package.json names, with the program that command starts', (ctx) => {
    if (!action) return ctx.skip();
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    const lint = action.runs.steps.find((s) => s.id === 'lint')!;
    expect(lint.env?.IPTLINT).toBe(`\${{ github.action_path }}/${pkg.bin.iptlint}`);
    // tsc alone leaves the command without its bundled program (scripts/bundle.mjs): `npm run build` makes both.
    const build = action.runs.steps.find((s) => s.run && s.run.includes('npm ci'))!;
    expect(build.run).toMatch(/&& npm run build\s*$/);
  });

  /** Runs the Lint step with the inputs the runner would substitute. */
  function lintStep(inputs: Record<string, string>, cwd: string) {
    const step = action!.runs.steps.find((s) => s.id === 'lint')!;
    const output = path.join(cwd, 'github-output');
    rmSync(output, { force: true });
    const values = { ...Object.fromEntries(Object.entries(action!.inputs).map(([k, v]) => [k, v.default ?? ''])), ...inputs };
    // An empty root for the running-kernel lookup: this host's kernel is not what the test is about.
    const env: Record<string, string> = { ...(process.env as Record<string, string>), GITHUB_OUTPUT: output, IPTLINT_SYSROOT: path.join(ROOT, 'test/fixtures/cli/empty-root') };
    for (const [k, v] of Object.entries(step.env ?? {})) {
      env[k] = v.replace(/\$\{\{\s*github\.action_path\s*\}\}\/dist\/src\/cli\/bin\.cjs/, BIN).replace(/\$\{\{\s*inputs\.([a-z-]+)\s*\}\}/g, (_m, name: string) => values[name] ?? '');
    }
    const r = spawnSync('bash', ['-e', '-c', step.run!], { cwd, env, encoding: 'utf8' });
    return { ...r, output: existsSync(output) ? readFileSync(output, 'utf8') : '', sarif: path.join(cwd, values['sarif-file']) };
  }

  it('annotates, writes SARIF and records a failing status for a broken ruleset', (ctx) => {
    if (!action) return ctx.skip();
    const dir = scratch({ 'fw/rules.v4': CLEAN, 'fw/broken.rules': BROKEN });
    const r = lintStep({ files: 'fw/' }, dir);
    expect(r.status, r.stderr).toBe(0);
    expect(r.output).toBe('status=1\n');
    expect(r.stdout).toMatch(/^::error file=fw\/broken\.rules,line=3,col=10,.*title=IPT113::/m);
    expect(JSON.parse(readFileSync(r.sarif, 'utf8')).runs[0].results[0].ruleId).toBe('IPT113');
  });

  it('passes the failure threshold and extra arguments through', (ctx) => {
    if (!action) return ctx.skip();
    const dir = scratch({ 'fw/rules.v4': CLEAN.replace(/\n$/, ''), 'cfg.json': '{"checks":{"IPT125":"off"}}' });
    expect(lintStep({ files: 'fw', 'failure-threshold': 'warning' }, dir).output).toBe('status=1\n');
    expect(lintStep({ files: 'fw', 'failure-threshold': 'warning', args: '--config cfg.json' }, dir).output).toBe('status=0\n');
  });
});
