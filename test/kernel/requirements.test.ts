/**
 * What a ruleset needs, resolved against the reference kernels: the cases that
 * surprise people, on both kernels and both backends.
 */
import { describe, expect, test } from 'vitest';
import type { Family } from '../../src/catalog/types.js';
import { referenceKernels } from '../../src/kernel/data/index.js';
import { referenceFor, referenceForRelease } from '../../src/kernel/reference.js';
import { decideBackend, loadOrder, requirementsOf, type Requirement } from '../../src/kernel/requirements.js';
import type { Backend } from '../../src/lint-options.js';
import { lint } from '../../src/lint.js';
import { fixtureText, profile } from './helpers.js';

const ref61 = referenceForRelease('6.1.0-56-amd64');
const ref612 = referenceForRelease('6.12.117+deb12-amd64');

function fileOf(table: string, rule: string, family: Family = 'ipv4') {
  return lint(`*${table}\n-A ${table === 'nat' ? 'PREROUTING' : table === 'raw' ? 'PREROUTING' : 'INPUT'} ${rule}\nCOMMIT\n`, { family }).file;
}

/** The requirement caused by the rule line (line 1), i.e. not the table's. */
function ruleReqs(table: string, rule: string, backend: Backend, kernel: '6.1' | '6.12', family: Family = 'ipv4'): Requirement[] {
  return requirementsOf(fileOf(table, rule, family), { family, backend, ref: kernel === '6.1' ? ref61 : ref612 }).filter((r) => r.span.line === 1);
}

type Row = [kernel: '6.1' | '6.12', family: Family, table: string, rule: string, backend: Backend, module: string | undefined, config: string | undefined, extra: string[]];

// Facts from the Debian kernels' modules.alias/modinfo (see src/kernel/data), per the issue's list.
const rows: Row[] = [
  ['6.1', 'ipv4', 'filter', '-p tcp -m tcp --dport 22 -j ACCEPT', 'legacy', 'xt_tcpudp', 'CONFIG_NETFILTER_XTABLES', ['x_tables']],
  ['6.12', 'ipv4', 'filter', '-p udp -m udp --dport 53 -j ACCEPT', 'legacy', 'xt_tcpudp', 'CONFIG_NETFILTER_XTABLES', ['x_tables']],
  ['6.1', 'ipv4', 'filter', '-p icmp -m icmp --icmp-type 8 -j ACCEPT', 'legacy', 'ip_tables', 'CONFIG_IP_NF_IPTABLES', ['x_tables']],
  ['6.12', 'ipv4', 'filter', '-p icmp -m icmp --icmp-type 8 -j ACCEPT', 'legacy', 'xt_tcpudp', 'CONFIG_NETFILTER_XTABLES', ['x_tables']],
  ['6.1', 'ipv6', 'filter', '-p ipv6-icmp -m icmp6 --icmpv6-type 128 -j ACCEPT', 'legacy', 'ip6_tables', 'CONFIG_IP6_NF_IPTABLES', ['x_tables']],
  ['6.12', 'ipv6', 'filter', '-p ipv6-icmp -m icmp6 --icmpv6-type 128 -j ACCEPT', 'legacy', 'xt_tcpudp', 'CONFIG_NETFILTER_XTABLES', ['x_tables']],
  ['6.1', 'ipv4', 'filter', '-m state --state NEW -j ACCEPT', 'legacy', 'xt_conntrack', 'CONFIG_NETFILTER_XT_MATCH_CONNTRACK', ['nf_conntrack', 'x_tables']],
  ['6.12', 'ipv4', 'filter', '-m state --state NEW -j ACCEPT', 'nft', 'xt_conntrack', 'CONFIG_NETFILTER_XT_MATCH_CONNTRACK', ['nft_compat', 'nf_conntrack']],
  ['6.1', 'ipv4', 'raw', '-p udp -j NOTRACK', 'legacy', 'xt_CT', 'CONFIG_NETFILTER_XT_TARGET_CT', ['nf_conntrack']],
  ['6.12', 'ipv6', 'raw', '-p udp -j NOTRACK', 'nft', 'xt_CT', 'CONFIG_NETFILTER_XT_TARGET_CT', ['nft_compat']],
  ['6.1', 'ipv4', 'nat', '-o eth0 -j MASQUERADE', 'legacy', 'xt_MASQUERADE', 'CONFIG_NETFILTER_XT_TARGET_MASQUERADE', ['nf_nat', 'nf_conntrack']],
  ['6.12', 'ipv4', 'nat', '-o eth0 -j MASQUERADE', 'nft', 'xt_MASQUERADE', 'CONFIG_NETFILTER_XT_TARGET_MASQUERADE', ['nft_compat', 'nf_nat']],
  ['6.1', 'ipv4', 'nat', '-p tcp -j DNAT --to-destination 10.0.0.1', 'legacy', 'xt_nat', 'CONFIG_NETFILTER_XT_NAT', ['nf_nat']],
  ['6.12', 'ipv6', 'nat', '-j SNAT --to-source 2001:db8::1', 'legacy', 'xt_nat', 'CONFIG_NETFILTER_XT_NAT', ['nf_nat']],
  ['6.1', 'ipv4', 'filter', '-j LOG --log-prefix x', 'legacy', 'xt_LOG', 'CONFIG_NETFILTER_XT_TARGET_LOG', ['nf_log_syslog']],
  ['6.12', 'ipv6', 'filter', '-j LOG', 'nft', 'xt_LOG', 'CONFIG_NETFILTER_XT_TARGET_LOG', ['nft_compat', 'nf_log_syslog']],
  ['6.1', 'ipv4', 'filter', '-j NFLOG --nflog-group 1', 'legacy', 'xt_NFLOG', 'CONFIG_NETFILTER_XT_TARGET_NFLOG', ['nfnetlink_log']],
  ['6.12', 'ipv4', 'filter', '-j NFLOG --nflog-group 1', 'nft', 'nft_log', 'CONFIG_NFT_LOG', ['nfnetlink_log', 'nf_tables']],
  ['6.1', 'ipv4', 'filter', '-m physdev --physdev-in eth0 -j ACCEPT', 'legacy', 'xt_physdev', 'CONFIG_NETFILTER_XT_MATCH_PHYSDEV', ['br_netfilter']],
  ['6.1', 'ipv4', 'filter', '-p tcp -j REJECT --reject-with tcp-reset', 'legacy', 'ipt_REJECT', 'CONFIG_IP_NF_TARGET_REJECT', ['nf_reject_ipv4']],
  ['6.12', 'ipv6', 'filter', '-j REJECT', 'legacy', 'ip6t_REJECT', 'CONFIG_IP6_NF_TARGET_REJECT', ['nf_reject_ipv6']],
  ['6.1', 'ipv4', 'filter', '-m set --match-set blocklist src -j DROP', 'legacy', 'xt_set', 'CONFIG_NETFILTER_XT_SET', ['ip_set', 'nfnetlink']],
  ['6.12', 'ipv4', 'filter', '-j SET --add-set seen src', 'nft', 'xt_set', 'CONFIG_NETFILTER_XT_SET', ['nft_compat', 'ip_set']],
  ['6.1', 'ipv4', 'filter', '-m recent --name ssh --rcheck -j DROP', 'legacy', 'xt_recent', 'CONFIG_NETFILTER_XT_MATCH_RECENT', ['x_tables']],
  ['6.1', 'ipv4', 'filter', '-p tcp -m multiport --dports 80,443 -j ACCEPT', 'nft', 'xt_multiport', 'CONFIG_NETFILTER_XT_MATCH_MULTIPORT', ['nft_compat']],
  ['6.1', 'ipv4', 'mangle', '-j MARK --set-mark 1', 'legacy', 'xt_mark', 'CONFIG_NETFILTER_XT_MARK', []],
  ['6.12', 'ipv4', 'filter', '-m limit --limit 5/min -j ACCEPT', 'nft', 'nft_limit', 'CONFIG_NFT_LIMIT', ['nf_tables']],
  ['6.12', 'ipv4', 'filter', '-m limit --limit 5/min -j ACCEPT', 'legacy', 'xt_limit', 'CONFIG_NETFILTER_XT_MATCH_LIMIT', []],
  // iptables-nft translates these natively: no module at all.
  ['6.1', 'ipv4', 'filter', '-p tcp -m tcp --dport 22 -j ACCEPT', 'nft', undefined, undefined, []],
  ['6.12', 'ipv4', 'filter', '-m mark --mark 1 -j ACCEPT', 'nft', undefined, undefined, []],
  // ...except for the options it cannot translate.
  ['6.12', 'ipv4', 'filter', '-p tcp -m tcp --tcp-option 2 -j ACCEPT', 'nft', 'xt_tcpudp', 'CONFIG_NETFILTER_XTABLES', ['nft_compat']],
];

describe('extension requirements', () => {
  test.each(rows)('%s %s %s `%s` (%s) → %s %s', (kernel, family, table, rule, backend, module, config, extra) => {
    const reqs = ruleReqs(table, rule, backend, kernel, family).filter((r) => r.primary);
    const first = reqs.find((r) => r.extension && r.extension.name !== 'tcp' && r.extension.name !== 'udp') ?? reqs[0];
    if (module === undefined) {
      expect(reqs).toEqual([]);
      return;
    }
    expect(first.primary?.module).toBe(module);
    expect(first.primary?.config).toBe(config);
    const deps = first.deps.map((d) => d.module);
    for (const m of extra) expect(deps).toContain(m);
  });

  test('the token of each need: `-m NAME` value, `-j NAME` value, set name', () => {
    const reqs = ruleReqs('filter', '-p tcp -m recent --name ssh --rcheck -j LOG', 'legacy', '6.1');
    expect(reqs.map((r) => [r.what, r.span.start, r.span.end])).toEqual([
      // `-A INPUT -p tcp -m recent --name ssh --rcheck -j LOG`
      ['-m recent', 19, 25],
      ['-j LOG', 49, 52],
    ]);
  });

  test('LOG asks for nf_log_ipv4 / nf_log_ipv6 on kernels before 5.12', () => {
    const p = { label: '5.10.0-30-amd64', release: '5.10.0-30-amd64', sources: [] };
    for (const [family, module, config] of [
      ['ipv4', 'nf_log_ipv4', 'CONFIG_NF_LOG_IPV4'],
      ['ipv6', 'nf_log_ipv6', 'CONFIG_NF_LOG_IPV6'],
    ] as const) {
      const req = requirementsOf(fileOf('filter', '-j LOG', family), { family, backend: 'legacy', ref: referenceFor(p), profile: p }).find((r) => r.what === '-j LOG')!;
      expect(req.deps.find((d) => d.role === 'runtime')).toEqual({ module, config, role: 'runtime', neededBy: 'xt_LOG' });
    }
  });

  test('removed extensions: ULOG on both kernels, CLUSTERIP only on 6.12', () => {
    const ulog = ruleReqs('filter', '-j ULOG', 'legacy', '6.1')[0];
    expect(ulog.removed?.history).toContain('3.17');
    expect(ulog.removed?.replacement).toContain('NFLOG');
    expect(ruleReqs('mangle', '-j CLUSTERIP --new --hashmode sourceip --clustermac 01:00:5e:00:00:20 --total-nodes 2 --local-node 1', 'legacy', '6.1')[0].primary?.module).toBe('ipt_CLUSTERIP');
    const gone = ruleReqs('mangle', '-j CLUSTERIP --new', 'legacy', '6.12')[0];
    expect(gone.primary).toBeUndefined();
    expect(gone.removed?.replacement).toContain('cluster');
  });

  test('the kernel\'s own modules.alias decides the module (icmp on a 6.12 alias file)', () => {
    const p = profile('6.12', { alias: fixtureText('6.12', 'modules.alias') });
    // Forced onto the 6.1 reference, the 6.12 alias file still wins.
    const req = requirementsOf(fileOf('filter', '-p icmp -m icmp --icmp-type 8'), { family: 'ipv4', backend: 'legacy', ref: ref61, profile: p }).find((r) => r.what === '-m icmp')!;
    expect(req.primary?.module).toBe('xt_tcpudp');
    expect(req.resolvedBy).toMatchObject({ pattern: 'ipt_icmp', module: 'xt_tcpudp', file: '/lib/modules/6.12.117+deb12-amd64/modules.alias' });
  });

  test('an ipset file adds the set-type module at the set name', () => {
    const file = fileOf('filter', '-m set --match-set blocklist src -j DROP');
    const ipsets = new Map([['blocklist', { type: 'hash:net', line: 0 }]]);
    for (const ref of [ref61, ref612]) {
      const set = requirementsOf(file, { family: 'ipv4', backend: 'legacy', ref, ipsets }).find((r) => r.primary?.role === 'set-type')!;
      expect(set.primary).toMatchObject({ module: 'ip_set_hash_net', config: 'CONFIG_IP_SET_HASH_NET' });
      // `-A INPUT -m set --match-set blocklist src -j DROP`
      expect(set.span).toEqual({ line: 1, start: 28, end: 37 });
      expect(set.what).toBe('--match-set blocklist');
      expect(set.primary?.neededBy).toBe('hash:net');
    }
  });
});

describe('table requirements', () => {
  const cases: [string, Family, Backend, '6.1' | '6.12', string, string, string[]][] = [
    ['nat', 'ipv4', 'legacy', '6.1', 'iptable_nat', 'CONFIG_IP_NF_NAT', ['ip_tables', 'x_tables', 'nf_nat']],
    ['filter', 'ipv4', 'legacy', '6.12', 'iptable_filter', 'CONFIG_IP_NF_FILTER', ['ip_tables', 'x_tables']],
    ['mangle', 'ipv6', 'legacy', '6.1', 'ip6table_mangle', 'CONFIG_IP6_NF_MANGLE', ['ip6_tables']],
    ['raw', 'ipv6', 'legacy', '6.12', 'ip6table_raw', 'CONFIG_IP6_NF_RAW', ['ip6_tables']],
    ['filter', 'ipv4', 'nft', '6.1', 'nf_tables', 'CONFIG_NF_TABLES', ['nfnetlink']],
  ];
  test.each(cases)('*%s %s %s on %s → %s', (table, family, backend, kernel, module, config, deps) => {
    const file = lint(`*${table}\nCOMMIT\n`, { family }).file;
    const [req] = requirementsOf(file, { family, backend, ref: kernel === '6.1' ? ref61 : ref612 });
    expect(req.span).toEqual({ line: 0, start: 0, end: table.length + 1 });
    expect(req.primary).toMatchObject({ module, config });
    for (const d of deps) expect(req.deps.map((x) => x.module)).toContain(d);
  });

  test('6.12 builds ip_tables with the hidden CONFIG_IP_NF_IPTABLES_LEGACY', () => {
    const [req] = requirementsOf(lint('*filter\nCOMMIT\n').file, { family: 'ipv4', backend: 'legacy', ref: ref612 });
    expect(req.deps.find((d) => d.module === 'ip_tables')?.config).toBe('CONFIG_IP_NF_IPTABLES_LEGACY');
    const [old] = requirementsOf(lint('*filter\nCOMMIT\n').file, { family: 'ipv4', backend: 'legacy', ref: ref61 });
    expect(old.deps.find((d) => d.module === 'ip_tables')?.config).toBe('CONFIG_IP_NF_IPTABLES');
  });

  test('nft *nat also needs nft_chain_nat', () => {
    const reqs = requirementsOf(lint('*nat\nCOMMIT\n').file, { family: 'ipv4', backend: 'nft', ref: ref612 });
    expect(reqs.map((r) => r.primary?.module)).toEqual(['nf_tables', 'nft_chain_nat']);
    expect(reqs[1].primary?.config).toBe('CONFIG_NFT_NAT');
  });
});

describe('backend and reference choice', () => {
  test('backend: option, then header, else assumed nft', () => {
    const nftHeader = lint('# Generated by iptables-save v1.8.9 (nf_tables) on x\n*filter\nCOMMIT\n').file;
    const legacyHeader = lint('# Generated by iptables-save v1.8.9 (legacy) on x\n*filter\nCOMMIT\n').file;
    const none = lint('*filter\nCOMMIT\n').file;
    expect(decideBackend(legacyHeader, 'nft')).toEqual({ backend: 'nft', source: 'option' });
    expect(decideBackend(nftHeader, undefined)).toEqual({ backend: 'nft', source: 'header' });
    expect(decideBackend(legacyHeader, undefined)).toEqual({ backend: 'legacy', source: 'header' });
    expect(decideBackend(none, undefined)).toEqual({ backend: 'nft', source: 'assumed' });
  });

  test('reference kernel by series', () => {
    expect(referenceKernels.map((k) => k.release)).toEqual(['6.1.0-56-amd64', '6.12.117+deb12-amd64']);
    expect(referenceForRelease('6.1.0-13-amd64').release).toBe('6.1.0-56-amd64');
    expect(referenceForRelease('6.8.0-45-generic').release).toBe('6.1.0-56-amd64');
    expect(referenceForRelease('6.12.38+deb13-amd64').release).toBe('6.12.117+deb12-amd64');
    expect(referenceForRelease('6.17.0').release).toBe('6.12.117+deb12-amd64');
    expect(referenceForRelease('5.10.0-30-amd64').release).toBe('6.1.0-56-amd64');
  });

  test('load order lists dependencies before dependents, each once', () => {
    const file = lint('*nat\n-A POSTROUTING -j MASQUERADE\nCOMMIT\n*filter\n-A INPUT -m state --state NEW -j LOG\nCOMMIT\n').file;
    const order = loadOrder(requirementsOf(file, { family: 'ipv4', backend: 'legacy', ref: ref61 }), ref61).map((e) => e.module);
    expect(new Set(order).size).toBe(order.length);
    const before = (a: string, b: string) => expect(order.indexOf(a)).toBeLessThan(order.indexOf(b));
    before('x_tables', 'ip_tables');
    before('ip_tables', 'iptable_nat');
    before('nf_conntrack', 'xt_conntrack');
    before('nf_nat', 'xt_MASQUERADE');
    before('nf_log_syslog', 'xt_LOG');
    expect(order).toContain('iptable_filter');
  });
});
