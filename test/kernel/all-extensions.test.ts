/**
 * Every extension of both reference kernels, both families and both backends:
 * with its CONFIG symbol switched off in the real config, the finding lands on
 * the extension's name token and names the module and symbol the kernel uses.
 */
import { describe, expect, test } from 'vitest';
import { checkKernelModules } from '../../src/checks/kernel-modules.js';
import { referenceKernels } from '../../src/kernel/data/index.js';
import type { Backend } from '../../src/lint-options.js';
import { lint } from '../../src/lint.js';
import { Collect, fixtureText, profile, switchOff, type KernelKey } from './helpers.js';

const keyOf = (release: string): KernelKey => (release.startsWith('6.1.') ? '6.1' : '6.12');

const TABLE_FOR: Record<string, string> = { DNAT: 'nat', SNAT: 'nat', MASQUERADE: 'nat', REDIRECT: 'nat', NETMAP: 'nat', DNPT: 'mangle', SNPT: 'mangle', CT: 'raw', NOTRACK: 'raw' };
const PROTO_FOR: Record<string, string> = { tcp: 'tcp', udp: 'udp', icmp: 'icmp', icmp6: 'ipv6-icmp', sctp: 'sctp', dccp: 'dccp', esp: 'esp', ah: 'ah', mh: 'mh' };

interface Case {
  kernel: KernelKey;
  release: string;
  family: 'ipv4' | 'ipv6';
  kind: 'match' | 'target';
  name: string;
  module: string;
  config: string;
  nftNative: boolean;
}

const cases: Case[] = [];
for (const ref of referenceKernels) {
  for (const [key, fact] of Object.entries(ref.extensions)) {
    const [family, kind, name] = key.split('/') as ['ipv4' | 'ipv6', 'match' | 'target', string];
    if (name === 'standard' || !fact.module || !fact.config) continue;
    cases.push({ kernel: keyOf(ref.release), release: ref.release, family, kind, name, module: fact.module, config: fact.config, nftNative: fact.nft.native });
  }
}

function ruleFor(c: Case): { text: string; start: number; end: number } {
  const table = c.kind === 'target' ? TABLE_FOR[c.name] ?? 'mangle' : 'filter';
  const chain = table === 'nat' || table === 'raw' ? 'PREROUTING' : 'INPUT';
  const proto = PROTO_FOR[c.name] ? `-p ${PROTO_FOR[c.name]} ` : '';
  const prefix = `-A ${chain} ${proto}${c.kind === 'match' ? '-m' : '-j'} `;
  const line = `${prefix}${c.name}${c.kind === 'match' ? ' -j ACCEPT' : ''}`;
  return { text: `*${table}\n${line}\nCOMMIT\n`, start: prefix.length, end: prefix.length + c.name.length };
}

const configs = new Map<string, string>();
const configOf = (k: KernelKey) => configs.get(k) ?? (configs.set(k, fixtureText(k, 'config')), configs.get(k)!);

describe.each(['legacy', 'nft'] as Backend[])('backend %s', (backend) => {
  test.each(cases)('$release $family $kind $name → $module ($config)', (c) => {
    const { text, start, end } = ruleFor(c);
    const file = lint(text, { family: c.family }).file;
    const p = profile(c.kernel, { config: switchOff(configOf(c.kernel), c.config) });
    const r = new Collect();
    checkKernelModules(file, { kernels: [p], backend }, r);
    const onRule = r.diagnostics.filter((d) => d.line === 1 && d.start === start && d.data?.module === c.module);
    if (backend === 'nft' && c.nftNative) {
      // Translated to nf_tables expressions: the xt module is not needed at all.
      expect(onRule).toEqual([]);
      return;
    }
    expect(onRule.map((d) => [d.code, d.line, d.start, d.end, d.data?.config, d.data?.kernel])).toEqual([['IPT401', 1, start, end, c.config, c.release]]);
  });
});

test('the table covers both kernels and families', () => {
  expect(cases.filter((c) => c.kernel === '6.1').length).toBeGreaterThan(170);
  expect(cases.filter((c) => c.kernel === '6.12').length).toBeGreaterThan(170);
  expect(new Set(cases.map((c) => c.family))).toEqual(new Set(['ipv4', 'ipv6']));
});
