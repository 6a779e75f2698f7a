/** Check documentation: complete for every code, generated pages up to date, and the explain/rules subcommands. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { documentedChecks, generatedDocs } from '../../src/check-docs.js';
import { CONFIG_SCHEMA } from '../../src/config/schema.js';
import { iptlint, ROOT } from './run.js';

vi.setConfig({ testTimeout: 60_000 });

const REGENERATE = 'regenerate with: npx tsc -p tsconfig.json && node scripts/gen-docs.mjs';

describe('generated documentation', () => {
  it('docs/checks/ matches every check\'s CheckInfo', () => {
    const dir = path.join(ROOT, 'docs/checks');
    const wanted = generatedDocs();
    const present = existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.md')) : [];
    expect(present.sort(), REGENERATE).toEqual([...wanted.keys()].sort());
    for (const [name, text] of wanted) expect(readFileSync(path.join(dir, name), 'utf8'), `docs/checks/${name} is stale; ${REGENERATE}`).toBe(text);
  });

  it('schema/iptlintrc.schema.json matches src/config/schema.ts', () => {
    expect(readFileSync(path.join(ROOT, 'schema/iptlintrc.schema.json'), 'utf8'), REGENERATE).toBe(JSON.stringify(CONFIG_SCHEMA, null, 2) + '\n');
  });

  it('every check documents itself completely, with a unique code and name', () => {
    const checks = documentedChecks();
    expect(new Set(checks.map((c) => c.code)).size).toBe(checks.length);
    expect(new Set(checks.map((c) => c.name)).size).toBe(checks.length);
    for (const c of checks) {
      expect(c.code, c.code).toMatch(/^IPT\d{3}$/);
      expect(c.name, c.code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      for (const field of ['summary', 'description', 'bad', 'good', 'fix'] as const) expect(c[field].trim().length, `${c.code}.${field}`).toBeGreaterThan(0);
      expect(c.bad, `${c.code}: bad and good examples must differ`).not.toBe(c.good);
    }
  });
});

describe('iptlint explain and iptlint rules', () => {
  it('explain prints the documentation of a code or a name', () => {
    const r = iptlint(['explain', 'IPT113']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^IPT113 unknown-option \(error, Syntax and structure\)\n/);
    for (const section of ['WHAT IT FINDS AND WHY IT MATTERS', 'EXAMPLE THAT TRIGGERS IT', 'FIXED', 'HOW TO FIX', '# iptlint disable-next-line IPT113', 'docs/checks/IPT113.md']) expect(r.stdout).toContain(section);
    expect(iptlint(['explain', 'unknown-option']).stdout).toBe(r.stdout);
    expect(iptlint(['explain', 'ipt113']).stdout).toBe(r.stdout);
  });

  it('explain of an unknown code exits 2', () => {
    expect(iptlint(['explain', 'IPT000'])).toMatchObject({ code: 2, stderr: "iptlint: 'IPT000' is not an iptlint check (see 'iptlint rules')\n" });
    expect(iptlint(['explain']).code).toBe(2);
  });

  it('rules lists every check, as a table or as JSON', () => {
    const checks = documentedChecks();
    const table = iptlint(['rules']).stdout.trim().split('\n');
    expect(table[0]).toMatch(/^CODE\s+DEFAULT\s+NAME\s+SUMMARY$/);
    expect(table.slice(1).map((l) => l.split(/\s+/)[0])).toEqual(checks.map((c) => c.code));
    const json = JSON.parse(iptlint(['rules', '--format', 'json']).stdout);
    expect(json.map((c: { code: string }) => c.code)).toEqual(checks.map((c) => c.code));
    expect(json[0]).toHaveProperty('description');
  });
});
