/** The kernel input readers on the real files, and their one-line errors. */
import { describe, expect, test } from 'vitest';
import { readIpsetSave } from '../../src/kernel/ipset.js';
import { KernelInputError, moduleFromPath, resolveRequest } from '../../src/kernel/profile.js';
import { detectModulesKind, profileFromConfig, readKernelConfig, readLoadedModules, readModuleList, readModulesAlias, readModulesDep } from '../../src/kernel/readers.js';
import { fixtureText, KERNELS, lsmod, profile } from './helpers.js';

describe.each(['6.1', '6.12'] as const)('kernel %s files', (k) => {
  test('config: version from the header, symbols with 0-based lines, "is not set" as n', () => {
    const text = fixtureText(k, 'config');
    const cfg = readKernelConfig(text, 'cfg');
    expect(cfg.version).toBe(KERNELS[k].version);
    const lines = text.split('\n');
    const recent = cfg.symbols.get('CONFIG_NETFILTER_XT_MATCH_RECENT')!;
    expect(recent.value).toBe('m');
    expect(lines[recent.line]).toBe('CONFIG_NETFILTER_XT_MATCH_RECENT=m');
    const unset = [...cfg.symbols.values()].find((s) => s.value === 'n')!;
    expect(lines[unset.line]).toBe(`# ${unset.symbol} is not set`);
    expect(cfg.symbols.get('CONFIG_NETFILTER')?.value).toBe('y');
  });

  test('profile from /boot/config-<release> takes the release from the name', () => {
    const p = profileFromConfig(fixtureText(k, 'config'), `/boot/config-${KERNELS[k].release}`);
    expect(p).toMatchObject({ label: KERNELS[k].release, release: KERNELS[k].release, version: KERNELS[k].version });
    const q = profileFromConfig(fixtureText(k, 'config'), '/proc/config.gz');
    expect(q.label).toBe(KERNELS[k].version);
  });

  test('modules.dep: modules, their dependencies, and modules known only as dependencies', () => {
    const dep = readModulesDep(fixtureText(k, 'modules.dep'), 'modules.dep');
    expect(dep.get('xt_conntrack')?.depends).toEqual(expect.arrayContaining(['nf_conntrack', 'x_tables', 'libcrc32c']));
    expect(dep.has('libcrc32c')).toBe(true);
    expect(dep.has('bridge')).toBe(true);
  });

  test('modules.builtin and modules.order', () => {
    const order = readModuleList(fixtureText(k, 'modules.order'), 'modules.order');
    expect(order.get('xt_recent')?.path).toBe('kernel/net/netfilter/xt_recent.ko');
    const builtin = readModuleList(fixtureText(k, 'modules.builtin'), 'modules.builtin');
    expect(builtin.has('xt_recent')).toBe(false);
    expect(builtin.size).toBeGreaterThan(100);
  });

  test('modules.alias resolves the kernel\'s requests', () => {
    const p = profile(k, { alias: fixtureText(k, 'modules.alias') });
    expect(p.aliases?.length).toBeGreaterThan(250);
    const icmp = resolveRequest(p, 'ipt_icmp');
    expect(icmp !== 'none' && icmp?.module).toBe(k === '6.1' ? 'ip_tables' : 'xt_tcpudp');
    const ct = resolveRequest(p, 'ipt_NOTRACK');
    expect(ct !== 'none' && ct?.module).toBe('xt_CT');
    expect(resolveRequest(p, 'ipt_ULOG')).toBe('none');
  });

  test('format detection by name and by content', () => {
    expect(detectModulesKind(fixtureText(k, 'modules.dep'), 'x/modules.dep')).toBe('modules.dep');
    expect(detectModulesKind(fixtureText(k, 'modules.dep'), 'deps.txt')).toBe('modules.dep');
    expect(detectModulesKind(fixtureText(k, 'modules.alias'), 'a.txt')).toBe('modules.alias');
    expect(detectModulesKind(fixtureText(k, 'modules.order'), 'x/modules.order')).toBe('modules.order');
    expect(detectModulesKind(fixtureText(k, 'modules.builtin'), 'x/modules.builtin')).toBe('modules.builtin');
    expect(detectModulesKind(lsmod(['xt_recent']), 'loaded.txt')).toBe('lsmod');
  });
});

describe('loaded modules', () => {
  test('lsmod output and /proc/modules', () => {
    const l = readLoadedModules('Module                  Size  Used by\nxt_recent              24576  1\nnf-conntrack  188416  3 xt_conntrack,nf_nat\n', 'lsmod.txt');
    expect([...l.keys()]).toEqual(['xt_recent', 'nf_conntrack']);
    expect(l.get('nf_conntrack')?.line).toBe(2);
    const proc = readLoadedModules('xt_recent 24576 1 - Live 0x0000000000000000\nx_tables 61440 5 xt_recent, Live 0x0000000000000000\n', '/proc/modules');
    expect([...proc.keys()]).toEqual(['xt_recent', 'x_tables']);
    expect(detectModulesKind('xt_recent 24576 1 - Live 0x0000000000000000\n', '/proc/modules')).toBe('proc-modules');
  });
});

describe('errors name the file and line', () => {
  const cases: [string, () => unknown, string][] = [
    ['rules file as config', () => readKernelConfig('*filter\n-A INPUT -j ACCEPT\n', 'rules.v4'), 'rules.v4:1: not a kernel config (expected CONFIG_NAME=value or a comment)'],
    ['empty config', () => readKernelConfig('# nothing\n', 'empty'), 'empty: not a kernel config (no CONFIG_ lines)'],
    ['bad lsmod line', () => readLoadedModules('Module Size Used by\nhello world\n', 'l'), 'l:2: not lsmod output or /proc/modules (expected "NAME SIZE USED …")'],
    ['bad modules.dep', () => readModulesDep('nonsense\n', 'modules.dep'), 'modules.dep:1: not a modules.dep file (expected "module.ko: deps…")'],
    ['bad modules.alias', () => readModulesAlias('alias only\n', 'modules.alias'), 'modules.alias:1: not a modules.alias file (expected "alias PATTERN MODULE")'],
    ['unknown modules file', () => detectModulesKind('hello\n', 'notes.txt'), 'notes.txt: not a modules file (expected lsmod output, /proc/modules, modules.builtin, modules.order, modules.dep or modules.alias)'],
    ['bad ipset', () => readIpsetSave('*filter\n', 'sets'), 'sets:1: not "ipset save" output (unexpected "*filter")'],
  ];
  test.each(cases)('%s', (_name, fn, message) => {
    expect(fn).toThrow(KernelInputError);
    expect(fn).toThrow(message);
  });
});

test('ipset save: set names and types with lines', () => {
  const sets = readIpsetSave('create blocklist hash:net family inet hashsize 1024 maxelem 65536\nadd blocklist 10.0.0.0/8\ncreate ports bitmap:port range 0-1024\n', 'ipsets.save');
  expect([...sets]).toEqual([
    ['blocklist', { type: 'hash:net', line: 0, file: 'ipsets.save' }],
    ['ports', { type: 'bitmap:port', line: 2, file: 'ipsets.save' }],
  ]);
});

test('module names from paths', () => {
  expect(moduleFromPath('kernel/net/netfilter/xt_recent.ko.xz')).toBe('xt_recent');
  expect(moduleFromPath('kernel/drivers/net/ethernet/intel/e1000e/e1000e.ko')).toBe('e1000e');
  expect(moduleFromPath('kernel/fs/nls/nls-cp437.ko')).toBe('nls_cp437');
});
