/**
 * Unit tests per extension (issue 3): all 39 targets, the standard verdicts included, in both families.
 * Helpers and the findings format are described in ./helpers.ts.
 */
import { runSuite, type ExtCase, type KnownGap } from './helpers.js';

/** Every extension this file covers; each needs one case that lints clean and two that iptables rejects. */
const EXTENSIONS = ['AUDIT', 'CHECKSUM', 'CLASSIFY', 'CLUSTERIP', 'CONNMARK', 'CONNSECMARK', 'CT', 'DNAT', 'DNPT', 'DSCP', 'ECN', 'HL', 'HMARK', 'IDLETIMER', 'LED', 'LOG', 'MARK', 'MASQUERADE', 'NETMAP', 'NFLOG', 'NFQUEUE', 'NOTRACK', 'RATEEST', 'REDIRECT', 'REJECT', 'SECMARK', 'SET', 'SNAT', 'SNPT', 'SYNPROXY', 'TCPMSS', 'TCPOPTSTRIP', 'TEE', 'TOS', 'TPROXY', 'TRACE', 'TTL', 'ULOG', 'standard'];

/**
 * Each case names the real binaries' verdict beside it (iptables 1.8.9, kernel 6.18, `unshare -n`):
 * nft = iptables-nft-restore, legacy = iptables-legacy-restore (ip6tables-* for IPv6).
 */
const CASES: ExtCase[] = [
  // nft accepts; legacy accepts
  { ext: 'AUDIT', rule: '-A INPUT -j AUDIT --type drop', expect: [] },
  // no type: nft rejects (AUDIT: option "--type" must be specified); legacy rejects (AUDIT: option "--type" must be specified)
  { ext: 'AUDIT', rule: '-A INPUT -j AUDIT', expect: ['IPT205 2:13-17 error'] },
  // unknown type: nft rejects (Bad action type value "log"); legacy rejects (Bad action type value "log")
  { ext: 'AUDIT', rule: '-A INPUT -j AUDIT --type log', expect: ['IPT202 2:26-28 error'] },
  // given twice: nft rejects (AUDIT: option "--type" can only be used once.); legacy rejects (AUDIT: option "--type" can only be used once.)
  { ext: 'AUDIT', rule: '-A INPUT -j AUDIT --type accept --type drop', expect: ['IPT203 2:33-38 error'] },
  // nft accepts; legacy accepts
  { ext: 'CHECKSUM', rule: '-A POSTROUTING -p udp -j CHECKSUM --checksum-fill', table: 'mangle', expect: [] },
  // filter table: nft rejects (line 2: RULE_APPEND failed (Invalid argument): rule in chain OUTPUT); legacy rejects (iptables-restore: line 3 failed)
  { ext: 'CHECKSUM', rule: '-A OUTPUT -p udp -j CHECKSUM --checksum-fill', expect: ['IPT302 2:21-28 error'] },
  // no --checksum-fill: nft rejects (CHECKSUM: option "--checksum-fill" must be specified); legacy rejects (CHECKSUM: option "--checksum-fill" must be specified)
  { ext: 'CHECKSUM', rule: '-A POSTROUTING -p udp -j CHECKSUM', table: 'mangle', expect: ['IPT205 2:26-33 error'] },
  // nft accepts; legacy accepts
  { ext: 'CLASSIFY', rule: '-A POSTROUTING -j CLASSIFY --set-class 1:10', table: 'mangle', expect: [] },
  // no minor: nft rejects (Bad class value "1"); legacy rejects (Bad class value "1")
  { ext: 'CLASSIFY', rule: '-A POSTROUTING -j CLASSIFY --set-class 1', table: 'mangle', expect: ['IPT202 2:40-40 error'] },
  // not in PREROUTING: nft rejects (line 2: RULE_APPEND failed (Invalid argument): rule in chain PREROUTING); legacy rejects (iptables-restore: line 3 failed)
  { ext: 'CLASSIFY', rule: '-A PREROUTING -j CLASSIFY --set-class 1:10', table: 'mangle', expect: ['IPT303 2:18-25 error'] },
  // no class: nft rejects (CLASSIFY: option "--set-class" must be specified); legacy rejects (CLASSIFY: option "--set-class" must be specified)
  { ext: 'CLASSIFY', rule: '-A POSTROUTING -j CLASSIFY', table: 'mangle', expect: ['IPT205 2:19-26 error'] },
  // this 6.18 kernel no longer has CLUSTERIP (removed in 6.3), so only userspace parsing decides (a rejection for the missing module alone counts as accepted); nft rejects (Warning: Extension CLUSTERIP revision 0 not supported, missing kernel module? / line 2: RULE_APPEND failed (No such file or directory): rule in chain INPUT); legacy rejects (Warning: Extension CLUSTERIP revision 0 not supported, missing kernel module? / iptables-restore: line 3 failed)
  { ext: 'CLUSTERIP', rule: '-A INPUT -d 10.31.3.236/32 -i lo -j CLUSTERIP --new --hashmode sourceip --clustermac 01:AA:7B:47:F7:D7 --total-nodes 2 --local-node 1 --hash-init 1', absent: 'this 6.18 kernel no longer has CLUSTERIP (removed in 6.3)', expect: ['IPT210 2:37-45 warning'] },
  // IPv4 only: nft rejects (chain name not allowed to start with `-'); legacy rejects (chain name not allowed to start with `-')
  { ext: 'CLUSTERIP', rule: '-A INPUT -j CLUSTERIP --new --hashmode sourceip --clustermac 01:AA:7B:47:F7:D7 --total-nodes 2 --local-node 1', family: 'ipv6', expect: ['IPT201 2:13-21 error'] },
  // no local node: this 6.18 kernel no longer has CLUSTERIP (removed in 6.3), so only userspace parsing decides (a rejection for the missing module alone counts as accepted); nft rejects (Warning: Extension CLUSTERIP revision 0 not supported, missing kernel module? / CLUSTERIP target: Invalid parameter combination); legacy rejects (Warning: Extension CLUSTERIP revision 0 not supported, missing kernel module? / CLUSTERIP target: Invalid parameter combination)
  { ext: 'CLUSTERIP', rule: '-A INPUT -d 10.31.3.236/32 -i lo -j CLUSTERIP --new --hashmode sourceip --clustermac 01:AA:7B:47:F7:D7 --total-nodes 2', absent: 'this 6.18 kernel no longer has CLUSTERIP (removed in 6.3)', expect: ['IPT210 2:37-45 warning', 'IPT207 2:47-51 error'] },
  // unknown hash mode: this 6.18 kernel no longer has CLUSTERIP (removed in 6.3), so only userspace parsing decides (a rejection for the missing module alone counts as accepted); nft rejects (Warning: Extension CLUSTERIP revision 0 not supported, missing kernel module? / Unknown hashmode "random"); legacy rejects (Warning: Extension CLUSTERIP revision 0 not supported, missing kernel module? / Unknown hashmode "random")
  { ext: 'CLUSTERIP', rule: '-A INPUT -d 10.31.3.236/32 -i lo -j CLUSTERIP --new --hashmode random --clustermac 01:AA:7B:47:F7:D7 --total-nodes 2 --local-node 1', absent: 'this 6.18 kernel no longer has CLUSTERIP (removed in 6.3)', expect: ['IPT210 2:37-45 warning', 'IPT202 2:64-69 error'] },
  // nft accepts; legacy accepts
  { ext: 'CONNMARK', rule: '-A PREROUTING -j CONNMARK --restore-mark --nfmask 0xff --ctmask 0xff', table: 'mangle', expect: [] },
  // two actions: nft rejects (CONNMARK: option "--set-mark" cannot be used together with "--save-mark".); legacy rejects (CONNMARK: option "--set-mark" cannot be used together with "--save-mark".)
  { ext: 'CONNMARK', rule: '-A PREROUTING -j CONNMARK --set-mark 1 --save-mark', table: 'mangle', expect: ['IPT204 2:40-50 error'] },
  // no action: nft rejects (CONNMARK target: No operation specified); legacy rejects (CONNMARK target: No operation specified)
  { ext: 'CONNMARK', rule: '-A PREROUTING -j CONNMARK', table: 'mangle', expect: ['IPT205 2:18-25 error'] },
  // bad mark: nft rejects (CONNMARK: trailing garbage after value for option "--set-xmark".); legacy rejects (CONNMARK: trailing garbage after value for option "--set-xmark".)
  { ext: 'CONNMARK', rule: '-A PREROUTING -j CONNMARK --set-xmark 0x1/0x1/0x1', table: 'mangle', expect: ['IPT202 2:43-49 error'] },
  // nft accepts; legacy accepts
  { ext: 'CONNSECMARK', rule: '-A OUTPUT -j CONNSECMARK --save', table: 'mangle', expect: [] },
  // nft rejects (line 2: RULE_APPEND failed (Invalid argument): rule in chain OUTPUT); legacy rejects (iptables-restore: line 3 failed)
  { ext: 'CONNSECMARK', rule: '-A OUTPUT -j CONNSECMARK --save', expect: ['IPT302 2:14-24 error'] },
  // no action: nft rejects (CONNSECMARK target: parameter required); legacy rejects (CONNSECMARK target: parameter required)
  { ext: 'CONNSECMARK', rule: '-A OUTPUT -j CONNSECMARK', table: 'mangle', expect: ['IPT205 2:14-24 error'] },
  // both: nft rejects (CONNSECMARK: option "--save" cannot be used together with "--restore".); legacy rejects (CONNSECMARK: option "--save" cannot be used together with "--restore".)
  { ext: 'CONNSECMARK', rule: '-A OUTPUT -j CONNSECMARK --save --restore', table: 'mangle', expect: ['IPT204 2:33-41 error'] },
  // nft accepts; legacy accepts
  { ext: 'CT', rule: '-A PREROUTING -p tcp --dport 21 -j CT --helper ftp --ctevents new,related --zone 1', table: 'raw', expect: [] },
  // mangle table: nft rejects (line 2: RULE_APPEND failed (Invalid argument): rule in chain PREROUTING); legacy rejects (iptables-restore: line 3 failed)
  { ext: 'CT', rule: '-A PREROUTING -j CT --notrack', table: 'mangle', expect: ['IPT302 2:18-19 error'] },
  // unknown event: nft rejects (Unknown event type "sideways"); legacy rejects (Unknown event type "sideways")
  { ext: 'CT', rule: '-A PREROUTING -j CT --ctevents new,sideways', table: 'raw', expect: ['IPT202 2:36-43 error'] },
  // zone above 65535: nft rejects (Cannot parse 70000 as a zone ID); legacy rejects (Cannot parse 70000 as a zone ID)
  { ext: 'CT', rule: '-A PREROUTING -j CT --zone 70000', table: 'raw', expect: ['IPT202 2:28-32 error'] },
  // nft accepts; legacy accepts
  { ext: 'DNAT', rule: '-A PREROUTING -p tcp --dport 80 -j DNAT --to-destination 10.0.0.2:8080', table: 'nat', expect: [] },
  // nft accepts; legacy accepts
  { ext: 'DNAT', rule: '-A PREROUTING -p tcp --dport 80 -j DNAT --to-destination [2001:db8::2]:8080', table: 'nat', family: 'ipv6', expect: [] },
  // no destination: nft rejects (DNAT: option "--to-destination" must be specified); legacy rejects (DNAT: option "--to-destination" must be specified)
  { ext: 'DNAT', rule: '-A PREROUTING -j DNAT', table: 'nat', expect: ['IPT205 2:18-21 error'] },
  // filter table: nft rejects (line 2: RULE_APPEND failed (Invalid argument): rule in chain FORWARD); legacy rejects (iptables-restore: line 3 failed)
  { ext: 'DNAT', rule: '-A FORWARD -j DNAT --to-destination 10.0.0.2', expect: ['IPT302 2:15-18 error'] },
  // not in POSTROUTING: nft rejects (line 2: RULE_APPEND failed (Invalid argument): rule in chain POSTROUTING); legacy rejects (iptables-restore: line 3 failed)
  { ext: 'DNAT', rule: '-A POSTROUTING -j DNAT --to-destination 10.0.0.2', table: 'nat', expect: ['IPT303 2:19-22 error'] },
  // bad address: nft rejects (Bad IP address "10.0.0.300"); legacy rejects (Bad IP address "10.0.0.300")
  { ext: 'DNAT', rule: '-A PREROUTING -j DNAT --to-destination 10.0.0.300', table: 'nat', expect: ['IPT202 2:40-49 error'] },
  // user chain reached from POSTROUTING: nft rejects (line 4: RULE_APPEND failed (Invalid argument): rule in chain FOO); legacy rejects (iptables-restore: line 5 failed)
  { ext: 'DNAT', rule: '-A FOO -j DNAT --to-destination 10.0.0.2', table: 'nat', pre: [':FOO - [0:0]', '-A POSTROUTING -j FOO'], expect: ['IPT303 4:11-14 error'] },
  // user chain reached only from allowed hooks: nft accepts; legacy accepts
  { ext: 'DNAT', rule: '-A FOO -j DNAT --to-destination 10.0.0.2', table: 'nat', pre: [':FOO - [0:0]', '-A PREROUTING -j FOO', '-A OUTPUT -j FOO'], expect: [] },
  // nft accepts; legacy accepts
  { ext: 'DNPT', rule: '-A PREROUTING -j DNPT --src-pfx 2001:db8:1::/48 --dst-pfx 2001:db8:2::/48', table: 'mangle', family: 'ipv6', expect: [] },
  // IPv6 only: nft rejects (unknown option "--src-pfx"); legacy rejects (unknown option "--src-pfx")
  { ext: 'DNPT', rule: '-A PREROUTING -j DNPT --src-pfx 10.0.0.0/8 --dst-pfx 10.1.0.0/8', table: 'mangle', expect: ['IPT201 2:18-21 error'] },
  // no dst-pfx: nft rejects (DNPT: option "--dst-pfx" must be specified); legacy rejects (DNPT: option "--dst-pfx" must be specified)
  { ext: 'DNPT', rule: '-A PREROUTING -j DNPT --src-pfx 2001:db8:1::/48', table: 'mangle', family: 'ipv6', expect: ['IPT205 2:18-21 error'] },
  // not in POSTROUTING: nft rejects (line 2: RULE_APPEND failed (Invalid argument): rule in chain POSTROUTING); legacy rejects (ip6tables-restore: line 3 failed)
  { ext: 'DNPT', rule: '-A POSTROUTING -j DNPT --src-pfx 2001:db8:1::/48 --dst-pfx 2001:db8:2::/48', table: 'mangle', family: 'ipv6', expect: ['IPT303 2:19-22 error'] },
  // filter table: nft rejects (line 2: RULE_APPEND failed (Invalid argument): rule in chain OUTPUT); legacy rejects (ip6tables-restore: line 3 failed)
  { ext: 'DNPT', rule: '-A OUTPUT -j DNPT --src-pfx 2001:db8:1::/48 --dst-pfx 2001:db8:2::/48', family: 'ipv6', expect: ['IPT302 2:14-17 error'] },
  // nft accepts; legacy accepts
  { ext: 'DSCP', rule: '-A POSTROUTING -j DSCP --set-dscp-class EF', table: 'mangle', expect: [] },
  // above 63: nft rejects (DSCP: bad value for option "--set-dscp", or out of range (0-63).); legacy rejects (DSCP: bad value for option "--set-dscp", or out of range (0-63).)
  { ext: 'DSCP', rule: '-A POSTROUTING -j DSCP --set-dscp 64', table: 'mangle', expect: ['IPT202 2:35-36 error'] },
  // no value: nft rejects (DSCP target: Parameter --set-dscp is required); legacy rejects (DSCP target: Parameter --set-dscp is required)
  { ext: 'DSCP', rule: '-A POSTROUTING -j DSCP', table: 'mangle', expect: ['IPT205 2:19-22 error'] },
  // filter table: nft rejects (line 2: RULE_APPEND failed (Invalid argument): rule in chain OUTPUT); legacy rejects (iptables-restore: line 3 failed)
  { ext: 'DSCP', rule: '-A OUTPUT -j DSCP --set-dscp 1', expect: ['IPT302 2:14-17 error'] },
  // nft accepts; legacy accepts
  { ext: 'ECN', rule: '-A POSTROUTING -j ECN --ecn-tcp-remove', table: 'mangle', expect: ['IPT208 2:23-38 error'] }, // both binaries reject: the TCP operations need -p tcp
  { ext: 'ECN', rule: '-A POSTROUTING -p tcp -j ECN --ecn-tcp-remove', table: 'mangle', expect: [] },
  // IPv4 only: nft rejects (unknown option "--ecn-tcp-remove"); legacy rejects (unknown option "--ecn-tcp-remove")
  { ext: 'ECN', rule: '-A POSTROUTING -p tcp -j ECN --ecn-tcp-remove', table: 'mangle', family: 'ipv6', expect: ['IPT201 2:26-28 error'] },
  // above 1: nft rejects (ECN: bad value for option "--ecn-tcp-cwr", or out of range (0-1).); legacy rejects (ECN: bad value for option "--ecn-tcp-cwr", or out of range (0-1).)
  { ext: 'ECN', rule: '-A POSTROUTING -p tcp -j ECN --ecn-tcp-cwr 2', table: 'mangle', expect: ['IPT202 2:44-44 error'] },
  // filter table: nft rejects (line 2: RULE_APPEND failed (Invalid argument): rule in chain OUTPUT); legacy rejects (iptables-restore: line 3 failed)
  { ext: 'ECN', rule: '-A OUTPUT -p tcp -j ECN --ecn-tcp-remove', expect: ['IPT302 2:21-23 error'] },
  // nft accepts; legacy accepts
  { ext: 'HL', rule: '-A POSTROUTING -j HL --hl-set 64', table: 'mangle', family: 'ipv6', expect: [] },
  // IPv6 only: nft rejects (unknown option "--hl-set"); legacy rejects (unknown option "--hl-set")
  { ext: 'HL', rule: '-A POSTROUTING -j HL --hl-set 64', table: 'mangle', expect: ['IPT201 2:19-20 error'] },
  // decrement 0: nft rejects (HL: bad value for option "--hl-dec", or out of range (1-255).); legacy rejects (HL: bad value for option "--hl-dec", or out of range (1-255).)
  { ext: 'HL', rule: '-A POSTROUTING -j HL --hl-dec 0', table: 'mangle', family: 'ipv6', expect: ['IPT202 2:31-31 error'] },
  // filter table: nft rejects (line 2: RULE_APPEND failed (Invalid argument): rule in chain OUTPUT); legacy rejects (ip6tables-restore: line 3 failed)
  { ext: 'HL', rule: '-A OUTPUT -j HL --hl-inc 1', family: 'ipv6', expect: ['IPT302 2:14-15 error'] },
  // nft accepts; legacy accepts
  { ext: 'HMARK', rule: '-A PREROUTING -j HMARK --hmark-tuple src,dst,sport,dport,proto --hmark-mod 10 --hmark-rnd 0xfeedcafe --hmark-offset 100', table: 'mangle', expect: [] },
  // no mod: nft rejects (--hmark-mod is mandatory); legacy rejects (--hmark-mod is mandatory)
  { ext: 'HMARK', rule: '-A PREROUTING -j HMARK --hmark-tuple src --hmark-rnd 1', table: 'mangle', expect: ['IPT205 2:18-22 error'] },
  // mod 0: nft rejects (HMARK: bad value for option "--hmark-mod", or out of range (1-4294967295).); legacy rejects (HMARK: bad value for option "--hmark-mod", or out of range (1-4294967295).)
  { ext: 'HMARK', rule: '-A PREROUTING -j HMARK --hmark-tuple src --hmark-mod 0 --hmark-rnd 1', table: 'mangle', expect: ['IPT202 2:54-54 error'] },
  // unknown tuple part: nft rejects (Bad type "color"); legacy rejects (Bad type "color")
  { ext: 'HMARK', rule: '-A PREROUTING -j HMARK --hmark-tuple src,color --hmark-mod 2 --hmark-rnd 1', table: 'mangle', expect: ['IPT202 2:42-46 error'] },
  // nft accepts; legacy accepts
  { ext: 'IDLETIMER', rule: '-A INPUT -j IDLETIMER --timeout 60 --label idle', expect: [] },
  // no label: nft rejects (IDLETIMER: option "--label" must be specified); legacy rejects (IDLETIMER: option "--label" must be specified)
  { ext: 'IDLETIMER', rule: '-A INPUT -j IDLETIMER --timeout 60', expect: ['IPT205 2:13-21 error'] },
  // timeout 0: nft rejects (line 2: RULE_APPEND failed (Invalid argument): rule in chain INPUT); legacy rejects (iptables-restore: line 3 failed)
  { ext: 'IDLETIMER', rule: '-A INPUT -j IDLETIMER --timeout 0 --label x', expect: ['IPT202 2:33-33 error'] },
  // not a number: nft rejects (IDLETIMER: bad value for option "--timeout", or out of range (0-4294967295).); legacy rejects (IDLETIMER: bad value for option "--timeout", or out of range (0-4294967295).)
  { ext: 'IDLETIMER', rule: '-A INPUT -j IDLETIMER --timeout abc --label x', expect: ['IPT202 2:33-35 error'] },
  // this kernel has no xt_LED, so only userspace parsing decides (a rejection for the missing module alone counts as accepted); nft rejects (Warning: Extension LED revision 0 not supported, missing kernel module? / line 2: RULE_APPEND failed (No such file or directory): rule in chain INPUT); legacy rejects (Warning: Extension LED revision 0 not supported, missing kernel module? / iptables-restore: line 3 failed)
  { ext: 'LED', rule: '-A INPUT -j LED --led-trigger-id ssh --led-delay 100 --led-always-blink', absent: 'this kernel has no xt_LED', expect: [] },
  // no trigger: nft rejects (Warning: Extension LED revision 0 not supported, missing kernel module? / LED: option "--led-trigger-id" must be specified); legacy rejects (Warning: Extension LED revision 0 not supported, missing kernel module? / LED: option "--led-trigger-id" must be specified)
  { ext: 'LED', rule: '-A INPUT -j LED', expect: ['IPT205 2:13-15 error'] },
  // id too long: nft rejects (Warning: Extension LED revision 0 not supported, missing kernel module? / Argument must have a maximum length of 16 characters); legacy rejects (Warning: Extension LED revision 0 not supported, missing kernel module? / Argument must have a maximum length of 16 characters)
  { ext: 'LED', rule: '-A INPUT -j LED --led-trigger-id abcdefghijklmnopqrstuvwxyz0123456', expect: ['IPT202 2:50-66 error'] },
  // bad delay: nft rejects (Warning: Extension LED revision 0 not supported, missing kernel module? / Delay value must be within range 0..4294967295); legacy rejects (Warning: Extension LED revision 0 not supported, missing kernel module? / Delay value must be within range 0..4294967295)
  { ext: 'LED', rule: '-A INPUT -j LED --led-trigger-id x --led-delay soon', expect: ['IPT202 2:48-51 error'] },
  // nft accepts; legacy accepts
  { ext: 'LOG', rule: '-A INPUT -j LOG --log-prefix "dropped: " --log-level warning --log-tcp-options --log-uid', expect: [] },
  // unknown level: nft rejects (log level "loud" unknown); legacy rejects (log level "loud" unknown)
  { ext: 'LOG', rule: '-A INPUT -j LOG --log-level loud', expect: ['IPT202 2:29-32 error'] },
  // prefix over 29: nft accepts; legacy accepts
  { ext: 'LOG', rule: '-A INPUT -j LOG --log-prefix "this prefix is much too long for LOG"', expect: ['IPT209 2:30-67 warning'] },
  // level 8: nft rejects (log level "8" unknown); legacy rejects (log level "8" unknown)
  { ext: 'LOG', rule: '-A INPUT -j LOG --log-level 8', expect: ['IPT202 2:29-29 error'] },
  // nft accepts; legacy accepts
  { ext: 'MARK', rule: '-A PREROUTING -j MARK --set-xmark 0x1/0xff', table: 'mangle', expect: [] },
  // no action: nft rejects (MARK: One of the --set-xmark, --{and,or,xor,set}-mark options is required); legacy rejects (MARK: One of the --set-xmark, --{and,or,xor,set}-mark options is required)
  { ext: 'MARK', rule: '-A PREROUTING -j MARK', table: 'mangle', expect: ['IPT205 2:18-21 error'] },
  // two actions: nft rejects (MARK: option "--set-mark" cannot be used together with "--or-mark".); legacy rejects (MARK: option "--set-mark" cannot be used together with "--or-mark".)
  { ext: 'MARK', rule: '-A PREROUTING -j MARK --set-mark 1 --or-mark 2', table: 'mangle', expect: ['IPT204 2:36-44 error'] },
  // above 32 bits: nft rejects (MARK: bad integer value for option "--set-mark", or out of range.); legacy rejects (MARK: bad integer value for option "--set-mark", or out of range.)
  { ext: 'MARK', rule: '-A PREROUTING -j MARK --set-mark 0x1ffffffff', table: 'mangle', expect: ['IPT202 2:34-44 error'] },
  // nft accepts; legacy accepts
  { ext: 'MASQUERADE', rule: '-A POSTROUTING -o eth0 -p tcp -j MASQUERADE --to-ports 1024-2048 --random', table: 'nat', expect: [] },
  // not in PREROUTING: nft rejects (line 2: RULE_APPEND failed (Invalid argument): rule in chain PREROUTING); legacy rejects (iptables-restore: line 3 failed)
  { ext: 'MASQUERADE', rule: '-A PREROUTING -j MASQUERADE', table: 'nat', expect: ['IPT303 2:18-27 error'] },
  // filter table: nft rejects (line 2: RULE_APPEND failed (Invalid argument): rule in chain OUTPUT); legacy rejects (iptables-restore: line 3 failed)
  { ext: 'MASQUERADE', rule: '-A OUTPUT -j MASQUERADE', expect: ['IPT302 2:14-23 error'] },
  // reversed ports: nft rejects (Port range `1024' funky); legacy rejects (Port range `1024' funky)
  { ext: 'MASQUERADE', rule: '-A POSTROUTING -p tcp -j MASQUERADE --to-ports 2048-1024', table: 'nat', expect: ['IPT202 2:48-56 error'] },
  // nft accepts; legacy accepts
  { ext: 'NETMAP', rule: '-A PREROUTING -d 10.0.0.0/24 -j NETMAP --to 192.168.0.0/24', table: 'nat', expect: [] },
  // no --to: nft rejects (NETMAP: option "--to" must be specified); legacy rejects (NETMAP: option "--to" must be specified)
  { ext: 'NETMAP', rule: '-A PREROUTING -j NETMAP', table: 'nat', expect: ['IPT205 2:18-23 error'] },
  // filter table: nft rejects (line 2: RULE_APPEND failed (Invalid argument): rule in chain FORWARD); legacy rejects (iptables-restore: line 3 failed)
  { ext: 'NETMAP', rule: '-A FORWARD -j NETMAP --to 192.168.0.0/24', expect: ['IPT302 2:15-20 error'] },
  // nft accepts; legacy accepts
  { ext: 'NFLOG', rule: '-A INPUT -j NFLOG --nflog-group 5 --nflog-prefix "in: " --nflog-size 128 --nflog-threshold 10', expect: [] },
  // group above 65535: nft rejects (NFLOG: bad value for option "--nflog-group", or out of range (0-65535).); legacy rejects (NFLOG: bad value for option "--nflog-group", or out of range (0-65535).)
  { ext: 'NFLOG', rule: '-A INPUT -j NFLOG --nflog-group 65536', expect: ['IPT202 2:33-37 error'] },
  // prefix 64 bytes: nft accepts; legacy accepts
  { ext: 'NFLOG', rule: '-A INPUT -j NFLOG --nflog-prefix "pppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppp"', expect: ['IPT209 2:34-99 warning'] },
  // range and size: nft rejects (warn: --nflog-range has never worked and is no longer supported, please use --nflog-size instead / NFLOG: option "--nflog-range" cannot be used together with "--nflog-size".); legacy rejects (warn: --nflog-range has never worked and is no longer supported, please use --nflog-size instead / NFLOG: option "--nflog-range" cannot be used together with "--nflog-size".)
  { ext: 'NFLOG', rule: '-A INPUT -j NFLOG --nflog-range 1 --nflog-size 2', expect: ['IPT210 2:19-31 warning', 'IPT204 2:35-46 error'] },
  // nft accepts; legacy accepts
  { ext: 'NFQUEUE', rule: '-A INPUT -j NFQUEUE --queue-balance 0:3 --queue-bypass --queue-cpu-fanout', expect: [] },
  // num and balance: nft rejects (NFQUEUE: option "--queue-num" cannot be used together with "--queue-balance".); legacy rejects (NFQUEUE: option "--queue-num" cannot be used together with "--queue-balance".)
  { ext: 'NFQUEUE', rule: '-A INPUT -j NFQUEUE --queue-num 1 --queue-balance 2:3', expect: ['IPT204 2:35-49 error'] },
  // reversed balance: nft rejects (3 should be less than 1); legacy rejects (3 should be less than 1)
  { ext: 'NFQUEUE', rule: '-A INPUT -j NFQUEUE --queue-balance 3:1', expect: ['IPT202 2:37-39 error'] },
  // above 65535: nft rejects (NFQUEUE: bad value for option "--queue-num", or out of range (0-65535).); legacy rejects (NFQUEUE: bad value for option "--queue-num", or out of range (0-65535).)
  { ext: 'NFQUEUE', rule: '-A INPUT -j NFQUEUE --queue-num 65536', expect: ['IPT202 2:33-37 error'] },
  // nft accepts; legacy accepts
  { ext: 'NOTRACK', rule: '-A PREROUTING -p udp --dport 53 -j NOTRACK', table: 'raw', expect: [] },
  // filter table: nft rejects (line 2: RULE_APPEND failed (Invalid argument): rule in chain INPUT); legacy rejects (iptables-restore: line 3 failed)
  { ext: 'NOTRACK', rule: '-A INPUT -j NOTRACK', expect: ['IPT302 2:13-19 error'] },
  // takes no options: nft rejects (unknown option "--zone"); legacy rejects (unknown option "--zone")
  { ext: 'NOTRACK', rule: '-A PREROUTING -j NOTRACK --zone 1', table: 'raw', expect: ['IPT113 2:26-31 error'] },
  // nft accepts; legacy accepts
  { ext: 'RATEEST', rule: '-A INPUT -j RATEEST --rateest-name RE1 --rateest-interval 250ms --rateest-ewmalog 500ms', expect: [] },
  // no ewmalog: nft rejects (RATEEST: ewmalog value is out of range); legacy rejects (RATEEST: ewmalog value is out of range)
  { ext: 'RATEEST', rule: '-A INPUT -j RATEEST --rateest-name RE1 --rateest-interval 250ms', expect: ['IPT205 2:13-19 error'] },
  // bad unit: nft rejects (RATEEST: bad interval value "250parsecs"); legacy rejects (RATEEST: bad interval value "250parsecs")
  { ext: 'RATEEST', rule: '-A INPUT -j RATEEST --rateest-name RE1 --rateest-interval 250parsecs --rateest-ewmalog 500ms', expect: ['IPT202 2:59-68 error'] },
  // no name: nft rejects (RATEEST: option "--rateest-name" must be specified); legacy rejects (RATEEST: option "--rateest-name" must be specified)
  { ext: 'RATEEST', rule: '-A INPUT -j RATEEST --rateest-interval 250ms --rateest-ewmalog 500ms', expect: ['IPT205 2:13-19 error'] },
  // nft accepts; legacy accepts
  { ext: 'REDIRECT', rule: '-A PREROUTING -p tcp --dport 80 -j REDIRECT --to-ports 3128', table: 'nat', expect: [] },
  // not in POSTROUTING: nft rejects (line 2: RULE_APPEND failed (Invalid argument): rule in chain POSTROUTING); legacy rejects (iptables-restore: line 3 failed)
  { ext: 'REDIRECT', rule: '-A POSTROUTING -p tcp -j REDIRECT --to-ports 3128', table: 'nat', expect: ['IPT303 2:26-33 error'] },
  // port above 65535: nft rejects (Port `70000' not valid); legacy rejects (Port `70000' not valid)
  { ext: 'REDIRECT', rule: '-A PREROUTING -p tcp -j REDIRECT --to-ports 70000', table: 'nat', expect: ['IPT202 2:45-49 error'] },
  // filter table: nft rejects (line 2: RULE_APPEND failed (Invalid argument): rule in chain OUTPUT); legacy rejects (iptables-restore: line 3 failed)
  { ext: 'REDIRECT', rule: '-A OUTPUT -p tcp -j REDIRECT --to-ports 3128', expect: ['IPT302 2:21-28 error'] },
  // nft accepts; legacy accepts
  { ext: 'REJECT', rule: '-A INPUT -p tcp -j REJECT --reject-with tcp-reset', expect: [] },
  // nft accepts; legacy accepts
  { ext: 'REJECT', rule: '-A INPUT -j REJECT --reject-with icmp6-adm-prohibited', family: 'ipv6', expect: [] },
  // IPv6 type in IPv4: nft rejects (unknown reject type "icmp6-adm-prohibited"); legacy rejects (unknown reject type "icmp6-adm-prohibited")
  { ext: 'REJECT', rule: '-A INPUT -j REJECT --reject-with icmp6-adm-prohibited', expect: ['IPT202 2:34-53 error'] },
  // tcp-reset on udp: nft rejects (line 2: RULE_APPEND failed (Invalid argument): rule in chain INPUT); legacy rejects (iptables-restore: line 3 failed)
  { ext: 'REJECT', rule: '-A INPUT -p udp -j REJECT --reject-with tcp-reset', expect: ['IPT202 2:41-49 error'] },
  // mangle table: nft rejects (line 2: RULE_APPEND failed (Invalid argument): rule in chain PREROUTING); legacy rejects (iptables-restore: line 3 failed)
  { ext: 'REJECT', rule: '-A PREROUTING -j REJECT', table: 'mangle', expect: ['IPT302 2:18-23 error'] },
  // mangle user chain: nft rejects (line 4: RULE_APPEND failed (Invalid argument): rule in chain FOO); legacy rejects (iptables-restore: line 5 failed)
  { ext: 'REJECT', rule: '-A FOO -j REJECT', table: 'mangle', pre: [':FOO - [0:0]', '-A PREROUTING -j FOO'], expect: ['IPT302 4:11-16 error'] },
  // this kernel has no SELinux, so only userspace parsing decides (a rejection for the missing security context alone counts as accepted); nft rejects (line 2: RULE_APPEND failed (No such file or directory): rule in chain INPUT); legacy rejects (iptables-restore: line 3 failed)
  { ext: 'SECMARK', rule: '-A INPUT -j SECMARK --selctx system_u:object_r:ssh_packet_t:s0', table: 'security', absent: 'this kernel has no SELinux', expect: [] },
  // no context: nft rejects (SECMARK: option "--selctx" must be specified); legacy rejects (SECMARK: option "--selctx" must be specified)
  { ext: 'SECMARK', rule: '-A INPUT -j SECMARK', table: 'security', expect: ['IPT205 2:13-19 error'] },
  // filter table: nft rejects (line 2: RULE_APPEND failed (Invalid argument): rule in chain INPUT); legacy rejects (iptables-restore: line 3 failed)
  { ext: 'SECMARK', rule: '-A INPUT -j SECMARK --selctx system_u:object_r:ssh_packet_t:s0', expect: ['IPT302 2:13-19 error'] },
  // nft accepts; legacy accepts
  { ext: 'SET', rule: '-A INPUT -j SET --add-set foo src --exist --timeout 600', expect: [] },
  // no set: nft rejects (You must specify either `--add-set' or `--del-set' or `--map-set'); legacy rejects (You must specify either `--add-set' or `--del-set' or `--map-set')
  { ext: 'SET', rule: '-A INPUT -j SET', expect: ['IPT205 2:13-15 error'] },
  // --exist without --add-set: nft rejects (Flag `--exist' can be used with `--add-set' only); legacy rejects (Flag `--exist' can be used with `--add-set' only)
  { ext: 'SET', rule: '-A INPUT -j SET --del-set foo src --exist', expect: ['IPT207 2:35-41 error'] },
  // bad direction: nft rejects (You must spefify (the comma separated list of) 'src' or 'dst'.); legacy rejects (You must spefify (the comma separated list of) 'src' or 'dst'.)
  { ext: 'SET', rule: '-A INPUT -j SET --add-set foo up', expect: ['IPT202 2:31-32 error'] },
  // nft accepts; legacy accepts
  { ext: 'SNAT', rule: '-A POSTROUTING -o eth0 -j SNAT --to-source 192.0.2.1-192.0.2.10 --random-fully', table: 'nat', expect: [] },
  // no source: nft rejects (SNAT: option "--to-source" must be specified); legacy rejects (SNAT: option "--to-source" must be specified)
  { ext: 'SNAT', rule: '-A POSTROUTING -j SNAT', table: 'nat', expect: ['IPT205 2:19-22 error'] },
  // not in PREROUTING: nft rejects (line 2: RULE_APPEND failed (Invalid argument): rule in chain PREROUTING); legacy rejects (iptables-restore: line 3 failed)
  { ext: 'SNAT', rule: '-A PREROUTING -j SNAT --to-source 192.0.2.1', table: 'nat', expect: ['IPT303 2:18-21 error'] },
  // filter table: nft rejects (line 2: RULE_APPEND failed (Invalid argument): rule in chain INPUT); legacy rejects (iptables-restore: line 3 failed)
  { ext: 'SNAT', rule: '-A INPUT -j SNAT --to-source 192.0.2.1', expect: ['IPT302 2:13-16 error'] },
  // nft accepts; legacy accepts
  { ext: 'SNPT', rule: '-A POSTROUTING -j SNPT --src-pfx 2001:db8:1::/48 --dst-pfx 2001:db8:2::/48', table: 'mangle', family: 'ipv6', expect: [] },
  // IPv6 only: nft rejects (unknown option "--src-pfx"); legacy rejects (unknown option "--src-pfx")
  { ext: 'SNPT', rule: '-A POSTROUTING -j SNPT --src-pfx 10.0.0.0/8 --dst-pfx 10.1.0.0/8', table: 'mangle', expect: ['IPT201 2:19-22 error'] },
  // not in PREROUTING: nft rejects (line 2: RULE_APPEND failed (Invalid argument): rule in chain PREROUTING); legacy rejects (ip6tables-restore: line 3 failed)
  { ext: 'SNPT', rule: '-A PREROUTING -j SNPT --src-pfx 2001:db8:1::/48 --dst-pfx 2001:db8:2::/48', table: 'mangle', family: 'ipv6', expect: ['IPT303 2:18-21 error'] },
  // no src-pfx: nft rejects (SNPT: option "--src-pfx" must be specified); legacy rejects (SNPT: option "--src-pfx" must be specified)
  { ext: 'SNPT', rule: '-A POSTROUTING -j SNPT --dst-pfx 2001:db8:2::/48', table: 'mangle', family: 'ipv6', expect: ['IPT205 2:19-22 error'] },
  // filter table: nft rejects (line 2: RULE_APPEND failed (Invalid argument): rule in chain INPUT); legacy rejects (ip6tables-restore: line 3 failed)
  { ext: 'SNPT', rule: '-A INPUT -j SNPT --src-pfx 2001:db8:1::/48 --dst-pfx 2001:db8:2::/48', family: 'ipv6', expect: ['IPT302 2:13-16 error'] },
  // nft accepts; legacy accepts
  { ext: 'SYNPROXY', rule: '-A INPUT -p tcp --dport 80 -m conntrack --ctstate INVALID,UNTRACKED -j SYNPROXY --sack-perm --timestamp --wscale 7 --mss 1460', expect: [] },
  // no -p tcp: nft rejects (line 2: RULE_APPEND failed (Invalid argument): rule in chain INPUT); legacy rejects (iptables-restore: line 3 failed)
  { ext: 'SYNPROXY', rule: '-A INPUT -j SYNPROXY --mss 1460', expect: ['IPT208 2:13-20 error'] },
  // not in OUTPUT: nft rejects (line 2: RULE_APPEND failed (Invalid argument): rule in chain OUTPUT); legacy rejects (iptables-restore: line 3 failed)
  { ext: 'SYNPROXY', rule: '-A OUTPUT -p tcp -j SYNPROXY', expect: ['IPT303 2:21-28 error'] },
  // not a number: nft rejects (SYNPROXY: bad value for option "--wscale", or out of range (0-4294967295).); legacy rejects (SYNPROXY: bad value for option "--wscale", or out of range (0-4294967295).)
  { ext: 'SYNPROXY', rule: '-A INPUT -p tcp -j SYNPROXY --wscale many', expect: ['IPT202 2:38-41 error'] },
  // nft accepts; legacy accepts
  { ext: 'TCPMSS', rule: '-A FORWARD -p tcp --tcp-flags SYN,RST SYN -j TCPMSS --clamp-mss-to-pmtu', table: 'mangle', expect: [] },
  // nft accepts; legacy accepts
  { ext: 'TCPMSS', rule: '-A FORWARD -p tcp --tcp-flags SYN,RST SYN -j TCPMSS --set-mss 1400', expect: [] },
  // no action: nft rejects (TCPMSS target: At least one parameter is required); legacy rejects (TCPMSS target: At least one parameter is required)
  { ext: 'TCPMSS', rule: '-A FORWARD -p tcp --tcp-flags SYN,RST SYN -j TCPMSS', expect: ['IPT205 2:46-51 error'] },
  // above 65515: nft rejects (TCPMSS: bad value for option "--set-mss", or out of range (0-65515).); legacy rejects (TCPMSS: bad value for option "--set-mss", or out of range (0-65515).)
  { ext: 'TCPMSS', rule: '-A FORWARD -p tcp --tcp-flags SYN,RST SYN -j TCPMSS --set-mss 65516', expect: ['IPT202 2:63-67 error'] },
  // no SYN check: nft accepts; legacy rejects (iptables-restore: line 3 failed)
  { ext: 'TCPMSS', rule: '-A FORWARD -p tcp -j TCPMSS --set-mss 1400', expect: [] },
  // no -p tcp: nft rejects (line 2: RULE_APPEND failed (Invalid argument): rule in chain FORWARD); legacy rejects (iptables-restore: line 3 failed)
  { ext: 'TCPMSS', rule: '-A FORWARD -j TCPMSS --set-mss 1400', expect: ['IPT208 2:15-20 error'] },
  // nft accepts; legacy accepts
  { ext: 'TCPOPTSTRIP', rule: '-A PREROUTING -p tcp -j TCPOPTSTRIP --strip-options sack-permitted,timestamp', table: 'mangle', expect: [] },
  // no -p tcp: nft rejects (line 2: RULE_APPEND failed (Invalid argument): rule in chain PREROUTING); legacy rejects (iptables-restore: line 3 failed)
  { ext: 'TCPOPTSTRIP', rule: '-A PREROUTING -j TCPOPTSTRIP', table: 'mangle', expect: ['IPT208 2:18-28 error'] },
  // filter table: nft rejects (line 2: RULE_APPEND failed (Invalid argument): rule in chain INPUT); legacy rejects (iptables-restore: line 3 failed)
  { ext: 'TCPOPTSTRIP', rule: '-A INPUT -p tcp -j TCPOPTSTRIP', expect: ['IPT302 2:20-30 error'] },
  // unknown option: nft rejects (Bad TCP option value "nonsense"); legacy rejects (Bad TCP option value "nonsense")
  { ext: 'TCPOPTSTRIP', rule: '-A PREROUTING -p tcp -j TCPOPTSTRIP --strip-options nonsense', table: 'mangle', expect: ['IPT202 2:53-60 error'] },
  // nft accepts; legacy accepts
  { ext: 'TEE', rule: '-A PREROUTING -j TEE --gateway 10.0.0.2', table: 'mangle', expect: [] },
  // no gateway: nft rejects (TEE: option "--gateway" must be specified); legacy rejects (TEE: option "--gateway" must be specified)
  { ext: 'TEE', rule: '-A PREROUTING -j TEE', table: 'mangle', expect: ['IPT205 2:18-20 error'] },
  // network, not host: nft rejects (getaddrinfo: Name or service not known); legacy rejects (getaddrinfo: Name or service not known)
  { ext: 'TEE', rule: '-A PREROUTING -j TEE --gateway 10.0.0.0/24', table: 'mangle', expect: ['IPT202 2:40-42 error'] },
  // IPv6 gateway in IPv4: nft rejects (getaddrinfo: Address family for hostname not supported); legacy rejects (getaddrinfo: Address family for hostname not supported)
  { ext: 'TEE', rule: '-A PREROUTING -j TEE --gateway 2001:db8::2', table: 'mangle', expect: ['IPT202 2:32-42 error'] },
  // nft accepts; legacy accepts
  { ext: 'TOS', rule: '-A PREROUTING -j TOS --set-tos 0x10/0x3f', table: 'mangle', expect: [] },
  // no action: nft rejects (TOS: An action is required); legacy rejects (TOS: An action is required)
  { ext: 'TOS', rule: '-A PREROUTING -j TOS', table: 'mangle', expect: ['IPT205 2:18-20 error'] },
  // above 255: nft rejects (TOS: bad value for option "--and-tos", or out of range (0-255).); legacy rejects (TOS: bad value for option "--and-tos", or out of range (0-255).)
  { ext: 'TOS', rule: '-A PREROUTING -j TOS --and-tos 256', table: 'mangle', expect: ['IPT202 2:32-34 error'] },
  // filter table: nft rejects (line 2: RULE_APPEND failed (Invalid argument): rule in chain INPUT); legacy rejects (iptables-restore: line 3 failed)
  { ext: 'TOS', rule: '-A INPUT -j TOS --set-tos 0x10', expect: ['IPT302 2:13-15 error'] },
  // nft accepts; legacy accepts
  { ext: 'TPROXY', rule: '-A PREROUTING -p tcp -j TPROXY --on-port 3129 --on-ip 127.0.0.1 --tproxy-mark 0x1/0x1', table: 'mangle', expect: [] },
  // no -p: nft rejects (line 2: RULE_APPEND failed (Invalid argument): rule in chain PREROUTING); legacy rejects (iptables-restore: line 3 failed)
  { ext: 'TPROXY', rule: '-A PREROUTING -j TPROXY --on-port 3129', table: 'mangle', expect: ['IPT208 2:18-23 error'] },
  // no port: nft rejects (TPROXY: option "--on-port" must be specified); legacy rejects (TPROXY: option "--on-port" must be specified)
  { ext: 'TPROXY', rule: '-A PREROUTING -p tcp -j TPROXY', table: 'mangle', expect: ['IPT205 2:25-30 error'] },
  // not in OUTPUT: nft rejects (line 2: RULE_APPEND failed (Invalid argument): rule in chain OUTPUT); legacy rejects (iptables-restore: line 3 failed)
  { ext: 'TPROXY', rule: '-A OUTPUT -p tcp -j TPROXY --on-port 3129', table: 'mangle', expect: ['IPT303 2:21-26 error'] },
  // nat table: nft rejects (line 2: RULE_APPEND failed (Invalid argument): rule in chain PREROUTING); legacy rejects (iptables-restore: line 3 failed)
  { ext: 'TPROXY', rule: '-A PREROUTING -p tcp -j TPROXY --on-port 3129', table: 'nat', expect: ['IPT302 2:25-30 error'] },
  // nft accepts; legacy accepts
  { ext: 'TRACE', rule: '-A PREROUTING -p icmp -j TRACE', table: 'raw', expect: [] },
  // two targets: nft rejects (multiple -j flags not allowed); legacy rejects (multiple -j flags not allowed)
  { ext: 'TRACE', rule: '-A PREROUTING -j TRACE -j ACCEPT', table: 'raw', expect: ['IPT126 2:24-25 error'] },
  // takes no options: nft rejects (unknown option "--log"); legacy rejects (unknown option "--log")
  { ext: 'TRACE', rule: '-A PREROUTING -j TRACE --log', table: 'raw', expect: ['IPT113 2:24-28 error'] },
  // nft accepts TRACE in any table (native nftrace), legacy refuses it outside raw: a warning when the backend is unknown.
  { ext: 'TRACE', rule: '-A INPUT -j TRACE', expect: ['IPT302 2:13-17 warning'] },
  { ext: 'TRACE', rule: '-A PREROUTING -j TRACE', table: 'mangle', expect: ['IPT302 2:18-22 warning'] },
  // nft accepts; legacy accepts
  { ext: 'TTL', rule: '-A PREROUTING -j TTL --ttl-inc 1', table: 'mangle', expect: [] },
  // IPv4 only: nft rejects (unknown option "--ttl-inc"); legacy rejects (unknown option "--ttl-inc")
  { ext: 'TTL', rule: '-A PREROUTING -j TTL --ttl-inc 1', table: 'mangle', family: 'ipv6', expect: ['IPT201 2:18-20 error'] },
  // above 255: nft rejects (TTL: bad value for option "--ttl-set", or out of range (0-255).); legacy rejects (TTL: bad value for option "--ttl-set", or out of range (0-255).)
  { ext: 'TTL', rule: '-A PREROUTING -j TTL --ttl-set 256', table: 'mangle', expect: ['IPT202 2:32-34 error'] },
  // two actions: nft rejects (TTL: option "--ttl-set" cannot be used together with "--ttl-dec".); legacy rejects (TTL: option "--ttl-set" cannot be used together with "--ttl-dec".)
  { ext: 'TTL', rule: '-A PREROUTING -j TTL --ttl-set 1 --ttl-dec 1', table: 'mangle', expect: ['IPT204 2:34-42 error'] },
  // filter table: nft rejects (line 2: RULE_APPEND failed (Invalid argument): rule in chain INPUT); legacy rejects (iptables-restore: line 3 failed)
  { ext: 'TTL', rule: '-A INPUT -j TTL --ttl-set 64', expect: ['IPT302 2:13-15 error'] },
  // this 6.18 kernel no longer has ULOG (removed in 3.17), so only userspace parsing decides (a rejection for the missing module alone counts as accepted); nft rejects (Warning: Extension ULOG revision 0 not supported, missing kernel module? / line 2: RULE_APPEND failed (No such file or directory): rule in chain INPUT); legacy rejects (Warning: Extension ULOG revision 0 not supported, missing kernel module? / iptables-restore: line 3 failed)
  { ext: 'ULOG', rule: '-A INPUT -j ULOG --ulog-nlgroup 1 --ulog-prefix x', absent: 'this 6.18 kernel no longer has ULOG (removed in 3.17)', expect: ['IPT210 2:13-16 warning'] },
  // group above 32: this 6.18 kernel no longer has ULOG (removed in 3.17), so only userspace parsing decides (a rejection for the missing module alone counts as accepted); nft rejects (Warning: Extension ULOG revision 0 not supported, missing kernel module? / ULOG: bad value for option "--ulog-nlgroup", or out of range (1-32).); legacy rejects (Warning: Extension ULOG revision 0 not supported, missing kernel module? / ULOG: bad value for option "--ulog-nlgroup", or out of range (1-32).)
  { ext: 'ULOG', rule: '-A INPUT -j ULOG --ulog-nlgroup 33', absent: 'this 6.18 kernel no longer has ULOG (removed in 3.17)', expect: ['IPT210 2:13-16 warning', 'IPT202 2:33-34 error'] },
  // threshold above 50: this 6.18 kernel no longer has ULOG (removed in 3.17), so only userspace parsing decides (a rejection for the missing module alone counts as accepted); nft rejects (Warning: Extension ULOG revision 0 not supported, missing kernel module? / ULOG: bad value for option "--ulog-qthreshold", or out of range (1-50).); legacy rejects (Warning: Extension ULOG revision 0 not supported, missing kernel module? / ULOG: bad value for option "--ulog-qthreshold", or out of range (1-50).)
  { ext: 'ULOG', rule: '-A INPUT -j ULOG --ulog-qthreshold 51', absent: 'this 6.18 kernel no longer has ULOG (removed in 3.17)', expect: ['IPT210 2:13-16 warning', 'IPT202 2:36-37 error'] },
  // IPv4 only: nft rejects (Chain 'ULOG' does not exist); legacy rejects (Couldn't load target `ULOG':No such file or directory)
  { ext: 'ULOG', rule: '-A INPUT -j ULOG', family: 'ipv6', expect: ['IPT201 2:13-16 error'] },
  // nft accepts; legacy accepts
  { ext: 'standard', rule: '-A INPUT -j ACCEPT', expect: [] },
  // nft accepts; legacy accepts
  { ext: 'standard', rule: '-A FOO -j RETURN', pre: [':FOO - [0:0]', '-A INPUT -j FOO'], expect: [] },
  // undefined chain: nft rejects (Chain 'NOSUCH' does not exist); legacy rejects (Couldn't load target `NOSUCH':No such file or directory)
  { ext: 'standard', rule: '-A INPUT -j NOSUCH', expect: ['IPT304 2:13-18 error'] },
  // DROP in nat: nft rejects (The "nat" table is not intended for filtering, the use of DROP is therefore inhibited.); legacy rejects (The "nat" table is not intended for filtering, the use of DROP is therefore inhibited.)
  { ext: 'standard', rule: '-A PREROUTING -j DROP', table: 'nat', expect: ['IPT307 2:18-21 error'] },
  // loop: nft rejects (line 4: RULE_APPEND failed (Too many links): rule in chain FOO); legacy rejects (iptables-restore: line 5 failed)
  { ext: 'standard', rule: '-A FOO -j FOO', pre: [':FOO - [0:0]', '-A INPUT -j FOO'], expect: ['IPT305 4:11-13 error'] },
  // option for a verdict: nft rejects (unknown option "--verbose-ish"); legacy rejects (unknown option "--verbose-ish")
  { ext: 'standard', rule: '-A INPUT -j ACCEPT --verbose-ish', expect: ['IPT113 2:20-32 error'] },
  // port without -p: nft rejects (Need TCP, UDP, SCTP or DCCP with port specification); legacy rejects (Need TCP, UDP, SCTP or DCCP with port specification)
  { ext: 'DNAT', rule: '-A PREROUTING -j DNAT --to-destination 10.0.0.2:8080', table: 'nat', expect: ['IPT202 2:49-52 error'] },
  // ports without -p: nft rejects (Need TCP, UDP, SCTP or DCCP with port specification); legacy rejects (Need TCP, UDP, SCTP or DCCP with port specification)
  { ext: 'MASQUERADE', rule: '-A POSTROUTING -j MASQUERADE --to-ports 1024', table: 'nat', expect: ['IPT202 2:41-44 error'] },
  // /base port: nft accepts; legacy accepts (MASQUERADE keeps no base port, so it is dropped)
  { ext: 'MASQUERADE', rule: '-A POSTROUTING -p tcp -j MASQUERADE --to-ports 42-1234/567', table: 'nat', expect: ['IPT209 2:55-58 warning'] },
  // prefix 33 read as the netmask 0.0.0.33: nft accepts; legacy accepts
  { ext: 'NETMAP', rule: '-A PREROUTING -j NETMAP --to 192.168.0.0/33', table: 'nat', expect: ['IPT209 2:42-43 warning'] },
  // mask beyond 32 bits: nft rejects (NETMAP: bad value for option "--to", neither a valid network mask nor valid CIDR (0-32).); legacy rejects (same)
  { ext: 'NETMAP', rule: '-A PREROUTING -j NETMAP --to 192.168.0.0/4294967296', table: 'nat', expect: ['IPT202 2:42-51 error'] },
  // ports without -p: nft rejects (Need TCP, UDP, SCTP or DCCP with port specification); legacy rejects (Need TCP, UDP, SCTP or DCCP with port specification)
  { ext: 'REDIRECT', rule: '-A PREROUTING -j REDIRECT --to-ports 3128', table: 'nat', expect: ['IPT202 2:38-41 error'] },
  // /base port: nft rejects (Shifted portmap ranges not supported with this kernel); legacy rejects (Shifted portmap ranges not supported with this kernel)
  { ext: 'REDIRECT', rule: '-A PREROUTING -p tcp -j REDIRECT --to-ports 42-1234/567', table: 'nat', expect: ['IPT202 2:52-55 error'] },
  // ports without -p: nft rejects (Need TCP, UDP, SCTP or DCCP with port specification); legacy rejects (Need TCP, UDP, SCTP or DCCP with port specification)
  { ext: 'SNAT', rule: '-A POSTROUTING -j SNAT --to-source 192.0.2.1:1000-2000', table: 'nat', expect: ['IPT202 2:46-54 error'] },
];

/**
 * Where iptlint disagrees with the binaries. Each runs as `it.fails`, so the suite stays green while the gap
 * is open and turns red once it is fixed: then move the case to CASES with its exact findings.
 */
const KNOWN_GAPS: KnownGap[] = [];

runSuite('targets', EXTENSIONS, CASES, KNOWN_GAPS);
