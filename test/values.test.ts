/**
 * Table-driven tests for the value parsers. Every case marked "oracle" was
 * decided by loading a rule with the real iptables-restore 1.8.9 (nf_tables) in
 * a throwaway network namespace: accepted values must give no error (at most a
 * warning), refused values must give an error.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkValue, ICMP_TYPES, ICMPV6_TYPES, LOG_LEVELS, REJECT_TYPES_IPV4, REJECT_TYPES_IPV6, DSCP_CLASSES, CONNTRACK_STATES, SERVICES, PROTOCOLS, parseIPv6, usePlainForms, utf8Length } from '../src/catalog/values.js';
import type { Family, ValueKind, ValueSpec } from '../src/catalog/types.js';
import { findMatch, findTarget } from '../src/catalog/index.js';

/** Expected problem: severity, a piece of the message, and the offsets (undefined: whole value). */
type Expect = ['error' | 'warning', string, number?, number?];

interface Case {
  kind: ValueKind;
  text: string;
  expect: Expect[];
  family?: Family;
  protocol?: string;
  spec?: Partial<ValueSpec>;
}

const ok = (kind: ValueKind, text: string, extra: Partial<Case> = {}): Case => ({ kind, text, expect: [], ...extra });
const bad = (kind: ValueKind, text: string, e: Expect | Expect[], extra: Partial<Case> = {}): Case => ({
  kind,
  text,
  expect: (Array.isArray(e[0]) ? e : [e]) as Expect[],
  ...extra,
});
const E = (msg: string, start?: number, end?: number): Expect => ['error', msg, start, end];
const W = (msg: string, start?: number, end?: number): Expect => ['warning', msg, start, end];

const tcp = { protocol: 'tcp' };
const udp = { protocol: 'udp' };
/** An XTTYPE_PORT/PORTRC option (udp, dccp, conntrack, ipvs, TPROXY): ports go through getaddrinfo. */
const resolver = { protocol: 'udp', spec: { portParser: 'getaddrinfo' as const } };
const v6 = { family: 'ipv6' as Family };

const cases: Case[] = [
  // uint: strtoul base 0 (oracle: --log-level 0x7 and 07 accepted; mark 010 accepted)
  ok('uint', '42', { spec: { max: 255 } }),
  ok('uint', '0xff', { spec: { max: 255 } }),
  ok('uint', '+5'),
  bad('uint', '010', W('octal (8)', 0, 3)),
  bad('uint', '256', E('out of range: use 0-255'), { spec: { max: 255 } }),
  bad('uint', '-1', E('is not a number')),
  bad('uint', '5x', E('is not a number')),
  bad('uint', '09', E('is not a number')),
  bad('uint', '', E('is not a number')),
  bad('uint', '4', E('out of range: use 5-10'), { spec: { min: 5, max: 10 } }),

  // uintRange
  ok('uintRange', '10:20', { spec: { max: 65535 } }),
  ok('uintRange', '10:', { spec: { max: 65535 } }),
  ok('uintRange', ':20', { spec: { max: 65535 } }),
  bad('uintRange', '10:70000', E('`70000` is not a number in 0-65535', 3, 8), { spec: { max: 65535 } }),
  bad('uintRange', '1:2:3', E('too many `:`', 3, 5)),
  bad('uintRange', '20:10', W('reversed')),

  ok('double', '1.5'),
  ok('double', '1e3'),
  bad('double', '1.5x', E('not a number')),
  bad('double', '7', E('out of range 0-5'), { spec: { min: 0, max: 5 } }),

  ok('string', 'abc', { spec: { maxLength: 3 } }),
  bad('string', 'abcd', E('too long: 4 bytes, at most 3', 3, 4), { spec: { maxLength: 3 } }),
  bad('string', 'éé', E('too long: 4 bytes, at most 3', 0, 2), { spec: { maxLength: 3 } }),

  ok('enum', 'ORIGINAL', { spec: { choices: ['ORIGINAL', 'REPLY'] } }),
  ok('enum', 'reply', { spec: { choices: ['ORIGINAL', 'REPLY'], caseInsensitive: true } }),
  bad('enum', 'REP', W('write `REPLY` in full'), { spec: { choices: ['ORIGINAL', 'REPLY'] } }),
  bad('enum', 'BOTH', E('not one of: ORIGINAL, REPLY'), { spec: { choices: ['ORIGINAL', 'REPLY'] } }),
  // oracle: --ctstate EST accepted (iptables compares only the letters given)
  ok('enumList', 'ESTABLISHED,RELATED', { spec: { choices: CONNTRACK_STATES, caseInsensitive: true } }),
  bad('enumList', 'NEW,EST', W('`ESTABLISHED`', 4, 7), { spec: { choices: CONNTRACK_STATES, caseInsensitive: true } }),
  bad('enumList', 'NEW,FOO', E('`FOO` is not one of', 4, 7), { spec: { choices: CONNTRACK_STATES, caseInsensitive: true } }),
  bad('enumList', 'NEW,,RELATED', E('empty element', 4, 4), { spec: { choices: CONNTRACK_STATES, caseInsensitive: true } }),

  // port / portRange, tcp: xtables_parse_port (oracle for each)
  ok('portRange', '80', tcp),
  ok('portRange', '80:', tcp),
  ok('portRange', ':80', tcp),
  ok('portRange', ':', tcp),
  ok('portRange', '0x50', tcp),
  ok('portRange', '+80', tcp),
  ok('portRange', 'http', tcp),
  ok('portRange', 'www', tcp),
  ok('portRange', 'http:https', tcp),
  ok('portRange', '80:80', tcp),
  ok('portRange', '0:65535', tcp),
  bad('portRange', '0100', W('octal (64)', 0, 4), tcp),
  bad('portRange', '080', E('a leading zero makes it octal', 0, 3), tcp),
  bad('portRange', '09', E('is not a port', 0, 2), tcp),
  bad('portRange', '65536', E('`65536` is not a port: use 0-65535 or a service name', 0, 5), tcp),
  bad('portRange', '80:9999999', E('`9999999` is not a port: use 0-65535 or a service name', 3, 10), tcp),
  bad('portRange', 'HTTP', E('is not a port', 0, 4), tcp),
  bad('portRange', '-1', E('is not a port'), tcp),
  bad('portRange', '80:22', E('reversed'), tcp),
  bad('portRange', '::', E('`:` is not a port', 1, 2), tcp),
  bad('portRange', '80:90:100', E('`90:100` is not a port', 3, 9), tcp),
  // udp: getaddrinfo, decimal only (oracle: 080, 70000, 80:22 accepted; 0x50, -1 refused)
  ok('portRange', '080', resolver),
  ok('portRange', 'http', resolver),
  ok('portRange', '80:', resolver),
  bad('portRange', '70000', W('cuts it to port 4464', 0, 5), resolver),
  bad('portRange', '80:22', W('matches nothing'), resolver),
  bad('portRange', '0x50', E('decimal only here', 0, 4), resolver),
  bad('portRange', '-1', E('is not a port'), resolver),
  bad('portRange', '99999999999999999999', E('is not a port'), resolver),
  bad('portRange', '80:90:100', E('too many `:`', 5, 9), resolver),
  // oracle: conntrack --ctorigsrcport 65536, 2147483647 and -4294967295 accepted, 2147483648 refused;
  // TPROXY --on-port 4294967296 accepted; ipvs --vport 65536 passes userspace
  bad('port', '65536', W('cuts it to port 0', 0, 5), resolver),
  bad('port', '4294967296', W('cuts it to port 0'), resolver),
  bad('portRange', '2147483647', W('cuts it to port 65535'), resolver),
  bad('portRange', '-4294967295', W('cuts it to port 1'), resolver),
  bad('portRange', '2147483648', E('negative 32-bit number'), resolver),
  bad('portRange', '0:4294967296', W('cuts it to port 0', 2, 12), resolver),
  // without the flag the same kind reads ports with strtoul (tcp, sctp): 65536 is refused
  bad('port', '65536', E('is not a port'), tcp),
  ok('port', '0x50', tcp),
  ok('port', '443', tcp),
  bad('port', 'nosuchservice', E('`nosuchservice` is not a port', 0, 13), tcp),

  // multiport: at most 15 ports, a range takes two; range ends must increase (oracle: 80:80 refused)
  ok('portList', '22,80,443', tcp),
  ok('portList', '1000:2000,http', tcp),
  ok('portList', Array.from({ length: 15 }, (_, i) => String(i + 1)).join(','), tcp),
  bad('portList', Array.from({ length: 16 }, (_, i) => String(i + 1)).join(','), E('at most 15', 36, 38), tcp),
  bad('portList', Array.from({ length: 14 }, (_, i) => String(i + 1)).join(',') + ',20:30', E('a range counts as two', 33, 38), tcp),
  bad('portList', '22,80:80', E('must be below', 3, 8), tcp),
  bad('portList', '22,,80', E('missing port', 3, 3), tcp),
  bad('portList', '22,99999', E('`99999` is not a port', 3, 8), tcp),
  // oracle: multiport reads numbers with strtoul even under -p udp (0x50 accepted, 080 and 70000 refused)
  ok('portList', '0x50,53', udp),
  ok('portList', 'domain', udp),
  bad('portList', '080', E('octal', 0, 3), udp),
  bad('portList', 'domain,70000', E('`70000` is not a port', 7, 12), udp),

  // protocol (oracle: -p TCP and --ctproto TCP accepted)
  ok('protocol', 'tcp'),
  ok('protocol', 'TCP'),
  ok('protocol', 'ipv6-icmp'),
  ok('protocol', 'all'),
  ok('protocol', '47'),
  ok('protocol', 'gre'),
  bad('protocol', '256', E('unknown protocol `256`')),
  bad('protocol', 'tcpx', E('unknown protocol')),

  // address (oracle for each)
  ok('address', '10.0.0.1'),
  ok('address', '10.0.0.0/8'),
  ok('address', '10.0.0.1/255.255.0.0'),
  ok('address', '10.0.0.1/255.0.255.0'),
  ok('address', '10.0.0.1/0x10'),
  ok('address', '10.0.0.1/+8'),
  ok('address', '999.1.1.1/0'),
  bad('address', '10.0.0.1/010', W('octal (8)', 9, 12)),
  bad('address', '10.0.0.1/33', E('`33` is not a mask: use a prefix length 0-32', 9, 11)),
  bad('address', '10.0.0.1/08', E('is not a mask', 9, 11)),
  bad('address', '10.0.0.1/-1', E('is not a mask', 9, 11)),
  bad('address', '10.0.0.1/', E('is not a mask', 9, 9)),
  bad('address', '10.0.0.1/255.255', E('is not a mask', 9, 16)),
  bad('address', '10', W('completes with zeros to 10.0.0.0', 0, 2)),
  bad('address', '10.1.2', W('10.1.2.0')),
  bad('address', '010.0.0.1', W('read as 8.0.0.1')),
  bad('address', '0x0a.0.0.1', W('read as 10.0.0.1')),
  bad('address', '10.0.0.256', E('not a valid IPv4 address', 0, 10)),
  bad('address', '10..0.1', E('not a valid IPv4 address')),
  bad('address', '10.0.0.1.', E('not a valid IPv4 address')),
  bad('address', '4294967295', W('32-bit number')),
  bad('address', 'localhost', W('host name')),
  bad('address', 'example.com/24', W('host name', 0, 11)),
  bad('address', 'bad_host!', E('neither an IPv4 address nor a host name')),
  bad('address', '::1', E('IPv6 address in an IPv4 rule')),
  ok('address', '::1/128', v6),
  ok('address', '::1', v6),
  ok('address', '::1/ffff:ffff::', v6),
  ok('address', '::1/ff00::ff', v6),
  ok('address', '::ffff:1.2.3.4', v6),
  ok('address', '::1/0x40', v6),
  bad('address', '::1/064', W('octal (52)', 4, 7), v6),
  bad('address', '::1/129', E('`129` is not a mask: use a prefix length 0-128', 4, 7), v6),
  bad('address', '[::1]', E('without brackets'), v6),
  bad('address', 'fe80::1%eth0', E('zone'), v6),
  bad('address', '1::2::3', E('not a valid IPv6 address'), v6),
  bad('address', '10.0.0.1', E('IPv4 address in an IPv6 rule'), v6),
  bad('address', 'localhost', W('host name'), v6),

  // addressList (-s/-d), oracle: `1.2.3.4,,5.6.7.8` and `1.2.3.4,` refused
  ok('addressList', '1.2.3.4,5.6.7.8'),
  ok('addressList', '::1,::2', v6),
  bad('addressList', '1.2.3.4,,5.6.7.8', E('empty address', 8, 8)),
  bad('addressList', '1.2.3.4,', E('empty address', 8, 8)),
  bad('addressList', '1.2.3.4,10.0.0.300', E('not a valid IPv4 address', 8, 18)),
  bad('addressList', 'www.example.com', W('one rule per address', 0, 15)),

  // iprange: numeric only; oracle: reversed accepted with a kernel warning, 10.1-10.2 accepted
  ok('addressRange', '10.0.0.1-10.0.0.5'),
  ok('addressRange', '::1-::5', v6),
  bad('addressRange', '10.0.0.5-10.0.0.1', W('reversed')),
  bad('addressRange', '10.1-10.2', [W('10.1.0.0', 0, 4), W('10.2.0.0', 5, 9)]),
  bad('addressRange', '10.0.0.1-foo', E('`foo` is not an IPv4 address', 9, 12)),
  bad('addressRange', '10.0.0.1/24', E('not an IPv4 address')),

  // host (getaddrinfo; oracle: --ctorigsrc 10 accepted)
  ok('host', '192.0.2.1'),
  ok('host', '2001:db8::1', v6),
  bad('host', '10', W('unusual form')),
  bad('host', '1.2.3.4/24', E('without a mask', 7, 10)),
  bad('host', 'gw.example', W('exactly one address')),

  ok('prefixLength', '24'),
  ok('prefixLength', '64', v6),
  ok('prefixLength', '255.255.255.0'),
  bad('prefixLength', '33', E('use 0-32')),
  bad('prefixLength', '129', E('use 0-128'), v6),
  bad('prefixLength', '255.0.255.0', W('not a contiguous mask')),

  // interface (oracle: 15 characters accepted, 16 refused, also with +; `eth/0` only warned)
  ok('interface', 'eth0'),
  ok('interface', 'eth+'),
  ok('interface', '+'),
  ok('interface', 'eth0:1'),
  ok('interface', 'eth0123456789ab'),
  ok('interface', 'eth0123456789a+'),
  bad('interface', 'eth0123456789abc', E('at most 15', 15, 16)),
  bad('interface', 'eth0123456789ab+', E('at most 15', 15, 16)),
  bad('interface', 'eth/0', W('never matches', 3, 4)),
  bad('interface', 'e+th', W('literal', 1, 2)),

  // markMask (oracle: 0x10/0xff, 010 accepted; 1/ and 4294967296 refused)
  ok('markMask', '0x10/0xff'),
  ok('markMask', '4294967295'),
  bad('markMask', '010', W('octal (8)')),
  bad('markMask', '1/', E('is not a mask', 2, 2)),
  bad('markMask', '4294967296', E('is not a mark')),
  bad('markMask', '1/0x100000000', E('is not a mask', 2, 13)),
  bad('markMask', '1x', E('unexpected characters', 1, 2)),

  // tosMask (oracle: Minimize-delay and 0x10/0x3f accepted; 300 and 0x10/0x100 refused)
  ok('tosMask', '0x10/0x3f'),
  ok('tosMask', 'Minimize-delay'),
  ok('tosMask', '16'),
  bad('tosMask', '300', E('is not a TOS value')),
  bad('tosMask', '0x10/0x100', E('is not a TOS mask', 5, 10)),

  // dscp / dscpClass (oracle: 64 refused, 0x3f accepted, af11 accepted, AF1 refused, EFx parsed)
  ok('dscp', '0x3f'),
  ok('dscp', '46'),
  bad('dscp', '64', E('use 0-63')),
  bad('dscp', 'EF', E('class name')),
  ok('dscpClass', 'af11'),
  ok('dscpClass', 'EF'),
  bad('dscpClass', 'AF1', E('is not a DSCP class')),
  bad('dscpClass', 'EFx', W('ignores the rest', 2, 3)),

  // logLevel (oracle: 8, warn, WARNING, -1 refused; 7, 0x7, 07, +7, warning, error, panic accepted)
  ok('logLevel', '7'),
  ok('logLevel', '0x7'),
  ok('logLevel', '07'),
  ok('logLevel', '+7'),
  ok('logLevel', 'warning'),
  bad('logLevel', 'error', W('old name for err')),
  bad('logLevel', 'panic', W('emerg')),
  bad('logLevel', '8', E('is not a log level')),
  bad('logLevel', 'warn', E('is not a log level')),
  bad('logLevel', 'WARNING', E('lower case: `warning`')),
  bad('logLevel', '-1', E('is not a log level')),

  // rate (oracle for each)
  ok('rate', '5/s'),
  ok('rate', '5/sec'),
  ok('rate', '5/second'),
  ok('rate', '5/m'),
  ok('rate', '5/min'),
  ok('rate', '1/minu'),
  ok('rate', '5/h'),
  ok('rate', '5/hour'),
  ok('rate', '5/d'),
  ok('rate', '5/day'),
  ok('rate', '5'),
  ok('rate', '05/s'),
  ok('rate', '5/S'),
  ok('rate', '10000/s'),
  bad('rate', '5abc/s', W('ignores `abc`', 1, 4)),
  bad('rate', '5/minutes', E('not a rate unit', 2, 9)),
  bad('rate', '5/days', E('not a rate unit', 2, 6)),
  bad('rate', '1/sx', E('not a rate unit', 2, 4)),
  bad('rate', '5/', E('not a rate unit', 2, 2)),
  bad('rate', '0/s', E('positive number', 0, 1)),
  bad('rate', '0x5/s', E('positive number', 0, 3)),
  bad('rate', '10001/s', E('rate too fast: at most 10000/second')),
  bad('rate', '2147483648/d', E('rate too fast')),
  bad('rate', '-5/s', E('rate too fast')),

  // time (oracle: 1:2 and :30 accepted; 24:00, 12:60, 12 refused)
  ok('time', '01:02:03'),
  ok('time', '23:59'),
  ok('time', '1:2'),
  ok('time', ':30'),
  bad('time', '24:00', E('hour `24` is out of range 0-23', 0, 2)),
  bad('time', '12:60', E('minute `60` is out of range', 3, 5)),
  bad('time', '12:00:60', E('second `60`', 6, 8)),
  bad('time', '12', E('is not a time', 2, 2)),
  bad('time', '12:3x', E('is not a time', 4, 5)),
  // oracle: each field is strtoul cut to an unsigned int, so 2^32 is 0 and -2^32 too; -1 stays refused
  bad('time', '01:02:4294967296', W('low 32 bits', 6, 16)),
  bad('time', '4294967297:02', W('which makes 1', 0, 10)),
  bad('time', '-4294967296:02', W('which makes 0', 0, 11)),
  bad('time', '01:-1', E('minute `-1` is out of range', 3, 5)),

  // date (oracle: 2039 and 2020-13 refused; 2020-02-30 and 2038-00-00 accepted)
  ok('date', '2001-02-03T04:05:06'),
  ok('date', '1970'),
  ok('date', '2038-01-19'),
  bad('date', '2039', E('year `2039` is out of range 1970-2038', 0, 4)),
  bad('date', '2020-13', E('month `13`', 5, 7)),
  bad('date', '2020-01-01 10:00', E('is not a date', 10, 16)),
  bad('date', '2020-02-30', W('has 29 days')),
  bad('date', '2038-00-00', W('month 0')),

  // weekdays (oracle: Mo, Mox,Tu and 8 accepted; M and 0 refused)
  ok('weekdays', 'Mon,Fri,Sun'),
  ok('weekdays', '1,7'),
  bad('weekdays', 'Mo', W('as Mon', 0, 2)),
  bad('weekdays', 'Mon,Mox', W('as Mon', 4, 7)),
  bad('weekdays', '8', W('never matches', 0, 1)),
  bad('weekdays', 'M', E('is not a weekday', 0, 1)),
  bad('weekdays', 'mon', E('is not a weekday', 0, 3)),
  bad('weekdays', 'Mon,0', E('numbered 1 (Monday)', 4, 5)),

  // monthdays (oracle: 0,123 and 1,,2 accepted)
  ok('monthdays', '1,15,31'),
  bad('monthdays', '0,123', [W('never matches', 0, 1), W('reads only `12`', 4, 5)]),
  bad('monthdays', '1,,2', W('never matches', 2, 2)),
  bad('monthdays', '32', E('is not a day of the month', 0, 2)),
  bad('monthdays', '1,x', E('`x` is not a day', 2, 3)),

  // tcpFlags (oracle: SYN,FOO refused; syn,,ack accepted)
  ok('tcpFlags', 'SYN,ACK,FIN,RST'),
  ok('tcpFlags', 'syn,,ack'),
  ok('tcpFlags', 'ALL'),
  ok('tcpFlags', 'NONE'),
  bad('tcpFlags', 'SYN,FOO', E('`FOO` is not a TCP flag', 4, 7)),
  bad('tcpFlags', 'SYN,ECE,CWR', [E('`ECE`', 4, 7), E('`CWR`', 8, 11)]),

  // icmpType (oracle: 3/1, 3/1:3, echo-req accepted; 3:4, 256, echo, 3x refused)
  ok('icmpType', 'echo-request'),
  ok('icmpType', 'any'),
  ok('icmpType', '3/1'),
  ok('icmpType', '3/1:3'),
  ok('icmpType', '8'),
  ok('icmpType', 'TOS-host-unreachable'),
  bad('icmpType', 'echo-req', W('taken as `echo-request`')),
  bad('icmpType', 'echo', E('ambiguous: echo-reply or echo-request')),
  bad('icmpType', '3:4', E('type ranges are not supported', 0, 3)),
  bad('icmpType', '256', E('unknown ICMP type')),
  bad('icmpType', '3x', E('unexpected `x`', 1, 2)),
  bad('icmpType', '3/300', E('unknown ICMP code', 2, 5)),
  ok('icmpv6Type', 'neighbour-solicitation'),
  ok('icmpv6Type', '135'),
  bad('icmpv6Type', 'echo', E('ambiguous')),
  bad('icmpv6Type', 'source-quench', E('unknown ICMPv6 type')),

  // rejectType (oracle: tcp-rst, ICMP-HOST-PROHIBITED and icmp accepted; icmp6-no-route refused for IPv4)
  ok('rejectType', 'icmp-port-unreachable'),
  ok('rejectType', 'tcp-rst'),
  ok('rejectType', 'icmp6-no-route', v6),
  ok('rejectType', 'tcp-reset', v6),
  bad('rejectType', 'ICMP-HOST-PROHIBITED', W('lower case')),
  bad('rejectType', 'icmp', W('taken as `icmp-net-unreachable`')),
  bad('rejectType', 'icmp6-no-route', E('is an ip6tables type')),
  bad('rejectType', 'icmp-port-unreachable', E('is an iptables type'), v6),
  bad('rejectType', 'drop', E('unknown reject type')),

  // mac (oracle: 00:11:22:33:44 and 000:… and 0x1:… refused; ::::: accepted)
  ok('mac', '00:11:22:33:44:55'),
  ok('mac', 'aa:BB:cc:DD:ee:FF'),
  bad('mac', ':::::', W('two hex digits')),
  bad('mac', '00:11:22:33:44', E('is not a MAC address')),
  bad('mac', '000:11:22:33:44:55', E('`000` is not a hex byte', 0, 3)),
  bad('mac', '0x1:2:3:4:5:6', E('`0x1` is not a hex byte', 0, 3)),
  bad('mac', '00:11:22:33:44:gg', E('`gg`', 15, 17)),

  // hostMask, XTTYPE_HOSTMASK (oracle: policy --tunnel-src, conntrack --ctorigsrc, NETMAP --to):
  // the mask falls back to a numeric netmask, for IPv4 anything inet_aton reads
  ok('hostMask', '10.0.0.0/8'),
  ok('hostMask', '10.0.0.0/255.255.0.0'),
  ok('hostMask', '10.0.0.0'),
  bad('hostMask', '10.0.0.0/33', W('netmask 0.0.0.33, whose ones are not contiguous', 9, 11)),
  bad('hostMask', '10.0.0.0/65536', W('netmask 0.1.0.0', 9, 14)),
  bad('hostMask', '10.0.0.0/4294967295', W('netmask 255.255.255.255, that is /32', 9, 19)),
  bad('hostMask', '10.0.0.0/0x21', W('netmask 0.0.0.33', 9, 13)),
  bad('hostMask', '10.0.0.0/4294967296', E('neither a prefix length 0-32 nor a numeric netmask', 9, 19)),
  bad('hostMask', '10.0.0.0/x', E('neither a prefix length', 9, 10)),
  bad('hostMask', '10.0.0.0/', E('neither a prefix length', 9, 9)),
  bad('hostMask', '10/8', W('unusual form', 0, 2)),
  bad('hostMask', 'gw.example/24', W('exactly one address', 0, 10)),
  ok('hostMask', '::/ffff::', v6),
  ok('hostMask', '::/0x80', v6),
  bad('hostMask', '::/129', E('neither a prefix length 0-128', 3, 6), v6),
  bad('hostMask', '::/65536', E('neither a prefix length 0-128', 3, 8), v6),
  bad('hostMask', '::/ff00::ff', W('not contiguous', 3, 11), v6),

  // natRange (oracle for each, nat table)
  ok('natRange', '10.0.0.1', tcp),
  ok('natRange', '10.0.0.1:80', tcp),
  ok('natRange', '10.0.0.1-10.0.0.5:80-90', tcp),
  ok('natRange', ':80', tcp),
  ok('natRange', '10.0.0.1:http', tcp),
  ok('natRange', '10.0.0.1'),
  ok('natRange', '[::1]:80', { ...tcp, ...v6 }),
  ok('natRange', '::1', { ...tcp, ...v6 }),
  ok('natRange', '[::1]', { ...tcp, ...v6 }),
  ok('natRange', '[::1-::5]:80', { ...tcp, ...v6 }),
  bad('natRange', '[::1]x', W('ignores', 5, 6), { ...tcp, ...v6 }),
  bad('natRange', '10.0.0.1:80', E('need `-p tcp`', 9, 11)),
  bad('natRange', '10.0.0.1:80:90', E('`10.0.0.1:80:90` is not an IPv4 address', 0, 14), tcp),
  bad('natRange', '10.1:80', E('`10.1` is not an IPv4 address', 0, 4), tcp),
  bad('natRange', '010.0.0.1', E('is not an IPv4 address'), tcp),
  bad('natRange', '10.0.0.1:80-http', E('no service names in a range', 12, 16), tcp),
  bad('natRange', '10.0.0.1:90-80', E('reversed', 9, 14), tcp),
  bad('natRange', '10.0.0.1:80:90x', E('is not an IPv4 address'), tcp),
  bad('natRange', '[10.0.0.1]:80', E('only for IPv6', 0, 1), tcp),
  bad('natRange', '[::1:80', E('missing `]`', 0, 7), { ...tcp, ...v6 }),
  bad('natRange', '10.0.0.5-10.0.0.1', W('reversed', 0, 17), tcp),

  ok('natPorts', '8080', tcp),
  ok('natPorts', '8080-8090', udp),
  // oracle: REDIRECT refuses a /base port, MASQUERADE accepts it, DNAT --to-destination 10.0.0.1:80-90/100 accepts it
  // the kind accepts a /base; what it means is the target's business (see the entry tests below)
  ok('natPorts', '8080-8090/100', tcp),
  ok('natRange', '10.0.0.1:80-90/100', tcp),
  bad('natPorts', '8080:8090', E('with `-` here', 4, 5), tcp),
  bad('natPorts', '8080', E('need `-p tcp`')),
  bad('natPorts', '8080-', E('is not a port', 5, 5), tcp),
  bad('natPorts', '8080-8090/0', E('is not a base port', 10, 11), tcp),

  // hexString (oracle for each; 128 bytes accepted, 129 refused)
  ok('hexString', '|41 42|'),
  ok('hexString', 'GET |2f|index'),
  ok('hexString', 'a\\|b'),
  ok('hexString', 'a'.repeat(128)),
  bad('hexString', 'a'.repeat(129), E('longer than 128 bytes', 128, 129)),
  bad('hexString', '|414|', E('not closed', 0, 5)),
  bad('hexString', '|4G|', E('`G` is not a hex digit', 2, 3)),
  bad('hexString', 'abc\\', E('escapes nothing', 3, 4)),
  bad('hexString', '|41', E('not closed', 0, 3)),
  bad('hexString', '|41\\|', E('no \\-escapes', 3, 4)),
  bad('hexString', '', E('at least one character')),

  // setFlags (libxt_set.h: first three letters, at most 6)
  ok('setFlags', 'src'),
  ok('setFlags', 'src,dst,dst'),
  bad('setFlags', 'srcx', W('as `src`', 0, 4)),
  bad('setFlags', 'src,foo', E('`foo` is not a direction', 4, 7)),
  bad('setFlags', 'src,dst,src,dst,src,dst,src', E('at most 6', 24, 27)),
];

describe('checkValue', () => {
  it.each(cases.map((c) => [c.kind, c.text, c.family ?? 'ipv4', c.protocol ?? '-', c] as const))(
    '%s %j (%s, -p %s)',
    (_kind, _text, _family, _proto, c) => {
      const spec: ValueSpec = { kind: c.kind, ...c.spec };
      const problems = checkValue(spec, c.text, { family: c.family ?? 'ipv4', protocol: c.protocol });
      // absent offsets mean the whole value
      const got = problems.map((p) => [p.severity ?? 'error', p.message, p.start ?? 0, p.end ?? c.text.length] as const);
      expect(got.length, JSON.stringify(got)).toBe(c.expect.length);
      c.expect.forEach(([sev, msg, start, end], i) => {
        expect(got[i][0]).toBe(sev);
        expect(got[i][1]).toContain(msg);
        expect([got[i][2], got[i][3]]).toEqual([start ?? 0, end ?? c.text.length]);
      });
    },
  );

  it('runs a custom validator after the kind check', () => {
    const spec: ValueSpec = { kind: 'uint', max: 10, validate: (t) => (t === '7' ? [{ message: 'seven is unlucky' }] : []) };
    expect(checkValue(spec, '7', { family: 'ipv4' }).map((p) => p.message)).toEqual(['seven is unlucky']);
    expect(checkValue(spec, '11', { family: 'ipv4' })).toHaveLength(1);
    expect(checkValue({ kind: 'custom' }, 'anything', { family: 'ipv4' })).toEqual([]);
  });
});

describe('the fast paths for plainly written values', () => {
  // Pieces that make plain values, near misses (leading zeros, hex, out of range, signs, spaces) and garbage.
  const number = fc.oneof(
    fc.integer({ min: 0, max: 300 }).map(String),
    fc.integer({ min: 0, max: 70000 }).map(String),
    fc.constantFrom('0', '00', '010', '08', '0x1f', '+1', '-1', ' 1', '1 ', '', '999999999', '4294967296', '1e3', 'a'),
  );
  const ipv4 = fc.oneof(
    fc.tuple(number, number, number, number).map((p) => p.join('.')),
    fc.array(number, { minLength: 1, maxLength: 6 }).map((p) => p.join('.')),
  );
  const value = fc.oneof(
    ipv4,
    fc.tuple(ipv4, number).map(([a, m]) => `${a}/${m}`),
    fc.tuple(ipv4, ipv4).map(([a, m]) => `${a}/${m}`),
    fc.tuple(ipv4, number).map(([a, p]) => `${a}:${p}`),
    fc.tuple(ipv4, ipv4).map(([a, b]) => `${a},${b}`),
    number,
    fc.tuple(number, number).map(([a, b]) => `${a}:${b}`),
    fc.string({ maxLength: 12 }),
  );
  const specs: ValueSpec[] = [
    { kind: 'addressList' }, { kind: 'addressList', maxItems: 1 }, { kind: 'addressList', maxItems: 0 }, { kind: 'address' }, { kind: 'natRange' }, { kind: 'natPorts' }, { kind: 'uint' }, { kind: 'uint', min: 1, max: 255 },
    { kind: 'uintRange' }, { kind: 'port' }, { kind: 'portRange' }, { kind: 'portList' }, { kind: 'prefixLength' }, { kind: 'string', maxLength: 8 },
  ];

  it('find exactly what the general path finds', () => {
    fc.assert(
      fc.property(value, fc.constantFrom(...specs), fc.constantFrom<Family>('ipv4', 'ipv6'), fc.constantFrom(undefined, 'tcp', 'udp', 'icmp', 'esp'), (text, spec, family, protocol) => {
        const ctx = { family, protocol };
        let general;
        try {
          usePlainForms(false);
          general = checkValue(spec, text, ctx);
        } finally {
          usePlainForms(true);
        }
        expect(checkValue(spec, text, ctx)).toEqual(general);
      }),
      { numRuns: 20000 },
    );
  });

  it('count UTF-8 bytes as the encoder does, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 20 }), (text) => {
        expect(utf8Length(text)).toBe(Buffer.byteLength(text, 'utf8'));
      }),
    );
  });
});

describe('exported data', () => {
  it('carries iptables names with their numbers', () => {
    expect(ICMP_TYPES.find((t) => t.name === 'port-unreachable')).toEqual({ name: 'port-unreachable', type: 3, codeMin: 3, codeMax: 3 });
    expect(ICMPV6_TYPES.find((t) => t.name === 'packet-too-big')?.type).toBe(2);
    expect(LOG_LEVELS.debug).toBe(7);
    expect(DSCP_CLASSES.EF).toBe(46);
    expect(REJECT_TYPES_IPV4.map((r) => r.name)).toContain('icmp-admin-prohibited');
    expect(REJECT_TYPES_IPV6.map((r) => r.name)).toContain('icmp6-adm-prohibited');
    expect(SERVICES.ssh.tcp).toBe(22);
    expect(PROTOCOLS.gre).toBe(47);
  });

  it('parses IPv6 like inet_pton', () => {
    expect(parseIPv6('::')).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(parseIPv6('1:2:3:4:5:6:7:8')).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(parseIPv6('1:2:3:4:5:6:7::')).toEqual([1, 2, 3, 4, 5, 6, 7, 0]);
    expect(parseIPv6('1:2:3:4:5:6:7:8:9')).toBeUndefined();
    expect(parseIPv6('12345::')).toBeUndefined();
    expect(parseIPv6('1.2.3.4::')).toBeUndefined();
    expect(parseIPv6(':1')).toBeUndefined();
  });

  it('counts UTF-8 bytes', () => {
    expect(utf8Length('aé€😀')).toBe(1 + 2 + 3 + 4);
  });
});

/**
 * Values checked by an extension's own entry (kind `custom` or a `validate`),
 * through the entry itself so the test follows the catalog. Verdicts are the
 * real iptables-restore's (nf_tables and legacy, `unshare -n`).
 */
describe('entry values', () => {
  type EntryCase = [type: 'match' | 'target', ext: string, option: string, text: string, want: 'ok' | 'warning' | 'error', family?: Family, protocol?: string];
  const entryCases: EntryCase[] = [
    // CLASSIFY: sscanf("%x:%x") takes a sign and 0x, ignores a tail, keeps 16 bits of each
    ['target', 'CLASSIFY', 'set-class', '1:10', 'ok'],
    ['target', 'CLASSIFY', 'set-class', '0x10:0x2', 'ok'],
    ['target', 'CLASSIFY', 'set-class', '0x:1', 'ok'],
    ['target', 'CLASSIFY', 'set-class', '-1:ffff', 'warning'],
    ['target', 'CLASSIFY', 'set-class', '12345:1', 'warning'],
    ['target', 'CLASSIFY', 'set-class', '1:2x', 'warning'],
    ['target', 'CLASSIFY', 'set-class', '1', 'error'],
    ['target', 'CLASSIFY', 'set-class', '1:', 'error'],
    ['target', 'CLASSIFY', 'set-class', '1:-', 'error'],
    // connlabel: strtoul kept in an int, the bit in 16 bits; from 2^31 up it is a name
    ['match', 'connlabel', 'label', '41', 'ok'],
    ['match', 'connlabel', 'label', '65536', 'warning'],
    ['match', 'connlabel', 'label', '0x10000', 'warning'],
    ['match', 'connlabel', 'label', '4294967296', 'warning'],
    ['match', 'connlabel', 'label', '2147483648', 'warning'],
    ['match', 'connlabel', 'label', '128', 'error'],
    ['match', 'connlabel', 'label', '65664', 'error'],
    ['match', 'connlabel', 'label', '2147483647', 'error'],
    // HMARK and connlimit: XTTYPE_PLENMASK, a prefix length or a numeric netmask
    ['target', 'HMARK', 'hmark-dst-prefix', '24', 'ok'],
    ['target', 'HMARK', 'hmark-dst-prefix', '65536', 'warning'],
    ['target', 'HMARK', 'hmark-dst-prefix', '256', 'warning'],
    ['target', 'HMARK', 'hmark-dst-prefix', '1.2', 'warning'],
    ['target', 'HMARK', 'hmark-dst-prefix', '4294967296', 'error'],
    ['target', 'HMARK', 'hmark-dst-prefix', '::', 'error'],
    ['target', 'HMARK', 'hmark-dst-prefix', 'ffff::', 'ok', 'ipv6'],
    ['target', 'HMARK', 'hmark-dst-prefix', '65536', 'error', 'ipv6'],
    ['match', 'connlimit', 'connlimit-mask', '65536', 'warning'],
    ['match', 'connlimit', 'connlimit-mask', '4294967296', 'error'],
    // hashlimit: byte rates are atoll times the factor, never refused for size by iptables;
    // the rate interval is atoi, so only the low 32 bits count
    ['match', 'hashlimit', 'hashlimit-upto', '99999999999999999999mb/s', 'ok'],
    ['match', 'hashlimit', 'hashlimit-upto', '1kb/sx', 'warning'],
    ['match', 'hashlimit', 'hashlimit-upto', '99999999999999999999/s', 'error'],
    ['match', 'hashlimit', 'hashlimit-rate-interval', '5', 'ok'],
    ['match', 'hashlimit', 'hashlimit-rate-interval', '4294967297', 'warning'],
    ['match', 'hashlimit', 'hashlimit-rate-interval', '4294967296', 'error'],
    ['match', 'hashlimit', 'hashlimit-rate-interval', '4294967295', 'error'],
    // owner: no user or group name starts with `-`, so that is a swallowed option
    ['match', 'owner', 'gid-owner', '0-10', 'ok'],
    ['match', 'owner', 'gid-owner', '--suppl-groups', 'error'],
    ['match', 'owner', 'gid-owner', '-5', 'error'],
    // ECN: the TCP operations need -p tcp
    ['target', 'ECN', 'ecn-tcp-cwr', '1', 'ok', 'ipv4', 'tcp'],
    ['target', 'ECN', 'ecn-tcp-cwr', '1', 'ok', 'ipv4', '6'],
    ['target', 'ECN', 'ecn-tcp-cwr', '1', 'error'],
    ['target', 'ECN', 'ecn-tcp-ece', '0', 'error', 'ipv4', 'udp'],
    // a /base port: REDIRECT refuses it, MASQUERADE accepts and drops it
    ['target', 'REDIRECT', 'to-ports', '42-1234/567', 'error', 'ipv4', 'tcp'],
    ['target', 'MASQUERADE', 'to-ports', '42-1234/567', 'warning', 'ipv4', 'tcp'],
    ['target', 'DNAT', 'to-destination', '10.0.0.1:42-1234/567', 'ok', 'ipv4', 'tcp'],
    // NPT translates at most a /64 (the kernel refuses longer prefixes)
    ['target', 'DNPT', 'src-pfx', 'dead::/64', 'ok', 'ipv6'],
    ['target', 'DNPT', 'src-pfx', 'dead::/48', 'ok', 'ipv6'],
    ['target', 'DNPT', 'src-pfx', 'dead::beef', 'error', 'ipv6'],
    ['target', 'SNPT', 'dst-pfx', 'dead::/65', 'error', 'ipv6'],
    // XTTYPE_HOSTMASK and resolver ports through the entries that use them
    ['match', 'policy', 'tunnel-src', '10.0.0.0/65536', 'warning'],
    ['match', 'conntrack', 'ctorigdst', '10.0.0.0/256', 'warning'],
    ['match', 'conntrack', 'ctorigsrcport', '65536', 'warning', 'ipv4', 'tcp'],
    ['match', 'conntrack', 'ctorigsrcport', '2147483648', 'error', 'ipv4', 'tcp'],
    ['match', 'ipvs', 'vport', '65536', 'warning'],
    ['match', 'ipvs', 'vaddr', '1.2.3.4/33', 'warning'],
    ['target', 'TPROXY', 'on-port', '4294967296', 'warning', 'ipv4', 'tcp'],
    ['target', 'NETMAP', 'to', '192.168.0.0/33', 'warning'],
    ['target', 'NETMAP', 'to', 'dead::/129', 'error', 'ipv6'],
    ['match', 'time', 'timestart', '01:02:4294967296', 'warning'],
    // dst/hbh options: strtoul base 0 (a sign is fine), refused only on overflow or junk; 8 bits kept
    ['match', 'dst', 'dst-opts', '1:2,5', 'ok', 'ipv6'],
    ['match', 'dst', 'dst-opts', '-1', 'warning', 'ipv6'],
    ['match', 'dst', 'dst-opts', '18446744073709551615', 'warning', 'ipv6'],
    ['match', 'dst', 'dst-opts', '18446744073709551616', 'error', 'ipv6'],
    ['match', 'dst', 'dst-opts', '1:2:3', 'error', 'ipv6'],
    ['match', 'dst', 'dst-opts', '1:0x', 'error', 'ipv6'],
    ['match', 'hbh', 'hbh-opts', '1:-1', 'warning', 'ipv6'],
  ];
  it.each(entryCases)('%s %s --%s %j: %s (%s, -p %s)', (type, ext, option, text, want, family = 'ipv4', protocol) => {
    const def = type === 'match' ? findMatch(ext, family) : findTarget(ext, family);
    const spec = def?.options.find((o) => o.name === option)?.args?.[0];
    expect(spec, `${ext} --${option}`).toBeDefined();
    const problems = checkValue(spec!, text, { family, protocol });
    const got = problems.some((p) => (p.severity ?? 'error') === 'error') ? 'error' : problems.length ? 'warning' : 'ok';
    expect(got, JSON.stringify(problems)).toBe(want);
  });

  it('declares per-option and per-family protocol needs the checks can read', () => {
    expect(findMatch('ah', 'ipv4')?.protocolsByFamily).toEqual({ ipv4: ['ah'] });
    expect(findMatch('ecn', 'ipv4')?.options.find((o) => o.name === 'ecn-tcp-cwr')?.protocols).toEqual(['tcp']);
    expect(findTarget('ECN', 'ipv4')?.options.find((o) => o.name === 'ecn-tcp-remove')?.protocols).toEqual(['tcp']);
  });
});
