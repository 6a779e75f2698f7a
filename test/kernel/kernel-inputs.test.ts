/** The CLI's kernel inputs: files, gzip, directories, pairing, running kernel, one-line errors. */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { CliError } from '../../src/cli/errors.js';
import { detectRunningKernel, loadIpsets, loadKernelProfiles } from '../../src/cli/kernel-inputs.js';
import { checkKernelModules } from '../../src/checks/kernel-modules.js';
import { lint } from '../../src/lint.js';
import { Collect, configPath, KERNELS, lsmod, modulesDir, switchOff } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'iptlint-kin-'));
const rel61 = KERNELS['6.1'].release;
const rel612 = KERNELS['6.12'].release;
// /lib/modules/<release> trees and configs under a fake root.
for (const k of ['6.1', '6.12'] as const) {
  cpSync(modulesDir(k), join(dir, 'lib/modules', KERNELS[k].release), { recursive: true });
  mkdirSync(join(dir, 'boot'), { recursive: true });
  cpSync(configPath(k), join(dir, 'boot', `config-${KERNELS[k].release}`));
}
// A gzipped config with recent switched off, as /proc/config.gz holds it.
mkdirSync(join(dir, 'proc'), { recursive: true });
writeFileSync(join(dir, 'proc/config.gz'), gzipSync(switchOff(readFileSync(configPath('6.1'), 'utf8'), 'CONFIG_NETFILTER_XT_MATCH_RECENT')));
writeFileSync(join(dir, 'lsmod.txt'), lsmod(['x_tables', 'ip_tables', 'iptable_filter']));
writeFileSync(join(dir, 'rules.v4'), '*filter\n-A INPUT -j ACCEPT\nCOMMIT\n');
writeFileSync(join(dir, 'binary.gz'), Buffer.from([0x1f, 0x8b, 1, 2, 3]));
mkdirSync(join(dir, 'empty-dir'));

const load = (o: Partial<{ kernelConfig: string[]; modules: string[]; kernelRelease: string[] }>) =>
  loadKernelProfiles({ kernelConfig: [], modules: [], kernelRelease: [], cwd: dir, ...o });

describe('loadKernelProfiles', () => {
  test('config + modules directory of the same release make one profile', async () => {
    const ps = await load({ kernelConfig: [`boot/config-${rel61}`], modules: [`lib/modules/${rel61}`, 'lsmod.txt'] });
    expect(ps).toHaveLength(1);
    const [p] = ps;
    expect(p.label).toBe(rel61);
    expect(p.config?.symbols.get('CONFIG_NETFILTER_XT_MATCH_RECENT')?.value).toBe('m');
    expect(p.installed?.has('xt_recent')).toBe(true);
    expect(p.aliases?.length).toBeGreaterThan(250);
    expect(p.loaded?.has('iptable_filter')).toBe(true);
    expect(p.sources.map((s) => s.kind)).toEqual(['config', 'modules-directory', 'modules.builtin', 'modules.order', 'modules.dep', 'modules.alias', 'lsmod']);
    expect(p.installed?.get('xt_recent')?.file).toBe(`lib/modules/${rel61}/modules.dep`);
  });

  test('gzipped config: read, release from the header version', async () => {
    const [p] = await load({ kernelConfig: ['proc/config.gz'] });
    expect(p.label).toBe('6.1.192');
    expect(p.config?.symbols.get('CONFIG_NETFILTER_XT_MATCH_RECENT')?.value).toBe('n');
    // ... and the finding points into it.
    const r = new Collect();
    checkKernelModules(lint('*filter\n-A INPUT -m recent --rcheck -j DROP\nCOMMIT\n').file, { kernels: [p], backend: 'legacy' }, r);
    expect(r.diagnostics.map((d) => [d.code, d.line, d.start, d.end, d.related?.[0]?.file])).toEqual([['IPT401', 1, 12, 18, 'proc/config.gz']]);
  });

  test('two kernels: configs and directories paired by release; findings name each', async () => {
    const ps = await load({ kernelConfig: [`boot/config-${rel61}`, `boot/config-${rel612}`], modules: [`lib/modules/${rel612}`, `lib/modules/${rel61}`] });
    expect(ps.map((p) => [p.label, p.installed?.size ? 'dep' : 'none'])).toEqual([
      [rel61, 'dep'],
      [rel612, 'dep'],
    ]);
    expect(ps[1].installed?.get('xt_recent')?.path).toBe('kernel/net/netfilter/xt_recent.ko.xz');
  });

  test('without a config, loose files join the one modules directory', async () => {
    const ps = await load({ modules: ['lsmod.txt', `lib/modules/${rel612}`] });
    expect(ps.map((p) => [p.label, p.loaded?.has('iptable_filter'), p.installed?.has('xt_recent')])).toEqual([[rel612, true, true]]);
    const loose = await load({ modules: ['lsmod.txt'], kernelRelease: [rel61] });
    expect(loose.map((p) => [p.label, p.loaded?.size])).toEqual([[rel61, 3]]);
    await expect(load({ modules: ['lsmod.txt', `lib/modules/${rel61}`, `lib/modules/${rel612}`] })).rejects.toThrow('lsmod.txt: cannot tell which of the 2 kernels it belongs to');
  });

  test('--kernel-release alone, and paired with a config', async () => {
    expect((await load({ kernelRelease: ['6.12.57+deb13-amd64'] })).map((p) => p.label)).toEqual(['6.12.57+deb13-amd64']);
    const [p] = await load({ kernelConfig: ['proc/config.gz'], kernelRelease: ['6.1.0-13-amd64'] });
    expect(p.label).toBe('6.1.0-13-amd64');
  });

  const errors: [string, Parameters<typeof load>[0], string][] = [
    ['missing config', { kernelConfig: ['boot/config-none'] }, 'boot/config-none: cannot read: no such file or directory'],
    ['rules file as config', { kernelConfig: ['rules.v4'] }, 'rules.v4:1: not a kernel config (expected CONFIG_NAME=value or a comment)'],
    ['corrupt gzip', { kernelConfig: ['binary.gz'] }, 'binary.gz: cannot read: corrupt gzip data'],
    ['empty directory', { modules: ['empty-dir'] }, 'empty-dir: not a kernel modules directory (no modules.builtin, modules.order, modules.dep, modules.alias)'],
    ['rules file as modules', { modules: ['rules.v4'] }, 'rules.v4: not a modules file'],
    [
      'ambiguous pairing',
      { kernelConfig: [`boot/config-${rel61}`, `boot/config-${rel612}`], modules: ['lsmod.txt'] },
      'lsmod.txt: cannot tell which of the 2 kernel configs it belongs to',
    ],
    ['too many releases', { kernelConfig: ['proc/config.gz'], kernelRelease: ['a', 'b'] }, '--kernel-release was given 2 times for 1 kernels'],
  ];
  test.each(errors)('%s → one-line CliError', async (_n, input, message) => {
    const p = load(input);
    await expect(p).rejects.toBeInstanceOf(CliError);
    await expect(p).rejects.toThrow(message);
    await p.catch((e: Error) => expect(e.message).not.toContain('\n'));
  });
});

describe('detectRunningKernel', () => {
  test('uses /proc/config.gz and /lib/modules/<release>, and says so', async () => {
    const r = await detectRunningKernel(dir, rel61, 'linux');
    expect(r.used).toEqual(['/proc/config.gz', `/lib/modules/${rel61}`]);
    expect(r.profiles.map((p) => p.label)).toEqual([rel61]);
    expect(r.profiles[0].config?.file).toBe('/proc/config.gz');
  });
  test('falls back to /boot/config-<release>', async () => {
    const root = mkdtempSync(join(tmpdir(), 'iptlint-root-'));
    mkdirSync(join(root, 'boot'));
    cpSync(configPath('6.12'), join(root, 'boot', `config-${rel612}`));
    const r = await detectRunningKernel(root, rel612, 'linux');
    expect(r.used).toEqual([`/boot/config-${rel612}`]);
    expect(r.profiles[0].config?.version).toBe('6.12.117');
  });
  test('nothing found, or not Linux: skipped with one line saying why', async () => {
    const none = await detectRunningKernel(join(dir, 'empty-dir'), '6.5.0-1-amd64', 'linux');
    expect(none.profiles).toEqual([]);
    expect(none.skipped).toBe('kernel checks skipped: no config or modules directory for the running kernel 6.5.0-1-amd64 (looked for /proc/config.gz, /boot/config-6.5.0-1-amd64, /lib/modules/6.5.0-1-amd64)');
    const mac = await detectRunningKernel('/', '23.1.0', 'darwin');
    expect(mac.skipped).toBe('kernel checks skipped: not running on Linux (darwin); pass --kernel-config or --modules');
  });
});

test('loadIpsets reads ipset save output', async () => {
  writeFileSync(join(dir, 'sets'), 'create bl hash:ip family inet\n');
  expect([...(await loadIpsets('sets', dir))]).toEqual([['bl', { type: 'hash:ip', line: 0, file: 'sets' }]]);
  await expect(loadIpsets('nope', dir)).rejects.toThrow('nope: cannot read: no such file or directory');
});
