/**
 * The generated reference data agrees with the raw depmod output of the same
 * kernels (the fixtures): every extension's module answers the kernel's
 * request in modules.alias (or is the module of that name), and is installed.
 */
import { describe, expect, test } from 'vitest';
import { referenceKernels } from '../../src/kernel/data/index.js';
import { resolveRequest } from '../../src/kernel/profile.js';
import { fixtureText, profile, type KernelKey } from './helpers.js';

describe.each(referenceKernels.map((r) => [r.release, r] as const))('%s', (release, ref) => {
  const k: KernelKey = release.startsWith('6.1.') ? '6.1' : '6.12';
  const p = profile(k, { dep: fixtureText(k, 'modules.dep'), alias: fixtureText(k, 'modules.alias') });
  const cfg = profile(k, { config: fixtureText(k, 'config') }).config!;

  // `standard` (ACCEPT, DROP, …) lives in ip_tables itself and is never requested by name.
  const extensions = Object.entries(ref.extensions).filter(([key, f]) => f.module && f.requests?.length && !key.endsWith('/standard'));
  test.each(extensions)('%s', (_key, fact) => {
    const answers = fact.requests!.map((r) => resolveRequest(p, r)).filter((a) => a && a !== 'none') as { module: string }[];
    expect(answers.map((a) => a.module)).toContain(fact.module);
    expect(p.installed!.has(fact.module!)).toBe(true);
    expect(cfg.symbols.get(fact.config!)?.value).toMatch(/^[ym]$/);
  });

  test('every table module is installed and configured', () => {
    for (const t of Object.values(ref.tables)) {
      expect(p.installed!.has(t.module)).toBe(true);
      expect(cfg.symbols.get(t.config)?.value).toBe('m');
    }
  });

  test('every ipset type module is installed and configured', () => {
    for (const [type, t] of Object.entries(ref.ipsetTypes)) {
      expect(resolveRequest(p, `ip_set_${type}`)).toMatchObject({ module: t.module });
      expect(cfg.symbols.get(t.config)?.value).toBe('m');
    }
  });

  test('the config header matches the data version', () => {
    expect(cfg.version).toBe(ref.version);
  });
});
