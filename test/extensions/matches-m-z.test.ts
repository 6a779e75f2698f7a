/**
 * Unit tests per extension (issue 3): matches mac to udp (with state and the implicit tcp/udp), in both families.
 * Helpers and the findings format are described in ./helpers.ts.
 */
import { runSuite, type ExtCase, type KnownGap } from './helpers.js';

/** Every extension this file covers; each needs one case that lints clean and two that iptables rejects. */
const EXTENSIONS = ['mac', 'mark', 'mh', 'multiport', 'nfacct', 'osf', 'owner', 'physdev', 'pkttype', 'policy', 'quota', 'rateest', 'realm', 'recent', 'rpfilter', 'rt', 'sctp', 'set', 'socket', 'srh', 'state', 'statistic', 'string', 'tcp', 'tcpmss', 'time', 'tos', 'ttl', 'u32', 'udp'];

/**
 * Each case names the real binaries' verdict beside it (iptables 1.8.9, kernel 6.18, `unshare -n`):
 * nft = iptables-nft-restore, legacy = iptables-legacy-restore (ip6tables-* for IPv6).
 */
const CASES: ExtCase[] = [
  // nft accepts; legacy accepts
  { ext: 'mac', rule: '-A INPUT -m mac --mac-source 00:11:22:33:44:55', expect: [] },
  // five octets: nft rejects (Invalid MAC address specified.); legacy rejects (Invalid MAC address specified.)
  { ext: 'mac', rule: '-A INPUT -m mac --mac-source 00:11:22:33:44', expect: ['IPT202 2:30-43 error'] },
  // not in OUTPUT: nft rejects (line 2: RULE_APPEND failed (Invalid argument): rule in chain OUTPUT); legacy rejects (iptables-restore: line 3 failed)
  { ext: 'mac', rule: '-A OUTPUT -m mac --mac-source 00:11:22:33:44:55', expect: ['IPT303 2:14-16 error'] },
  // no address: nft rejects (mac: option "--mac-source" must be specified); legacy rejects (mac: option "--mac-source" must be specified)
  { ext: 'mac', rule: '-A INPUT -m mac', expect: ['IPT205 2:13-15 error'] },
  // nft accepts; legacy accepts
  { ext: 'mark', rule: '-A INPUT -m mark ! --mark 0x10/0xf0', expect: [] },
  // no mark: nft rejects (mark: option "--mark" must be specified); legacy rejects (mark: option "--mark" must be specified)
  { ext: 'mark', rule: '-A INPUT -m mark', expect: ['IPT205 2:13-16 error'] },
  // above 32 bits: nft rejects (mark: bad integer value for option "--mark", or out of range.); legacy rejects (mark: bad integer value for option "--mark", or out of range.)
  { ext: 'mark', rule: '-A INPUT -m mark --mark 4294967296', expect: ['IPT202 2:25-34 error'] },
  // bad mask: nft rejects (mark: trailing garbage after value for option "--mark".); legacy rejects (mark: trailing garbage after value for option "--mark".)
  { ext: 'mark', rule: '-A INPUT -m mark --mark 0x1/0xfg', expect: ['IPT202 2:29-32 error'] },
  // nft accepts; legacy accepts
  { ext: 'mh', rule: '-A INPUT -p mh -m mh --mh-type binding-update', family: 'ipv6', expect: [] },
  // IPv6 only: nft rejects (Couldn't load match `mh':No such file or directory); legacy rejects (Couldn't load match `mh':No such file or directory)
  { ext: 'mh', rule: '-A INPUT -p mh -m mh --mh-type 5', expect: ['IPT201 2:19-20 error'] },
  // no -p mh: nft rejects (line 2: RULE_APPEND failed (Invalid argument): rule in chain INPUT); legacy rejects (ip6tables-restore: line 3 failed)
  { ext: 'mh', rule: '-A INPUT -m mh --mh-type 5', family: 'ipv6', expect: ['IPT208 2:13-14 error'] },
  // a unique prefix of a type name: nft accepts; legacy accepts
  { ext: 'mh', rule: '-A INPUT -p mh -m mh --mh-type binding-updat', family: 'ipv6', expect: [] },
  // unknown type: nft rejects (Invalid MH type `binding-foo'); legacy rejects (Invalid MH type `binding-foo')
  { ext: 'mh', rule: '-A INPUT -p mh -m mh --mh-type binding-foo', family: 'ipv6', expect: ['IPT202 2:32-42 error'] },
  // nft accepts; legacy accepts
  { ext: 'multiport', rule: '-A INPUT -p tcp -m multiport --dports 22,80,443,8000:8080', expect: [] },
  // no protocol: nft rejects (multiport needs `-p tcp', `-p udp', `-p udplite', `-p sctp' or `-p dccp'); legacy rejects (multiport needs `-p tcp', `-p udp', `-p udplite', `-p sctp' or `-p dccp')
  { ext: 'multiport', rule: '-A INPUT -m multiport --dports 22,80', expect: ['IPT208 2:13-21 error'] },
  // 16 ports: nft rejects (too many ports specified); legacy rejects (too many ports specified)
  { ext: 'multiport', rule: '-A INPUT -p tcp -m multiport --dports 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16', expect: ['IPT202 2:75-76 error'] },
  // both directions: nft rejects (multiport: option "--source-ports" cannot be used together with "--destination-ports".); legacy rejects (multiport: option "--source-ports" cannot be used together with "--destination-ports".)
  { ext: 'multiport', rule: '-A INPUT -p tcp -m multiport --sports 22 --dports 80', expect: ['IPT204 2:42-49 error'] },
  // icmp has no ports: nft rejects (multiport only works with TCP, UDP, UDPLITE, SCTP and DCCP); legacy rejects (multiport only works with TCP, UDP, UDPLITE, SCTP and DCCP)
  { ext: 'multiport', rule: '-A INPUT -p icmp -m multiport --ports 22', expect: ['IPT208 2:21-29 error'] },
  // no nfacct object can be created here (no nfacct tool), so only userspace parsing decides (a rejection for the missing object alone counts as accepted); nft rejects (line 2: RULE_APPEND failed (No such file or directory): rule in chain INPUT); legacy rejects (iptables-restore: line 3 failed)
  { ext: 'nfacct', rule: '-A INPUT -m nfacct --nfacct-name http', absent: 'no nfacct object can be created here (no nfacct tool)', expect: [] },
  // no name: nft rejects (nfacct: option "--nfacct-name" must be specified); legacy rejects (nfacct: option "--nfacct-name" must be specified)
  { ext: 'nfacct', rule: '-A INPUT -m nfacct', expect: ['IPT205 2:13-18 error'] },
  // name longer than 31: no nfacct object can be created here (no nfacct tool), so only userspace parsing decides (a rejection for the missing object alone counts as accepted); nft rejects (line 2: RULE_APPEND failed (No such file or directory): rule in chain INPUT); legacy rejects (iptables-restore: line 3 failed)
  { ext: 'nfacct', rule: '-A INPUT -m nfacct --nfacct-name nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn', absent: 'no nfacct object can be created here (no nfacct tool)', expect: ['IPT209 2:34-65 warning'] },
  // negated: nft rejects (nfacct: option "--nfacct-name" cannot be inverted.); legacy rejects (nfacct: option "--nfacct-name" cannot be inverted.)
  { ext: 'nfacct', rule: '-A INPUT -m nfacct ! --nfacct-name http', expect: ['IPT206 2:20-20 error'] },
  // nft accepts; legacy accepts
  { ext: 'osf', rule: '-A INPUT -p tcp -m osf --genre Linux --ttl 1 --log 0', expect: [] },
  // no -p tcp: nft rejects (line 2: RULE_APPEND failed (Invalid argument): rule in chain INPUT); legacy rejects (iptables-restore: line 3 failed)
  { ext: 'osf', rule: '-A INPUT -m osf --genre Linux', expect: ['IPT208 2:13-15 error'] },
  // ttl above 2: nft rejects (osf: bad value for option "--ttl", or out of range (0-2).); legacy rejects (osf: bad value for option "--ttl", or out of range (0-2).)
  { ext: 'osf', rule: '-A INPUT -p tcp -m osf --genre Linux --ttl 3', expect: ['IPT202 2:44-44 error'] },
  // not in OUTPUT: nft rejects (line 2: RULE_APPEND failed (Invalid argument): rule in chain OUTPUT); legacy rejects (iptables-restore: line 3 failed)
  { ext: 'osf', rule: '-A OUTPUT -p tcp -m osf --genre Linux', expect: ['IPT303 2:21-23 error'] },
  // IPv4 only: nft rejects (Couldn't load match `osf':No such file or directory); legacy rejects (Couldn't load match `osf':No such file or directory)
  { ext: 'osf', rule: '-A INPUT -p tcp -m osf --genre Linux', family: 'ipv6', expect: ['IPT201 2:20-22 error'] },
  // nft accepts; legacy accepts
  { ext: 'owner', rule: '-A OUTPUT -m owner --uid-owner 0-999 --gid-owner 0 --suppl-groups', expect: [] },
  // not in INPUT: nft rejects (line 2: RULE_APPEND failed (Invalid argument): rule in chain INPUT); legacy rejects (iptables-restore: line 3 failed)
  { ext: 'owner', rule: '-A INPUT -m owner --uid-owner 0', expect: ['IPT303 2:13-17 error'] },
  // reversed uid range: nft rejects (line 2: RULE_APPEND failed (Invalid argument): rule in chain OUTPUT); legacy rejects (iptables-restore: line 3 failed)
  { ext: 'owner', rule: '-A OUTPUT -m owner --uid-owner 10-5', expect: ['IPT202 2:32-35 error'] },
  // suppl-groups without gid-owner: nft rejects (owner: Bad value for "--suppl-groups" option: "you need to use --gid-owner first"); legacy rejects (owner: Bad value for "--suppl-groups" option: "you need to use --gid-owner first")
  { ext: 'owner', rule: '-A OUTPUT -m owner --suppl-groups --uid-owner 0', expect: ['IPT207 2:20-33 error'] },
  // no criterion: nft rejects (owner: At least one of --uid-owner, --gid-owner or --socket-exists is required); legacy rejects (owner: At least one of --uid-owner, --gid-owner or --socket-exists is required)
  { ext: 'owner', rule: '-A OUTPUT -m owner', expect: ['IPT205 2:14-18 error'] },
  // user chain reached from INPUT: nft rejects (line 5: RULE_APPEND failed (Invalid argument): rule in chain FOO); legacy rejects (iptables-restore: line 6 failed)
  { ext: 'owner', rule: '-A FOO -m owner --uid-owner 0', pre: [':FOO - [0:0]', '-A OUTPUT -j FOO', '-A INPUT -j FOO'], expect: ['IPT303 5:11-15 error'] },
  // nft accepts; legacy accepts
  { ext: 'physdev', rule: '-A FORWARD -m physdev --physdev-in eth+ --physdev-is-bridged', expect: [] },
  // no criterion: nft rejects (PHYSDEV: no physdev option specified); legacy rejects (PHYSDEV: no physdev option specified)
  { ext: 'physdev', rule: '-A FORWARD -m physdev', expect: ['IPT205 2:15-21 error'] },
  // 16 characters: nft rejects (interface name `abcdefghijklmnop' must be shorter than IFNAMSIZ (15)); legacy rejects (interface name `abcdefghijklmnop' must be shorter than IFNAMSIZ (15))
  { ext: 'physdev', rule: '-A FORWARD -m physdev --physdev-in abcdefghijklmnop', expect: ['IPT202 2:51-51 error'] },
  // nft accepts; legacy accepts
  { ext: 'pkttype', rule: '-A INPUT -m pkttype --pkt-type multicast', expect: [] },
  // unknown type: nft rejects (Bad packet type 'anycast'); legacy rejects (Bad packet type 'anycast')
  { ext: 'pkttype', rule: '-A INPUT -m pkttype --pkt-type anycast', expect: ['IPT202 2:32-38 error'] },
  // no type: nft rejects (pkttype: option "--pkt-type" must be specified); legacy rejects (pkttype: option "--pkt-type" must be specified)
  { ext: 'pkttype', rule: '-A INPUT -m pkttype', expect: ['IPT205 2:13-19 error'] },
  // nft accepts; legacy accepts
  { ext: 'policy', rule: '-A INPUT -m policy --dir in --pol ipsec --strict --reqid 1 --spi 0x1 --proto esp --mode tunnel --tunnel-src 10.0.0.1 --tunnel-dst 10.0.0.2', expect: [] },
  // no --dir: nft rejects (policy match: neither --dir in nor --dir out specified); legacy rejects (policy match: neither --dir in nor --dir out specified)
  { ext: 'policy', rule: '-A INPUT -m policy --pol ipsec', expect: ['IPT205 2:13-18 error'] },
  // bad direction: nft rejects (policy_match: invalid dir "sideways"); legacy rejects (policy_match: invalid dir "sideways")
  { ext: 'policy', rule: '-A INPUT -m policy --dir sideways --pol ipsec', expect: ['IPT202 2:26-33 error'] },
  // tunnel-src without --mode: nft rejects (policy match: --tunnel-src/--tunnel-dst is only valid in tunnel mode); legacy rejects (policy match: --tunnel-src/--tunnel-dst is only valid in tunnel mode)
  { ext: 'policy', rule: '-A INPUT -m policy --dir in --pol ipsec --tunnel-src 10.0.0.1', expect: ['IPT207 2:41-52 error'] },
  // outgoing policy on input: nft rejects (RULE_APPEND failed (Invalid argument)); legacy rejects (iptables-restore: line 3 failed)
  { ext: 'policy', rule: '-A INPUT -m policy --dir out --pol ipsec', expect: ['IPT303 2:20-24 error'] },
  // incoming policy on output: nft rejects (RULE_APPEND failed (Invalid argument)); legacy rejects (iptables-restore: line 3 failed)
  { ext: 'policy', rule: '-A OUTPUT -m policy --dir in --pol none', expect: ['IPT303 2:21-25 error'] },
  // nft accepts; legacy accepts
  { ext: 'policy', rule: '-A FORWARD -m policy --dir out --pol ipsec', expect: [] },
  // user chain reached from INPUT: nft accepts (it checks the direction only in built-in chains); legacy rejects (iptables-restore: line 5 failed)
  { ext: 'policy', rule: '-A FOO -m policy --dir out --pol ipsec', pre: [':FOO - [0:0]', '-A INPUT -j FOO'], expect: ['IPT303 4:18-22 warning'] },
  // nft accepts; legacy accepts
  { ext: 'quota', rule: '-A INPUT -m quota --quota 1000000', expect: [] },
  // no quota: nft rejects (quota: option "--quota" must be specified); legacy rejects (quota: option "--quota" must be specified)
  { ext: 'quota', rule: '-A INPUT -m quota', expect: ['IPT205 2:13-17 error'] },
  // above 64 bits: nft rejects (quota: bad value for option "--quota", or out of range (0-18446744073709551615).); legacy rejects (quota: bad value for option "--quota", or out of range (0-18446744073709551615).)
  { ext: 'quota', rule: '-A INPUT -m quota --quota 18446744073709551616', expect: ['IPT202 2:27-46 error'] },
  // suffix: nft rejects (quota: bad value for option "--quota", or out of range (0-18446744073709551615).); legacy rejects (quota: bad value for option "--quota", or out of range (0-18446744073709551615).)
  { ext: 'quota', rule: '-A INPUT -m quota --quota 1M', expect: ['IPT202 2:27-28 error'] },
  // nft accepts; legacy accepts
  { ext: 'rateest', rule: '-A INPUT -m rateest --rateest RE1 --rateest-lt --rateest-bps 8bit', pre: ['-A INPUT -j RATEEST --rateest-name RE1 --rateest-interval 250.0ms --rateest-ewmalog 500.0ms'], expect: [] },
  // no comparison: nft rejects (line 3: RULE_APPEND failed (Invalid argument): rule in chain INPUT); legacy rejects (iptables-restore: line 4 failed)
  { ext: 'rateest', rule: '-A INPUT -m rateest --rateest RE1 --rateest-bps 8bit', pre: ['-A INPUT -j RATEEST --rateest-name RE1 --rateest-interval 250.0ms --rateest-ewmalog 500.0ms'], expect: ['IPT205 3:13-19 error'] },
  // bad unit: nft rejects (rateest: could not parse rate `8furlongs'); legacy rejects (rateest: could not parse rate `8furlongs')
  { ext: 'rateest', rule: '-A INPUT -m rateest --rateest RE1 --rateest-lt --rateest-bps 8furlongs', pre: ['-A INPUT -j RATEEST --rateest-name RE1 --rateest-interval 250.0ms --rateest-ewmalog 500.0ms'], expect: ['IPT202 3:62-70 error'] },
  // no estimator: nft rejects (line 2: RULE_APPEND failed (No such file or directory): rule in chain INPUT); legacy rejects (iptables-restore: line 3 failed)
  { ext: 'rateest', rule: '-A INPUT -m rateest --rateest-lt --rateest-pps 5', expect: ['IPT205 2:13-19 error'] },
  // nft accepts; legacy accepts
  { ext: 'realm', rule: '-A INPUT -m realm --realm 0x1/0x2a', expect: [] },
  // no realm: nft rejects (realm: option "--realm" must be specified); legacy rejects (realm: option "--realm" must be specified)
  { ext: 'realm', rule: '-A INPUT -m realm', expect: ['IPT205 2:13-17 error'] },
  // IPv4 only: nft rejects (Couldn't load match `realm':No such file or directory); legacy rejects (Couldn't load match `realm':No such file or directory)
  { ext: 'realm', rule: '-A INPUT -m realm --realm 1', family: 'ipv6', expect: ['IPT201 2:13-17 error'] },
  // not in PREROUTING: nft rejects (line 2: RULE_APPEND failed (Invalid argument): rule in chain PREROUTING); legacy rejects (iptables-restore: line 3 failed)
  { ext: 'realm', rule: '-A PREROUTING -m realm --realm 1', table: 'mangle', expect: ['IPT303 2:18-22 error'] },
  // nft accepts; legacy accepts
  { ext: 'recent', rule: '-A INPUT -m recent --name ssh --update --seconds 60 --hitcount 4 --rttl --rsource', expect: [] },
  // two commands: nft rejects (recent: option "--set" cannot be used together with "--update".); legacy rejects (recent: option "--set" cannot be used together with "--update".)
  { ext: 'recent', rule: '-A INPUT -m recent --name ssh --set --update', expect: ['IPT204 2:37-44 error'] },
  // no command: nft rejects (recent: you must specify one of `--set', `--rcheck' `--update' or `--remove'); legacy rejects (recent: you must specify one of `--set', `--rcheck' `--update' or `--remove')
  { ext: 'recent', rule: '-A INPUT -m recent --name ssh', expect: ['IPT205 2:13-18 error'] },
  // --rttl with --set: nft rejects (recent: option "--rttl" cannot be used together with "--set".); legacy rejects (recent: option "--rttl" cannot be used together with "--set".)
  { ext: 'recent', rule: '-A INPUT -m recent --set --rttl', expect: ['IPT204 2:26-31 error'] },
  // --reap without --seconds: nft rejects (recent: option "--reap" also requires "--seconds".); legacy rejects (recent: option "--reap" also requires "--seconds".)
  { ext: 'recent', rule: '-A INPUT -m recent --rcheck --reap', expect: ['IPT207 2:29-34 error'] },
  // nft accepts; legacy accepts
  { ext: 'rpfilter', rule: '-A PREROUTING -m rpfilter --loose --validmark --invert', table: 'raw', expect: [] },
  // the filter table has no PREROUTING chain: nft rejects (iptables-nft-restore: line 2 failed: No chain/target/match by that name.); legacy rejects (iptables-restore: line 2 failed)
  { ext: 'rpfilter', rule: '-A PREROUTING -m rpfilter', expect: ['IPT304 2:4-13 error'] },
  // not in OUTPUT: nft rejects (line 2: RULE_APPEND failed (Invalid argument): rule in chain OUTPUT); legacy rejects (iptables-restore: line 3 failed)
  { ext: 'rpfilter', rule: '-A OUTPUT -m rpfilter', table: 'raw', expect: ['IPT303 2:14-21 error'] },
  // unknown option: nft rejects (unknown option "--strict"); legacy rejects (unknown option "--strict")
  { ext: 'rpfilter', rule: '-A PREROUTING -m rpfilter --strict', table: 'raw', expect: ['IPT113 2:27-34 error'] },
  // nat table: nft rejects (line 2: RULE_APPEND failed (Invalid argument): rule in chain PREROUTING); legacy rejects (iptables-restore: line 3 failed)
  { ext: 'rpfilter', rule: '-A PREROUTING -m rpfilter', table: 'nat', expect: ['IPT302 2:18-25 error'] },
  // nft accepts; legacy accepts
  { ext: 'rpfilter', rule: '-A PREROUTING -m rpfilter', table: 'mangle', family: 'ipv6', expect: [] },
  // nft accepts; legacy accepts
  { ext: 'rt', rule: '-A INPUT -m rt --rt-type 0 --rt-segsleft 1:23 --rt-len 42 --rt-0-res', family: 'ipv6', expect: [] },
  // IPv6 only: nft rejects (Couldn't load match `rt':No such file or directory); legacy rejects (Couldn't load match `rt':No such file or directory)
  { ext: 'rt', rule: '-A INPUT -m rt --rt-type 0', expect: ['IPT201 2:13-14 error'] },
  // --rt-0-res without --rt-type 0: nft rejects (`--rt-type 0' required before `--rt-0-res'); legacy rejects (`--rt-type 0' required before `--rt-0-res')
  { ext: 'rt', rule: '-A INPUT -m rt --rt-0-res', family: 'ipv6', expect: ['IPT207 2:16-25 error'] },
  // bad range: nft rejects (rt: bad value for option "--rt-segsleft" near "x", or out of range (0-4294967295).); legacy rejects (rt: bad value for option "--rt-segsleft" near "x", or out of range (0-4294967295).)
  { ext: 'rt', rule: '-A INPUT -m rt --rt-segsleft 5:x', family: 'ipv6', expect: ['IPT202 2:32-32 error'] },
  // nft accepts; legacy accepts
  { ext: 'sctp', rule: '-A INPUT -p sctp -m sctp --sport 1:1024 --dport 5000 --chunk-types any DATA,INIT', expect: [] },
  // wrong protocol: nft rejects (line 2: RULE_APPEND failed (Invalid argument): rule in chain INPUT); legacy rejects (iptables-restore: line 3 failed)
  { ext: 'sctp', rule: '-A INPUT -p udp -m sctp --dport 5000', expect: ['IPT208 2:20-23 error'] },
  // bad scope: nft rejects (Match type has to be one of "ALL", "ANY" or "ONLY"); legacy rejects (Match type has to be one of "ALL", "ANY" or "ONLY")
  { ext: 'sctp', rule: '-A INPUT -p sctp -m sctp --chunk-types some DATA', expect: ['IPT202 2:40-43 error'] },
  // unknown chunk: nft rejects (Unknown sctp chunk `FOO'); legacy rejects (Unknown sctp chunk `FOO')
  { ext: 'sctp', rule: '-A INPUT -p sctp -m sctp --chunk-types any FOO', expect: ['IPT202 2:44-46 error'] },
  // nft accepts; legacy accepts
  { ext: 'set', rule: '-A INPUT -m set --match-set foo src --return-nomatch ! --update-counters --packets-gt 3', expect: [] },
  // no set: nft rejects (You must specify `--match-set' with proper arguments); legacy rejects (You must specify `--match-set' with proper arguments)
  { ext: 'set', rule: '-A INPUT -m set', expect: ['IPT205 2:13-15 error'] },
  // seven directions: nft rejects (Can't be more src/dst options than 6.); legacy rejects (Can't be more src/dst options than 6.)
  { ext: 'set', rule: '-A INPUT -m set --match-set foo src,dst,src,dst,src,dst,src', expect: ['IPT202 2:57-59 error'] },
  // bad direction: nft rejects (You must spefify (the comma separated list of) 'src' or 'dst'.); legacy rejects (You must spefify (the comma separated list of) 'src' or 'dst'.)
  { ext: 'set', rule: '-A INPUT -m set --match-set foo sideways', expect: ['IPT202 2:33-40 error'] },
  // nft accepts; legacy accepts
  { ext: 'socket', rule: '-A PREROUTING -m socket --transparent --nowildcard', table: 'mangle', expect: [] },
  // not in OUTPUT: nft rejects (line 2: RULE_APPEND failed (Invalid argument): rule in chain OUTPUT); legacy rejects (iptables-restore: line 3 failed)
  { ext: 'socket', rule: '-A OUTPUT -m socket', table: 'mangle', expect: ['IPT303 2:14-19 error'] },
  // negated: nft rejects (socket: option "--transparent" cannot be inverted.); legacy rejects (socket: option "--transparent" cannot be inverted.)
  { ext: 'socket', rule: '-A PREROUTING -m socket ! --transparent', table: 'mangle', expect: ['IPT206 2:25-25 error'] },
  // nft accepts; legacy accepts
  { ext: 'srh', rule: '-A INPUT -m srh --srh-next-hdr 17 --srh-segs-left-gt 1 --srh-psid 2001:db8::1', family: 'ipv6', expect: [] },
  // IPv6 only: nft rejects (Couldn't load match `srh':No such file or directory); legacy rejects (Couldn't load match `srh':No such file or directory)
  { ext: 'srh', rule: '-A INPUT -m srh --srh-next-hdr 17', expect: ['IPT201 2:13-15 error'] },
  // above 255: nft rejects (srh: bad value for option "--srh-next-hdr", or out of range (0-255).); legacy rejects (srh: bad value for option "--srh-next-hdr", or out of range (0-255).)
  { ext: 'srh', rule: '-A INPUT -m srh --srh-next-hdr 256', family: 'ipv6', expect: ['IPT202 2:32-34 error'] },
  // IPv4 address: nft rejects (getaddrinfo: Address family for hostname not supported); legacy rejects (getaddrinfo: Address family for hostname not supported)
  { ext: 'srh', rule: '-A INPUT -m srh --srh-psid 10.0.0.1', family: 'ipv6', expect: ['IPT202 2:28-35 error'] },
  // nft accepts; legacy accepts
  { ext: 'state', rule: '-A INPUT -m state --state ESTABLISHED,RELATED', expect: [] },
  // no state: nft rejects (state: option "--state" must be specified); legacy rejects (state: option "--state" must be specified)
  { ext: 'state', rule: '-A INPUT -m state', expect: ['IPT205 2:13-17 error'] },
  // SNAT is not a state here: nft rejects (Bad state "SNAT"); legacy rejects (Bad state "SNAT")
  { ext: 'state', rule: '-A INPUT -m state --state ESTABLISHED,SNAT', expect: ['IPT202 2:39-42 error'] },
  // lower case: nft accepts; legacy accepts
  { ext: 'state', rule: '-A INPUT -m state --state established', expect: [] },
  // nft accepts; legacy accepts
  { ext: 'statistic', rule: '-A INPUT -m statistic --mode nth --every 3 --packet 3', expect: ['IPT204 2:44-53 error'] }, // both binaries reject: --packet must be below --every
  { ext: 'statistic', rule: '-A INPUT -m statistic --mode nth --every 3 --packet 1', expect: [] },
  // nft accepts; legacy accepts
  { ext: 'statistic', rule: '-A INPUT -m statistic --mode random --probability 0.25', expect: [] },
  // above 1: nft rejects (statistic: bad value for option "--probability", or out of range (0-1).); legacy rejects (statistic: bad value for option "--probability", or out of range (0-1).)
  { ext: 'statistic', rule: '-A INPUT -m statistic --mode random --probability 1.1', expect: ['IPT202 2:51-53 error'] },
  // no mode: nft rejects (statistic: option "--mode" must be specified); legacy rejects (statistic: option "--mode" must be specified)
  { ext: 'statistic', rule: '-A INPUT -m statistic --probability 0.5', expect: ['IPT205 2:13-21 error'] },
  // nft accepts; legacy accepts
  { ext: 'string', rule: '-A INPUT -m string --algo bm --string "GET /" --from 0 --to 100 --icase', expect: [] },
  // no algo: nft rejects (string: option "--algo" must be specified); legacy rejects (string: option "--algo" must be specified)
  { ext: 'string', rule: '-A INPUT -m string --hex-string "|47 45 54|"', expect: ['IPT205 2:13-18 error'] },
  // unknown algo: nft rejects (line 2: RULE_APPEND failed (No such file or directory): rule in chain INPUT); legacy rejects (iptables-restore: line 3 failed)
  { ext: 'string', rule: '-A INPUT -m string --algo xyz --string a', expect: ['IPT202 2:27-29 error'] },
  // odd hex digits: nft rejects (Invalid hex block); legacy rejects (Invalid hex block)
  { ext: 'string', rule: '-A INPUT -m string --algo kmp --hex-string "|4|"', expect: ['IPT202 2:44-48 error'] },
  // nft accepts; legacy accepts
  { ext: 'tcp', rule: '-A INPUT -p tcp --syn --tcp-flags ALL SYN', expect: ['IPT204 2:23-33 error'] }, // both binaries reject --syn with --tcp-flags, in either order
  { ext: 'tcp', rule: '-A INPUT -p tcp --sport 1024:65535 --dport ssh --tcp-flags SYN,ACK SYN --tcp-option 2', expect: [] },
  // nft accepts; legacy accepts
  { ext: 'tcp', rule: '-A INPUT -p tcp ! --syn', expect: [] },
  // port above 65535: nft rejects (invalid port/service `65536' specified); legacy rejects (invalid port/service `65536' specified)
  { ext: 'tcp', rule: '-A INPUT -p tcp --dport 65536', expect: ['IPT202 2:25-29 error'] },
  // no protocol: nft rejects (unknown option "--dport"); legacy rejects (unknown option "--dport")
  { ext: 'tcp', rule: '-A INPUT --dport 22', expect: ['IPT113 2:10-16 error'] },
  // wrong protocol: nft rejects (TCP match requires '-p tcp'); legacy rejects (iptables-restore: line 3 failed)
  { ext: 'tcp', rule: '-A INPUT -p udp -m tcp --dport 22', expect: ['IPT208 2:20-22 error'] },
  // unknown flag: nft rejects (Unknown TCP flag `FOO'); legacy rejects (Unknown TCP flag `FOO')
  { ext: 'tcp', rule: '-A INPUT -p tcp --tcp-flags SYN,FOO SYN', expect: ['IPT202 2:33-35 error'] },
  // --syn after --tcp-flags: nft rejects (Only one of `--syn' or `--tcp-flags'  allowed); legacy rejects (Only one of `--syn' or `--tcp-flags'  allowed)
  { ext: 'tcp', rule: '-A INPUT -p tcp --tcp-flags ALL SYN ! --syn', expect: ['IPT204 2:39-43 error'] },
  // nft accepts; legacy accepts
  { ext: 'tcpmss', rule: '-A FORWARD -p tcp -m tcpmss --mss 1:500', expect: [] },
  // no -p tcp: nft rejects (line 2: RULE_APPEND failed (Invalid argument): rule in chain FORWARD); legacy rejects (iptables-restore: line 3 failed)
  { ext: 'tcpmss', rule: '-A FORWARD -m tcpmss --mss 500', expect: ['IPT208 2:15-20 error'] },
  // no --mss: nft rejects (tcpmss: option "--mss" must be specified); legacy rejects (tcpmss: option "--mss" must be specified)
  { ext: 'tcpmss', rule: '-A FORWARD -p tcp -m tcpmss', expect: ['IPT205 2:22-27 error'] },
  // above 65535: nft rejects (tcpmss: bad value for option "--mss" near "65536", or out of range (0-65535).); legacy rejects (tcpmss: bad value for option "--mss" near "65536", or out of range (0-65535).)
  { ext: 'tcpmss', rule: '-A FORWARD -p tcp -m tcpmss --mss 65536', expect: ['IPT202 2:35-39 error'] },
  // nft accepts; legacy accepts
  { ext: 'time', rule: '-A INPUT -m time --timestart 08:00 --timestop 18:00:30 --weekdays Mon,Tue --monthdays 1,15 --datestart 2024-01-01 --datestop 2030-12-31T23:59:59 --kerneltz', expect: [] },
  // hour 25: nft rejects (invalid time "25:00" specified, should be hh:mm[:ss] format and within the boundaries); legacy rejects (invalid time "25:00" specified, should be hh:mm[:ss] format and within the boundaries)
  { ext: 'time', rule: '-A INPUT -m time --timestart 25:00', expect: ['IPT202 2:30-31 error'] },
  // unknown day: nft rejects (Fun is not a valid day specifier); legacy rejects (Fun is not a valid day specifier)
  { ext: 'time', rule: '-A INPUT -m time --weekdays Mon,Funday', expect: ['IPT202 2:33-38 error'] },
  // day 32: nft rejects (32 is not a valid day for --monthdays); legacy rejects (32 is not a valid day for --monthdays)
  { ext: 'time', rule: '-A INPUT -m time --monthdays 32', expect: ['IPT202 2:30-31 error'] },
  // both zones: nft rejects (time: option "--utc" cannot be used together with "--kerneltz".); legacy rejects (time: option "--utc" cannot be used together with "--kerneltz".)
  { ext: 'time', rule: '-A INPUT -m time --utc --kerneltz', expect: ['IPT204 2:24-33 error'] },
  // nft accepts; legacy accepts
  { ext: 'tos', rule: '-A INPUT -m tos --tos Minimize-Delay', expect: [] },
  // nft accepts; legacy accepts
  { ext: 'tos', rule: '-A INPUT -m tos ! --tos 0x10/0x3f', expect: [] },
  // no tos: nft rejects (tos: option "--tos" must be specified); legacy rejects (tos: option "--tos" must be specified)
  { ext: 'tos', rule: '-A INPUT -m tos', expect: ['IPT205 2:13-15 error'] },
  // unknown name: nft rejects (Symbolic name "Maximum-Speed" is unknown); legacy rejects (Symbolic name "Maximum-Speed" is unknown)
  { ext: 'tos', rule: '-A INPUT -m tos --tos Maximum-Speed', expect: ['IPT202 2:23-35 error'] },
  // above 255: nft rejects (Symbolic name "0x100" is unknown); legacy rejects (Symbolic name "0x100" is unknown)
  { ext: 'tos', rule: '-A INPUT -m tos --tos 0x100', expect: ['IPT202 2:23-27 error'] },
  // nft accepts; legacy accepts
  { ext: 'ttl', rule: '-A INPUT -m ttl ! --ttl-eq 64', expect: [] },
  // IPv4 only: nft rejects (Couldn't load match `ttl':No such file or directory); legacy rejects (Couldn't load match `ttl':No such file or directory)
  { ext: 'ttl', rule: '-A INPUT -m ttl --ttl-eq 64', family: 'ipv6', expect: ['IPT201 2:13-15 error'] },
  // above 255: nft rejects (ttl: bad value for option "--ttl-gt", or out of range (0-255).); legacy rejects (ttl: bad value for option "--ttl-gt", or out of range (0-255).)
  { ext: 'ttl', rule: '-A INPUT -m ttl --ttl-gt 256', expect: ['IPT202 2:26-28 error'] },
  // two comparisons: nft rejects (ttl: option "--ttl-lt" cannot be used together with "--ttl-gt".); legacy rejects (ttl: option "--ttl-lt" cannot be used together with "--ttl-gt".)
  { ext: 'ttl', rule: '-A INPUT -m ttl --ttl-lt 5 --ttl-gt 1', expect: ['IPT204 2:28-35 error'] },
  // nft accepts; legacy accepts
  { ext: 'u32', rule: '-A INPUT -m u32 --u32 "0>>22&0x3C@12>>26&0x3C@0=0x0&&0x0=0x1"', expect: [] },
  // no test: nft rejects (u32: option "--u32" must be specified); legacy rejects (u32: option "--u32" must be specified)
  { ext: 'u32', rule: '-A INPUT -m u32', expect: ['IPT205 2:13-15 error'] },
  // reversed range: nft accepts; legacy accepts
  { ext: 'u32', rule: '-A INPUT -m u32 --u32 "0=0x1:0x0"', expect: [] },
  // malformed: nft rejects (u32: at char 2: not a number or out of range); legacy rejects (u32: at char 2: not a number or out of range)
  { ext: 'u32', rule: '-A INPUT -m u32 --u32 "0&&1=1"', expect: ['IPT202 2:23-30 error'] },
  // nft accepts; legacy accepts
  { ext: 'udp', rule: '-A INPUT -p udp --sport 53 --dport 1024:65535', expect: [] },
  // wrong protocol: nft rejects (UDP match requires '-p udp'); legacy rejects (iptables-restore: line 3 failed)
  { ext: 'udp', rule: '-A INPUT -p tcp -m udp --dport 53', expect: ['IPT208 2:20-22 error'] },
  // open range is fine?: nft accepts; legacy accepts
  { ext: 'udp', rule: '-A INPUT -p udp --dport 10:', expect: [] },
  // unknown service: nft rejects (Port "nosuchservice" does not resolve to anything.); legacy rejects (Port "nosuchservice" does not resolve to anything.)
  { ext: 'udp', rule: '-A INPUT -p udp --dport nosuchservice', expect: ['IPT202 2:25-37 error'] },
  // given twice: nft rejects (udp: option "--destination-port" can only be used once.); legacy rejects (udp: option "--destination-port" can only be used once.)
  { ext: 'udp', rule: '-A INPUT -p udp --dport 53 --dport 54', expect: ['IPT203 2:28-34 error'] },
];

/**
 * Where iptlint disagrees with the binaries. Each runs as `it.fails`, so the suite stays green while the gap
 * is open and turns red once it is fixed: then move the case to CASES with its exact findings.
 */
const KNOWN_GAPS: KnownGap[] = [];

runSuite('matches m-z', EXTENSIONS, CASES, KNOWN_GAPS);
