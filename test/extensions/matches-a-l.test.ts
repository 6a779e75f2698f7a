/**
 * Unit tests per extension (issue 3): matches addrtype to limit, in both families.
 * Helpers and the findings format are described in ./helpers.ts.
 */
import { runSuite, type ExtCase, type KnownGap } from './helpers.js';

/** Every extension this file covers; each needs one case that lints clean and two that iptables rejects. */
const EXTENSIONS = ['addrtype', 'ah', 'bpf', 'cgroup', 'cluster', 'comment', 'connbytes', 'connlabel', 'connlimit', 'connmark', 'conntrack', 'cpu', 'dccp', 'devgroup', 'dscp', 'dst', 'ecn', 'esp', 'eui64', 'frag', 'hashlimit', 'hbh', 'helper', 'hl', 'icmp', 'icmp6', 'ipcomp', 'iprange', 'ipv6header', 'ipvs', 'length', 'limit'];

/**
 * Each case names the real binaries' verdict beside it (iptables 1.8.9, kernel 6.18, `unshare -n`):
 * nft = iptables-nft-restore, legacy = iptables-legacy-restore (ip6tables-* for IPv6).
 */
const CASES: ExtCase[] = [
  // nft rejects (the kernel refuses --limit-iface-in in OUTPUT); legacy rejects
  { ext: 'addrtype', rule: '-A OUTPUT -m addrtype --src-type LOCAL --limit-iface-in', expect: ['IPT303 2:40-55 error'] },
  // user chain reached from OUTPUT: nft accepts (it checks the option's hooks only in built-in chains); legacy rejects
  { ext: 'addrtype', rule: '-A FOO -m addrtype --src-type LOCAL --limit-iface-in', pre: [':FOO - [0:0]', '-A OUTPUT -j FOO'], expect: ['IPT303 4:37-52 warning'] },
  // nft accepts; legacy accepts
  { ext: 'addrtype', rule: '-A INPUT -m addrtype --dst-type LOCAL --limit-iface-in -j ACCEPT', expect: [] },
  // unknown address type: nft rejects (addrtype: bad type "LOCALHOST"); legacy rejects (addrtype: bad type "LOCALHOST")
  { ext: 'addrtype', rule: '-A INPUT -m addrtype --src-type LOCALHOST', expect: ['IPT202 2:33-41 error'] },
  // neither --src-type nor --dst-type: nft rejects (addrtype: you must specify --src-type or --dst-type); legacy rejects (addrtype: you must specify --src-type or --dst-type)
  { ext: 'addrtype', rule: '-A INPUT -m addrtype', expect: ['IPT205 2:13-20 error'] },
  // both interface limits: nft rejects (addrtype: option "--limit-iface-in" cannot be used together with "--limit-iface-out".); legacy rejects (addrtype: option "--limit-iface-in" cannot be used together with "--limit-iface-out".)
  { ext: 'addrtype', rule: '-A INPUT -m addrtype --src-type LOCAL --limit-iface-in --limit-iface-out', expect: ['IPT204 2:56-72 error', 'IPT303 2:56-72 error'] },
  // nft accepts; legacy accepts
  { ext: 'ah', rule: '-A INPUT -p ah -m ah --ahspi 500:600', expect: [] },
  // malformed spi range: nft rejects (ah: Argument to "--ahspi" has unexpected characters near "x".); legacy rejects (ah: Argument to "--ahspi" has unexpected characters near "x".)
  { ext: 'ah', rule: '-A INPUT -p ah -m ah --ahspi 600:500x', expect: ['IPT202 2:34-37 error'] },
  // spi above 32 bits: nft rejects (ah: bad value for option "--ahspi" near "4294967296", or out of range (0-4294967295).); legacy rejects (ah: bad value for option "--ahspi" near "4294967296", or out of range (0-4294967295).)
  { ext: 'ah', rule: '-A INPUT -p ah -m ah --ahspi 4294967296', expect: ['IPT202 2:30-39 error'] },
  // --ahlen is IPv6 only: nft rejects (unknown option "--ahlen"); legacy rejects (unknown option "--ahlen")
  { ext: 'ah', rule: '-A INPUT -p ah -m ah --ahlen 10', expect: ['IPT113 2:22-28 error'] },
  // nft accepts; legacy accepts
  { ext: 'ah', rule: '-A INPUT -p ah -m ah --ahlen 10 --ahres', family: 'ipv6', expect: [] },
  // nft accepts; legacy accepts
  { ext: 'bpf', rule: '-A INPUT -m bpf --bytecode "4,48 0 0 9,21 0 1 6,6 0 0 1,6 0 0 0"', expect: [] },
  // fewer instructions than announced: nft rejects (bpf: parsed program length is less than the encoded length parameter); legacy rejects (bpf: parsed program length is less than the encoded length parameter)
  { ext: 'bpf', rule: '-A INPUT -m bpf --bytecode "4,48 0 0 9,21 0 1 6"', expect: ['IPT202 2:28-48 error'] },
  // no program: nft rejects (bpf: one of --bytecode or --pinned is required); legacy rejects (bpf: one of --bytecode or --pinned is required)
  { ext: 'bpf', rule: '-A INPUT -m bpf', expect: ['IPT205 2:13-15 error'] },
  // negation not supported: nft rejects (bpf: option "--bytecode" cannot be inverted.); legacy rejects (bpf: option "--bytecode" cannot be inverted.)
  { ext: 'bpf', rule: '-A INPUT -m bpf ! --bytecode "1,6 0 0 0"', expect: ['IPT206 2:17-17 error'] },
  // nft accepts; legacy accepts
  { ext: 'cgroup', rule: '-A OUTPUT -m cgroup --cgroup 1', expect: [] },
  // nft accepts; legacy accepts
  { ext: 'cgroup', rule: '-A OUTPUT -m cgroup --path "/"', expect: [] },
  // both --cgroup and --path: nft rejects (line 2: RULE_APPEND failed (Invalid argument): rule in chain OUTPUT); legacy rejects (iptables-restore: line 3 failed)
  { ext: 'cgroup', rule: '-A OUTPUT -m cgroup --cgroup 1 --path "/"', expect: ['IPT204 2:32-37 error'] },
  // class id not a number: nft rejects (cgroup: bad value for option "--cgroup", or out of range (0-4294967295).); legacy rejects (cgroup: bad value for option "--cgroup", or out of range (0-4294967295).)
  { ext: 'cgroup', rule: '-A OUTPUT -m cgroup --cgroup abc', expect: ['IPT202 2:30-32 error'] },
  // cgroup in FORWARD: nft rejects (line 2: RULE_APPEND failed (Invalid argument): rule in chain FORWARD); legacy rejects (iptables-restore: line 3 failed)
  { ext: 'cgroup', rule: '-A FORWARD -m cgroup --cgroup 1', expect: ['IPT303 2:15-20 error'] },
  // neither option: nft rejects (line 2: RULE_APPEND failed (Invalid argument): rule in chain OUTPUT); legacy rejects (iptables-restore: line 3 failed)
  { ext: 'cgroup', rule: '-A OUTPUT -m cgroup', expect: ['IPT205 2:14-19 error'] },
  // nft accepts; legacy accepts
  { ext: 'cluster', rule: '-A PREROUTING -m cluster --cluster-total-nodes 2 --cluster-local-node 3 --cluster-hash-seed 1', table: 'mangle', expect: ['IPT204 2:50-71 error'] }, // both binaries reject: local node above the node count
  { ext: 'cluster', rule: '-A PREROUTING -m cluster --cluster-total-nodes 2 --cluster-local-node 1 --cluster-hash-seed 0xdeadbeef', table: 'mangle', expect: [] },
  // no hash seed: nft rejects (cluster: option "--cluster-hash-seed" must be specified); legacy rejects (cluster: option "--cluster-hash-seed" must be specified)
  { ext: 'cluster', rule: '-A PREROUTING -m cluster --cluster-total-nodes 2 --cluster-local-node 1', table: 'mangle', expect: ['IPT205 2:18-24 error'] },
  // more than 32 nodes: nft rejects (cluster: bad value for option "--cluster-total-nodes", or out of range (1-32).); legacy rejects (cluster: bad value for option "--cluster-total-nodes", or out of range (1-32).)
  { ext: 'cluster', rule: '-A PREROUTING -m cluster --cluster-total-nodes 33 --cluster-local-node 1 --cluster-hash-seed 1', table: 'mangle', expect: ['IPT202 2:48-49 error'] },
  // nft accepts; legacy accepts
  { ext: 'comment', rule: '-A INPUT -m comment --comment "allow all the things"', expect: [] },
  // no comment: nft rejects (comment: option "--comment" must be specified); legacy rejects (comment: option "--comment" must be specified)
  { ext: 'comment', rule: '-A INPUT -m comment', expect: ['IPT205 2:13-19 error'] },
  // 256 bytes: one too many: nft accepts; legacy accepts
  { ext: 'comment', rule: '-A INPUT -m comment --comment "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"', expect: ['IPT209 2:31-288 warning'] },
  // negated comment: nft rejects (comment: option "--comment" cannot be inverted.); legacy rejects (comment: option "--comment" cannot be inverted.)
  { ext: 'comment', rule: '-A INPUT -m comment ! --comment "x"', expect: ['IPT206 2:21-21 error'] },
  // nft accepts; legacy accepts
  { ext: 'connbytes', rule: '-A INPUT -m connbytes --connbytes 10000:100000 --connbytes-dir both --connbytes-mode bytes', expect: [] },
  // no mode: nft rejects (connbytes: option "--connbytes-mode" must be specified); legacy rejects (connbytes: option "--connbytes-mode" must be specified)
  { ext: 'connbytes', rule: '-A INPUT -m connbytes --connbytes 10000:100000 --connbytes-dir both', expect: ['IPT205 2:13-21 error'] },
  // bad direction: nft rejects (Unknown --connbytes-dir `sideways'); legacy rejects (Unknown --connbytes-dir `sideways')
  { ext: 'connbytes', rule: '-A INPUT -m connbytes --connbytes 10000:100000 --connbytes-dir sideways --connbytes-mode bytes', expect: ['IPT202 2:64-71 error'] },
  // min above max: nft rejects (100000 should be less than 10); legacy rejects (100000 should be less than 10)
  { ext: 'connbytes', rule: '-A INPUT -m connbytes --connbytes 100000:10 --connbytes-dir both --connbytes-mode bytes', expect: ['IPT202 2:35-43 error', 'IPT209 2:35-43 warning'] },
  // nft accepts; legacy accepts
  { ext: 'connlabel', rule: '-A INPUT -m connlabel --label 40 --set', expect: [] },
  // no label: nft rejects (connlabel: option "--label" must be specified); legacy rejects (connlabel: option "--label" must be specified)
  { ext: 'connlabel', rule: '-A INPUT -m connlabel', expect: ['IPT205 2:13-21 error'] },
  // label bit out of range: nft rejects (line 2: RULE_APPEND failed (Numerical result out of range): rule in chain INPUT); legacy rejects (iptables-restore: line 3 failed)
  { ext: 'connlabel', rule: '-A INPUT -m connlabel --label 128', expect: ['IPT202 2:31-33 error'] },
  // negated --set: nft rejects (connlabel: option "--set" cannot be inverted.); legacy rejects (connlabel: option "--set" cannot be inverted.)
  { ext: 'connlabel', rule: '-A INPUT -m connlabel ! --set --label 1', expect: ['IPT206 2:23-23 error'] },
  // nft accepts; legacy accepts
  { ext: 'connlimit', rule: '-A INPUT -p tcp --syn -m connlimit --connlimit-above 4 --connlimit-mask 24', expect: [] },
  // both bounds: nft rejects (connlimit: option "--connlimit-upto" cannot be used together with "--connlimit-above".); legacy rejects (connlimit: option "--connlimit-upto" cannot be used together with "--connlimit-above".)
  { ext: 'connlimit', rule: '-A INPUT -m connlimit --connlimit-above 4 --connlimit-upto 2', expect: ['IPT204 2:43-58 error'] },
  // mask too long for IPv4: nft accepts; legacy accepts
  { ext: 'connlimit', rule: '-A INPUT -m connlimit --connlimit-above 4 --connlimit-mask 33', expect: ['IPT209 2:60-61 warning'] },
  // nft accepts; legacy accepts
  { ext: 'connlimit', rule: '-A INPUT -m connlimit --connlimit-above 4 --connlimit-mask 64', family: 'ipv6', expect: [] },
  // no bound: nft rejects (You must specify "--connlimit-above" or "--connlimit-upto".); legacy rejects (You must specify "--connlimit-above" or "--connlimit-upto".)
  { ext: 'connlimit', rule: '-A INPUT -m connlimit --connlimit-mask 24', expect: ['IPT205 2:13-21 error'] },
  // nft accepts; legacy accepts
  { ext: 'connmark', rule: '-A INPUT -m connmark --mark 0x1/0xff', expect: [] },
  // no mark: nft rejects (connmark: option "--mark" must be specified); legacy rejects (connmark: option "--mark" must be specified)
  { ext: 'connmark', rule: '-A INPUT -m connmark', expect: ['IPT205 2:13-20 error'] },
  // mark above 32 bits: nft rejects (connmark: bad integer value for option "--mark", or out of range.); legacy rejects (connmark: bad integer value for option "--mark", or out of range.)
  { ext: 'connmark', rule: '-A INPUT -m connmark --mark 0x100000000', expect: ['IPT202 2:29-39 error'] },
  // malformed mask: nft rejects (connmark: bad integer value for option "--mark", or out of range.); legacy rejects (connmark: bad integer value for option "--mark", or out of range.)
  { ext: 'connmark', rule: '-A INPUT -m connmark --mark 1/x', expect: ['IPT202 2:31-31 error'] },
  // nft accepts; legacy accepts
  { ext: 'conntrack', rule: '-A INPUT -m conntrack --ctstate RELATED,ESTABLISHED --ctstatus ASSURED --ctdir ORIGINAL', expect: [] },
  // misspelled state: nft rejects (Bad ctstate "ESTABLISHD"); legacy rejects (Bad ctstate "ESTABLISHD")
  { ext: 'conntrack', rule: '-A INPUT -m conntrack --ctstate ESTABLISHD', expect: ['IPT202 2:33-42 error'] },
  // no criterion: nft rejects (conntrack: At least one option is required); legacy rejects (conntrack: At least one option is required)
  { ext: 'conntrack', rule: '-A INPUT -m conntrack', expect: ['IPT205 2:13-21 error'] },
  // --ctdir cannot be negated: nft rejects (conntrack: option "--ctdir" cannot be inverted.); legacy rejects (conntrack: option "--ctdir" cannot be inverted.)
  { ext: 'conntrack', rule: '-A INPUT -m conntrack ! --ctdir REPLY', expect: ['IPT206 2:23-23 error'] },
  // IPv6 address in IPv4: nft rejects (getaddrinfo: Address family for hostname not supported); legacy rejects (getaddrinfo: Address family for hostname not supported)
  { ext: 'conntrack', rule: '-A INPUT -m conntrack --ctorigsrc 2001:db8::1', expect: ['IPT202 2:35-45 error'] },
  // expire range reversed: nft accepts; legacy accepts
  { ext: 'conntrack', rule: '-A INPUT -m conntrack --ctexpire 10:5', expect: ['IPT209 2:34-37 warning'] },
  // nft accepts; legacy accepts
  { ext: 'cpu', rule: '-A INPUT -m cpu --cpu 0', expect: [] },
  // no cpu: nft rejects (cpu: option "--cpu" must be specified); legacy rejects (cpu: option "--cpu" must be specified)
  { ext: 'cpu', rule: '-A INPUT -m cpu', expect: ['IPT205 2:13-15 error'] },
  // negative cpu: nft rejects (cpu: bad value for option "--cpu", or out of range (0-4294967295).); legacy rejects (cpu: bad value for option "--cpu", or out of range (0-4294967295).)
  { ext: 'cpu', rule: '-A INPUT -m cpu --cpu -1', expect: ['IPT202 2:23-24 error'] },
  // not a number: nft rejects (cpu: bad value for option "--cpu", or out of range (0-4294967295).); legacy rejects (cpu: bad value for option "--cpu", or out of range (0-4294967295).)
  { ext: 'cpu', rule: '-A INPUT -m cpu --cpu one', expect: ['IPT202 2:23-25 error'] },
  // nft accepts; legacy accepts
  { ext: 'dccp', rule: '-A INPUT -p dccp -m dccp --sport 1:1024 --dport 80 --dccp-types REQUEST,RESPONSE --dccp-option 2', expect: [] },
  // wrong protocol: nft rejects (line 2: RULE_APPEND failed (Invalid argument): rule in chain INPUT); legacy rejects (iptables-restore: line 3 failed)
  { ext: 'dccp', rule: '-A INPUT -p tcp -m dccp --dport 80', expect: ['IPT208 2:20-23 error'] },
  // unknown packet type: nft rejects (Unknown DCCP type `HELLO'); legacy rejects (Unknown DCCP type `HELLO')
  { ext: 'dccp', rule: '-A INPUT -p dccp -m dccp --dccp-types REQUEST,HELLO', expect: ['IPT202 2:47-51 error'] },
  // option above 255: nft rejects (dccp: bad value for option "--dccp-option", or out of range (1-255).); legacy rejects (dccp: bad value for option "--dccp-option", or out of range (1-255).)
  { ext: 'dccp', rule: '-A INPUT -p dccp -m dccp --dccp-option 256', expect: ['IPT202 2:40-42 error'] },
  // nft accepts; legacy accepts
  { ext: 'devgroup', rule: '-A FORWARD -m devgroup --src-group 0x2/0xff --dst-group 1', expect: [] },
  // no group: nft rejects (devgroup match: You must specify either '--src-group' or '--dst-group'); legacy rejects (devgroup match: You must specify either '--src-group' or '--dst-group')
  { ext: 'devgroup', rule: '-A FORWARD -m devgroup', expect: ['IPT205 2:15-22 error'] },
  // empty mask: nft rejects (devgroup: bad integer value for option "--src-group", or out of range.); legacy rejects (devgroup: bad integer value for option "--src-group", or out of range.)
  { ext: 'devgroup', rule: '-A FORWARD -m devgroup --src-group 1/', expect: ['IPT202 2:36-37 error'] },
  // group above 32 bits: nft rejects (devgroup: could not map name 0x100000000 to an integer value for option "--src-group".); legacy rejects (devgroup: could not map name 0x100000000 to an integer value for option "--src-group".)
  { ext: 'devgroup', rule: '-A FORWARD -m devgroup --src-group 0x100000000', expect: ['IPT202 2:36-46 error'] },
  // nft accepts; legacy accepts
  { ext: 'dscp', rule: '-A INPUT -m dscp --dscp-class AF41', expect: [] },
  // nft accepts; legacy accepts
  { ext: 'dscp', rule: '-A INPUT -m dscp ! --dscp 0x2e', expect: [] },
  // above 63: nft rejects (dscp: bad value for option "--dscp", or out of range (0-63).); legacy rejects (dscp: bad value for option "--dscp", or out of range (0-63).)
  { ext: 'dscp', rule: '-A INPUT -m dscp --dscp 64', expect: ['IPT202 2:25-26 error'] },
  // no such class: nft rejects (Invalid DSCP value `AF51'); legacy rejects (Invalid DSCP value `AF51')
  { ext: 'dscp', rule: '-A INPUT -m dscp --dscp-class AF51', expect: ['IPT202 2:31-34 error'] },
  // both options: nft rejects (dscp: option "--dscp" cannot be used together with "--dscp-class".); legacy rejects (dscp: option "--dscp" cannot be used together with "--dscp-class".)
  { ext: 'dscp', rule: '-A INPUT -m dscp --dscp 1 --dscp-class EF', expect: ['IPT204 2:27-38 error'] },
  // nft accepts; legacy accepts
  { ext: 'dst', rule: '-A INPUT -m dst --dst-len 8 --dst-opts 1:2,4', family: 'ipv6', expect: [] },
  // IPv6 only: nft rejects (Couldn't load match `dst':No such file or directory); legacy rejects (Couldn't load match `dst':No such file or directory)
  { ext: 'dst', rule: '-A INPUT -m dst --dst-len 8', expect: ['IPT201 2:13-15 error'] },
  // not a number: nft rejects (dst: bad value for option "--dst-len", or out of range (0-4294967295).); legacy rejects (dst: bad value for option "--dst-len", or out of range (0-4294967295).)
  { ext: 'dst', rule: '-A INPUT -m dst --dst-len eight', family: 'ipv6', expect: ['IPT202 2:27-31 error'] },
  // option type above 255: nft accepts; legacy accepts
  { ext: 'dst', rule: '-A INPUT -m dst --dst-opts 1:2,256', family: 'ipv6', expect: ['IPT209 2:32-34 warning'] },
  // nft accepts; legacy accepts
  { ext: 'ecn', rule: '-A INPUT -p udp -m ecn --ecn-tcp-cwr', expect: ['IPT208 2:24-36 error'] }, // both binaries reject: the TCP bits need -p tcp
  { ext: 'ecn', rule: '-A INPUT -p tcp -m ecn --ecn-tcp-cwr --ecn-tcp-ece --ecn-ip-ect 1', expect: [] },
  // ect above 3: nft rejects (ecn: bad value for option "--ecn-ip-ect", or out of range (0-3).); legacy rejects (ecn: bad value for option "--ecn-ip-ect", or out of range (0-3).)
  { ext: 'ecn', rule: '-A INPUT -m ecn --ecn-ip-ect 4', expect: ['IPT202 2:30-30 error'] },
  // no criterion: nft rejects (ECN match: some option required); legacy rejects (ECN match: some option required)
  { ext: 'ecn', rule: '-A INPUT -m ecn', expect: ['IPT205 2:13-15 error'] },
  // nft accepts; legacy accepts
  { ext: 'esp', rule: '-A INPUT -p esp -m esp --espspi 1:1000', expect: [] },
  // no -p esp: nft rejects (line 2: RULE_APPEND failed (Invalid argument): rule in chain INPUT); legacy rejects (iptables-restore: line 3 failed)
  { ext: 'esp', rule: '-A INPUT -m esp --espspi 1', expect: ['IPT208 2:13-15 error'] },
  // malformed range: nft rejects (esp: bad value for option "--espspi" near "x", or out of range (0-4294967295).); legacy rejects (esp: bad value for option "--espspi" near "x", or out of range (0-4294967295).)
  { ext: 'esp', rule: '-A INPUT -p esp -m esp --espspi 1:x', expect: ['IPT202 2:35-35 error'] },
  // given twice: nft rejects (esp: option "--espspi" can only be used once.); legacy rejects (esp: option "--espspi" can only be used once.)
  { ext: 'esp', rule: '-A INPUT -p esp -m esp --espspi 1 --espspi 2', expect: ['IPT203 2:35-42 error'] },
  // nft accepts; legacy accepts
  { ext: 'eui64', rule: '-A INPUT -m eui64', family: 'ipv6', expect: [] },
  // IPv6 only: nft rejects (Couldn't load match `eui64':No such file or directory); legacy rejects (Couldn't load match `eui64':No such file or directory)
  { ext: 'eui64', rule: '-A INPUT -m eui64', expect: ['IPT201 2:13-17 error'] },
  // not in OUTPUT: nft rejects (line 2: RULE_APPEND failed (Invalid argument): rule in chain OUTPUT); legacy rejects (ip6tables-restore: line 3 failed)
  { ext: 'eui64', rule: '-A OUTPUT -m eui64', family: 'ipv6', expect: ['IPT303 2:14-18 error'] },
  // takes no options: nft rejects (unknown option "--eui64"); legacy rejects (unknown option "--eui64")
  { ext: 'eui64', rule: '-A INPUT -m eui64 --eui64', family: 'ipv6', expect: ['IPT113 2:19-25 error'] },
  // nft accepts; legacy accepts
  { ext: 'frag', rule: '-A INPUT -m frag --fragid 1:100 --fraglen 8 --fragfirst', family: 'ipv6', expect: [] },
  // IPv6 only: nft rejects (Couldn't load match `frag':No such file or directory); legacy rejects (Couldn't load match `frag':No such file or directory)
  { ext: 'frag', rule: '-A INPUT -m frag --fragid 1', expect: ['IPT201 2:13-16 error'] },
  // more and last: nft rejects (frag: option "--fragmore" cannot be used together with "--fraglast".); legacy rejects (frag: option "--fragmore" cannot be used together with "--fraglast".)
  { ext: 'frag', rule: '-A INPUT -m frag --fragmore --fraglast', family: 'ipv6', expect: ['IPT204 2:29-38 error'] },
  // id above 32 bits: nft rejects (frag: bad value for option "--fragid" near "4294967296", or out of range (0-4294967295).); legacy rejects (frag: bad value for option "--fragid" near "4294967296", or out of range (0-4294967295).)
  { ext: 'frag', rule: '-A INPUT -m frag --fragid 4294967296', family: 'ipv6', expect: ['IPT202 2:27-36 error'] },
  // nft accepts; legacy accepts
  { ext: 'hashlimit', rule: '-A INPUT -m hashlimit --hashlimit-upto 10/sec --hashlimit-burst 20 --hashlimit-mode srcip,dstport --hashlimit-name ssh --hashlimit-srcmask 24', expect: [] },
  // no name: nft rejects (hashlimit: option "--hashlimit-name" must be specified); legacy rejects (hashlimit: option "--hashlimit-name" must be specified)
  { ext: 'hashlimit', rule: '-A INPUT -m hashlimit --hashlimit-upto 10/sec', expect: ['IPT205 2:13-21 error'] },
  // bad unit: nft rejects (hashlimit: Bad value for "--hashlimit-upto" option: "10/fortnight"); legacy rejects (hashlimit: Bad value for "--hashlimit-upto" option: "10/fortnight")
  { ext: 'hashlimit', rule: '-A INPUT -m hashlimit --hashlimit-upto 10/fortnight --hashlimit-name x', expect: ['IPT202 2:40-51 error'] },
  // bad mode: nft rejects (hashlimit: Bad value for "--hashlimit-mode" option: "srcip,port"); legacy rejects (hashlimit: Bad value for "--hashlimit-mode" option: "srcip,port")
  { ext: 'hashlimit', rule: '-A INPUT -m hashlimit --hashlimit-upto 10/sec --hashlimit-mode srcip,port --hashlimit-name x', expect: ['IPT202 2:64-73 error'] },
  // srcmask above 32: nft rejects (line 2: RULE_APPEND failed (Invalid argument): rule in chain INPUT); legacy rejects (iptables-restore: line 3 failed)
  { ext: 'hashlimit', rule: '-A INPUT -m hashlimit --hashlimit-upto 10/sec --hashlimit-srcmask 33 --hashlimit-name x', expect: ['IPT202 2:67-68 error'] },
  // nft accepts; legacy accepts
  { ext: 'hbh', rule: '-A INPUT -m hbh --hbh-len 8 --hbh-opts 1:2', family: 'ipv6', expect: [] },
  // IPv6 only: nft rejects (Couldn't load match `hbh':No such file or directory); legacy rejects (Couldn't load match `hbh':No such file or directory)
  { ext: 'hbh', rule: '-A INPUT -m hbh --hbh-len 8', expect: ['IPT201 2:13-15 error'] },
  // negative length: nft rejects (hbh: bad value for option "--hbh-len", or out of range (0-4294967295).); legacy rejects (hbh: bad value for option "--hbh-len", or out of range (0-4294967295).)
  { ext: 'hbh', rule: '-A INPUT -m hbh --hbh-len -1', family: 'ipv6', expect: ['IPT202 2:27-28 error'] },
  // malformed option: nft rejects (hbh: no valid digits in length `x'); legacy rejects (hbh: no valid digits in length `x')
  { ext: 'hbh', rule: '-A INPUT -m hbh --hbh-opts 1:x', family: 'ipv6', expect: ['IPT202 2:28-30 error'] },
  // nft accepts; legacy accepts
  { ext: 'helper', rule: '-A INPUT -m helper --helper ftp', expect: [] },
  // no helper: nft rejects (helper: option "--helper" must be specified); legacy rejects (helper: option "--helper" must be specified)
  { ext: 'helper', rule: '-A INPUT -m helper', expect: ['IPT205 2:13-18 error'] },
  // name longer than 29: nft accepts; legacy accepts
  { ext: 'helper', rule: '-A INPUT -m helper --helper aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', expect: ['IPT209 2:29-58 warning'] },
  // no value: nft rejects (option "--helper" requires an argument); legacy rejects (option "--helper" requires an argument)
  { ext: 'helper', rule: '-A INPUT -m helper --helper', expect: ['IPT114 2:20-27 error'] },
  // given twice: nft rejects (helper: option "--helper" can only be used once.); legacy rejects (helper: option "--helper" can only be used once.)
  { ext: 'helper', rule: '-A INPUT -m helper --helper ftp --helper sip', expect: ['IPT203 2:33-40 error'] },
  // nft accepts; legacy accepts
  { ext: 'hl', rule: '-A INPUT -m hl --hl-gt 5', family: 'ipv6', expect: [] },
  // IPv6 only: nft rejects (Couldn't load match `hl':No such file or directory); legacy rejects (Couldn't load match `hl':No such file or directory)
  { ext: 'hl', rule: '-A INPUT -m hl --hl-eq 5', expect: ['IPT201 2:13-14 error'] },
  // above 255: nft rejects (hl: bad value for option "--hl-eq", or out of range (0-255).); legacy rejects (hl: bad value for option "--hl-eq", or out of range (0-255).)
  { ext: 'hl', rule: '-A INPUT -m hl --hl-eq 256', family: 'ipv6', expect: ['IPT202 2:24-26 error'] },
  // negated --hl-lt: nft rejects (hl: option "--hl-lt" cannot be inverted.); legacy rejects (hl: option "--hl-lt" cannot be inverted.)
  { ext: 'hl', rule: '-A INPUT -m hl ! --hl-lt 5', family: 'ipv6', expect: ['IPT206 2:16-16 error'] },
  // no comparison: nft rejects (HL match: You must specify one of `--hl-eq', `--hl-lt', `--hl-gt'); legacy rejects (HL match: You must specify one of `--hl-eq', `--hl-lt', `--hl-gt')
  { ext: 'hl', rule: '-A INPUT -m hl', family: 'ipv6', expect: ['IPT205 2:13-14 error'] },
  // nft accepts; legacy accepts
  { ext: 'icmp', rule: '-A INPUT -p icmp -m icmp --icmp-type echo-request', expect: [] },
  // nft accepts; legacy accepts
  { ext: 'icmp', rule: '-A INPUT -p icmp --icmp-type 3/4', expect: [] },
  // unknown type: nft rejects (Unknown ICMP type `echo-requests'); legacy rejects (Unknown ICMP type `echo-requests')
  { ext: 'icmp', rule: '-A INPUT -p icmp -m icmp --icmp-type echo-requests', expect: ['IPT202 2:38-50 error'] },
  // wrong protocol: nft rejects (line 2: RULE_APPEND failed (Invalid argument): rule in chain INPUT); legacy rejects (iptables-restore: line 3 failed)
  { ext: 'icmp', rule: '-A INPUT -p tcp -m icmp --icmp-type 8', expect: ['IPT208 2:20-23 error'] },
  // IPv4 only: nft rejects (Couldn't load match `icmp':No such file or directory); legacy rejects (Couldn't load match `icmp':No such file or directory)
  { ext: 'icmp', rule: '-A INPUT -p icmp -m icmp --icmp-type 8', family: 'ipv6', expect: ['IPT201 2:21-24 error'] },
  // type above 255: nft rejects (Unknown ICMP type `256'); legacy rejects (Unknown ICMP type `256')
  { ext: 'icmp', rule: '-A INPUT -p icmp -m icmp --icmp-type 256', expect: ['IPT202 2:38-40 error'] },
  // nft accepts; legacy accepts
  { ext: 'icmp6', rule: '-A INPUT -p ipv6-icmp -m icmp6 --icmpv6-type neighbour-solicitation', family: 'ipv6', expect: [] },
  // nft accepts; legacy accepts
  { ext: 'icmp6', rule: '-A INPUT -p icmpv6 --icmpv6-type 1/3', family: 'ipv6', expect: [] },
  // IPv6 only: nft rejects (Couldn't load match `icmp6':No such file or directory); legacy rejects (Couldn't load match `icmp6':No such file or directory)
  { ext: 'icmp6', rule: '-A INPUT -p ipv6-icmp -m icmp6 --icmpv6-type 1', expect: ['IPT201 2:26-30 error'] },
  // unknown type: nft rejects (Ambiguous ICMPv6 type `echo': `echo-request' or `echo-reply'?); legacy rejects (Ambiguous ICMPv6 type `echo': `echo-request' or `echo-reply'?)
  { ext: 'icmp6', rule: '-A INPUT -p ipv6-icmp -m icmp6 --icmpv6-type echo', family: 'ipv6', expect: ['IPT202 2:46-49 error'] },
  // wrong protocol: nft rejects (line 2: RULE_APPEND failed (Invalid argument): rule in chain INPUT); legacy rejects (ip6tables-restore: line 3 failed)
  { ext: 'icmp6', rule: '-A INPUT -p udp -m icmp6 --icmpv6-type 1', family: 'ipv6', expect: ['IPT208 2:20-24 error'] },
  // nft accepts; legacy accepts
  { ext: 'ipcomp', rule: '-A INPUT -p ipcomp -m ipcomp --ipcompspi 1:10 --compres', expect: [] },
  // no -p ipcomp: nft rejects (line 2: RULE_APPEND failed (Invalid argument): rule in chain INPUT); legacy rejects (iptables-restore: line 3 failed)
  { ext: 'ipcomp', rule: '-A INPUT -m ipcomp --ipcompspi 1', expect: ['IPT208 2:13-18 error'] },
  // not a number: nft rejects (ipcomp: bad value for option "--ipcompspi" near "x", or out of range (0-4294967295).); legacy rejects (ipcomp: bad value for option "--ipcompspi" near "x", or out of range (0-4294967295).)
  { ext: 'ipcomp', rule: '-A INPUT -p ipcomp -m ipcomp --ipcompspi x', expect: ['IPT202 2:42-42 error'] },
  // nft accepts; legacy accepts
  { ext: 'iprange', rule: '-A INPUT -m iprange --src-range 10.0.0.1-10.0.0.9 ! --dst-range 192.168.0.1-192.168.0.5', expect: [] },
  // nft accepts; legacy accepts
  { ext: 'iprange', rule: '-A INPUT -m iprange --src-range 2001:db8::1-2001:db8::9', family: 'ipv6', expect: [] },
  // bad address: nft rejects (iprange: Bad value for "--src-range" option: "10.0.0.300"); legacy rejects (iprange: Bad value for "--src-range" option: "10.0.0.300")
  { ext: 'iprange', rule: '-A INPUT -m iprange --src-range 10.0.0.1-10.0.0.300', expect: ['IPT202 2:42-51 error'] },
  // IPv6 range in IPv4: nft rejects (iprange: Bad value for "--src-range" option: "2001:db8::1"); legacy rejects (iprange: Bad value for "--src-range" option: "2001:db8::1")
  { ext: 'iprange', rule: '-A INPUT -m iprange --src-range 2001:db8::1-2001:db8::9', expect: ['IPT202 2:33-43 error', 'IPT202 2:45-55 error'] },
  // no range: nft rejects (iprange match: You must specify `--src-range' or `--dst-range'); legacy rejects (iprange match: You must specify `--src-range' or `--dst-range')
  { ext: 'iprange', rule: '-A INPUT -m iprange', expect: ['IPT205 2:13-19 error'] },
  // nft accepts; legacy accepts
  { ext: 'ipv6header', rule: '-A INPUT -m ipv6header --header hop-by-hop,frag --soft', family: 'ipv6', expect: [] },
  // IPv6 only: nft rejects (Couldn't load match `ipv6header':No such file or directory); legacy rejects (Couldn't load match `ipv6header':No such file or directory)
  { ext: 'ipv6header', rule: '-A INPUT -m ipv6header --header frag', expect: ['IPT201 2:13-22 error'] },
  // unknown header: nft rejects (unknown header `fragment-ish' specified); legacy rejects (unknown header `fragment-ish' specified)
  { ext: 'ipv6header', rule: '-A INPUT -m ipv6header --header fragment-ish', family: 'ipv6', expect: ['IPT202 2:33-44 error'] },
  // no header: nft rejects (ipv6header: option "--header" must be specified); legacy rejects (ipv6header: option "--header" must be specified)
  { ext: 'ipv6header', rule: '-A INPUT -m ipv6header --soft', family: 'ipv6', expect: ['IPT205 2:13-22 error'] },
  // this kernel has no ip_vs, so only userspace parsing decides (a rejection for the missing module alone counts as accepted); nft rejects (Warning: Extension ipvs revision 0 not supported, missing kernel module? / line 2: RULE_APPEND failed (No such file or directory): rule in chain INPUT); legacy rejects (Warning: Extension ipvs revision 0 not supported, missing kernel module? / iptables-restore: line 3 failed)
  { ext: 'ipvs', rule: '-A INPUT -m ipvs --ipvs --vproto tcp --vaddr 10.0.0.1/32 --vport 80 --vdir ORIGINAL --vmethod GATE', absent: 'this kernel has no ip_vs', expect: [] },
  // unknown method: this kernel has no ip_vs, so only userspace parsing decides (a rejection for the missing module alone counts as accepted); nft rejects (Warning: Extension ipvs revision 0 not supported, missing kernel module? / ipvs: Bad value for "--vmethod" option: "TUNNELX"); legacy rejects (Warning: Extension ipvs revision 0 not supported, missing kernel module? / ipvs: Bad value for "--vmethod" option: "TUNNELX")
  { ext: 'ipvs', rule: '-A INPUT -m ipvs --vmethod TUNNELX', absent: 'this kernel has no ip_vs', expect: ['IPT202 2:28-34 error'] },
  // no criterion: this kernel has no ip_vs, so only userspace parsing decides (a rejection for the missing module alone counts as accepted); nft rejects (Warning: Extension ipvs revision 0 not supported, missing kernel module? / IPVS: At least one option is required); legacy rejects (Warning: Extension ipvs revision 0 not supported, missing kernel module? / IPVS: At least one option is required)
  { ext: 'ipvs', rule: '-A INPUT -m ipvs', absent: 'this kernel has no ip_vs', expect: ['IPT205 2:13-16 error'] },
  // nft accepts; legacy accepts
  { ext: 'length', rule: '-A INPUT -m length --length 0:1500', expect: [] },
  // no length: nft rejects (length: option "--length" must be specified); legacy rejects (length: option "--length" must be specified)
  { ext: 'length', rule: '-A INPUT -m length', expect: ['IPT205 2:13-18 error'] },
  // above 65535: nft rejects (length: bad value for option "--length" near "65536", or out of range (0-65535).); legacy rejects (length: bad value for option "--length" near "65536", or out of range (0-65535).)
  { ext: 'length', rule: '-A INPUT -m length --length 65536', expect: ['IPT202 2:29-33 error'] },
  // reversed range: nft accepts; legacy accepts
  { ext: 'length', rule: '-A INPUT -m length --length 1500:40', expect: ['IPT209 2:29-35 warning'] },
  // nft accepts; legacy accepts
  { ext: 'limit', rule: '-A INPUT -m limit --limit 3/min --limit-burst 10', expect: [] },
  // bad unit: nft rejects (bad rate "3/fortnight"'); legacy rejects (bad rate "3/fortnight"')
  { ext: 'limit', rule: '-A INPUT -m limit --limit 3/fortnight', expect: ['IPT202 2:29-37 error'] },
  // burst above 10000: nft rejects (limit: bad value for option "--limit-burst", or out of range (0-10000).); legacy rejects (limit: bad value for option "--limit-burst", or out of range (0-10000).)
  { ext: 'limit', rule: '-A INPUT -m limit --limit-burst 10001', expect: ['IPT202 2:33-37 error'] },
  // negated limit: nft rejects (limit: option "--limit" cannot be inverted.); legacy rejects (limit: option "--limit" cannot be inverted.)
  { ext: 'limit', rule: '-A INPUT -m limit ! --limit 3/s', expect: ['IPT206 2:19-19 error'] },
  // port above 65535: this kernel has no ip_vs, so only userspace parsing decides (a rejection for the missing module alone counts as accepted); getaddrinfo cuts the number to 16 bits
  { ext: 'ipvs', rule: '-A INPUT -m ipvs --vport 65536', absent: 'this kernel has no ip_vs', expect: ['IPT209 2:26-30 warning'] },
  // negative as a 32-bit int: nft rejects (Port "2147483648" does not resolve to anything.); legacy rejects (same)
  { ext: 'conntrack', rule: '-A INPUT -m conntrack --ctorigsrcport 2147483648', expect: ['IPT202 2:39-48 error'] },
  // cut to 16 bits: nft accepts; legacy accepts
  { ext: 'conntrack', rule: '-A INPUT -m conntrack --ctorigsrcport 65536', expect: ['IPT209 2:39-43 warning'] },
  // bit kept in 16 bits (65536 is bit 0): nft accepts; legacy accepts
  { ext: 'connlabel', rule: '-A INPUT -m connlabel --label 65536', expect: ['IPT209 2:31-35 warning'] },
  // 65664 is bit 128: nft rejects (RULE_APPEND failed (Numerical result out of range)); legacy rejects (line 3 failed)
  { ext: 'connlabel', rule: '-A INPUT -m connlabel --label 65664', expect: ['IPT202 2:31-35 error'] },
  // mask beyond 32 bits: nft rejects (connlimit: bad value for option "--connlimit-mask", neither a valid network mask nor valid CIDR (0-32).); legacy rejects (same)
  { ext: 'connlimit', rule: '-A INPUT -m connlimit --connlimit-above 2 --connlimit-mask 4294967296', expect: ['IPT202 2:60-69 error'] },
];

/**
 * Where iptlint disagrees with the binaries. Each runs as `it.fails`, so the suite stays green while the gap
 * is open and turns red once it is fixed: then move the case to CASES with its exact findings.
 */
const KNOWN_GAPS: KnownGap[] = [];

runSuite('matches a-l', EXTENSIONS, CASES, KNOWN_GAPS);
