/** Extensions and their options, driven only by the catalog (IPT2xx). */
import type { CheckContext, CheckInfo, ModelCheck } from './types.js';

const info: CheckInfo[] = [
  {
    code: 'IPT200', name: 'unknown-match', category: 'extensions', severity: 'error',
    summary: '`-m NAME` names a match iptables does not have.',
    description: 'iptables loads the userspace extension libxt_NAME.so for `-m NAME`; when there is none it fails with "Couldn\'t load match". Match names are case-sensitive.',
    bad: '*filter\n-A INPUT -m contrack --ctstate NEW -j ACCEPT\nCOMMIT', good: '*filter\n-A INPUT -m conntrack --ctstate NEW -j ACCEPT\nCOMMIT',
    fix: 'Correct the name; `iptlint rules` and `man iptables-extensions` list the matches.',
  },
  {
    code: 'IPT201', name: 'extension-wrong-family', category: 'extensions', severity: 'error',
    summary: 'A match or target that exists only for the other IP family.',
    description: 'Some extensions exist only for IPv4 (icmp, ttl, ULOG, CLUSTERIP, …) or only for IPv6 (icmp6, hl, frag, …). ip6tables-restore fails on an IPv4-only one and vice versa.',
    bad: '# rules.v6\n*filter\n-A INPUT -p icmp -m icmp --icmp-type 8 -j ACCEPT\nCOMMIT', good: '# rules.v6\n*filter\n-A INPUT -p ipv6-icmp -m icmp6 --icmpv6-type 128 -j ACCEPT\nCOMMIT',
    fix: 'Use the extension of this family (icmp → icmp6, ttl → hl, TTL → HL), or move the rule to the other file.',
  },
];

function run(_ctx: CheckContext): void {}

export const extensionChecks: ModelCheck = { info, run };
