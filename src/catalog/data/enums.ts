/**
 * Fixed name sets of iptables 1.8.9 (from its extension sources), exported so
 * that completion can list them. Order matters where iptables resolves
 * abbreviations by taking the first entry that matches.
 */

/** syslog levels for LOG --log-level; `error` and `panic` are old spellings of err and emerg. */
export const LOG_LEVELS: Readonly<Record<string, number>> = {
  emerg: 0,
  alert: 1,
  crit: 2,
  error: 3,
  warning: 4,
  notice: 5,
  info: 6,
  debug: 7,
  panic: 0,
};
export const DEPRECATED_LOG_LEVELS: Readonly<Record<string, string>> = { error: 'err (3)', panic: 'emerg (0)' };

/** DSCP class names with their codepoint, in the order iptables tries them. */
export const DSCP_CLASSES: Readonly<Record<string, number>> = {
  CS0: 0x00, CS1: 0x08, CS2: 0x10, CS3: 0x18, CS4: 0x20, CS5: 0x28, CS6: 0x30, CS7: 0x38,
  BE: 0x00,
  AF11: 0x0a, AF12: 0x0c, AF13: 0x0e, AF21: 0x12, AF22: 0x14, AF23: 0x16,
  AF31: 0x1a, AF32: 0x1c, AF33: 0x1e, AF41: 0x22, AF42: 0x24, AF43: 0x26,
  EF: 0x2e,
};

export interface RejectType {
  name: string;
  alias: string;
  summary: string;
}

/** REJECT --reject-with for IPv4, in iptables' order (abbreviations resolve to the first match). */
export const REJECT_TYPES_IPV4: readonly RejectType[] = [
  { name: 'icmp-net-unreachable', alias: 'net-unreach', summary: 'ICMP network unreachable' },
  { name: 'icmp-host-unreachable', alias: 'host-unreach', summary: 'ICMP host unreachable' },
  { name: 'icmp-proto-unreachable', alias: 'proto-unreach', summary: 'ICMP protocol unreachable' },
  { name: 'icmp-port-unreachable', alias: 'port-unreach', summary: 'ICMP port unreachable (the default)' },
  { name: 'icmp-net-prohibited', alias: 'net-prohib', summary: 'ICMP network administratively prohibited' },
  { name: 'icmp-host-prohibited', alias: 'host-prohib', summary: 'ICMP host administratively prohibited' },
  { name: 'tcp-reset', alias: 'tcp-rst', summary: 'TCP RST (only for -p tcp)' },
  { name: 'icmp-admin-prohibited', alias: 'admin-prohib', summary: 'ICMP communication administratively prohibited' },
];

/** REJECT --reject-with for IPv6, in ip6tables' order. */
export const REJECT_TYPES_IPV6: readonly RejectType[] = [
  { name: 'icmp6-no-route', alias: 'no-route', summary: 'ICMPv6 no route to destination' },
  { name: 'icmp6-adm-prohibited', alias: 'adm-prohibited', summary: 'ICMPv6 administratively prohibited' },
  { name: 'icmp6-not-neighbor', alias: 'not-neighbor', summary: 'ICMPv6 beyond scope of source address' },
  { name: 'icmp6-addr-unreachable', alias: 'addr-unreach', summary: 'ICMPv6 address unreachable' },
  { name: 'icmp6-port-unreachable', alias: 'port-unreach', summary: 'ICMPv6 port unreachable (the default)' },
  { name: 'tcp-reset', alias: 'tcp-reset', summary: 'TCP RST (only for -p tcp)' },
  { name: 'icmp6-policy-fail', alias: 'policy-fail', summary: 'ICMPv6 source address failed ingress/egress policy' },
  { name: 'icmp6-reject-route', alias: 'reject-route', summary: 'ICMPv6 reject route to destination' },
];

/** TCP flag names for --tcp-flags, compared without regard to case. */
export const TCP_FLAGS: Readonly<Record<string, number>> = {
  FIN: 0x01, SYN: 0x02, RST: 0x04, PSH: 0x08, ACK: 0x10, URG: 0x20, ALL: 0x3f, NONE: 0,
};

/** conntrack --ctstate (and state --state, which lacks SNAT/DNAT), in the order abbreviations resolve. */
export const CONNTRACK_STATES = ['INVALID', 'NEW', 'ESTABLISHED', 'RELATED', 'UNTRACKED', 'SNAT', 'DNAT'] as const;
/** conntrack --ctstatus. */
export const CONNTRACK_STATUSES = ['NONE', 'EXPECTED', 'SEEN_REPLY', 'ASSURED', 'CONFIRMED'] as const;
/** conntrack --ctdir. */
export const CONNTRACK_DIRECTIONS = ['ORIGINAL', 'REPLY'] as const;

/** time --weekdays names; iptables compares only the first two letters, with case. */
export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/** Symbolic TOS values for tos / TOS, compared without regard to case. */
export const TOS_NAMES: Readonly<Record<string, number>> = {
  'Minimize-Delay': 0x10,
  'Maximize-Throughput': 0x08,
  'Maximize-Reliability': 0x04,
  'Minimize-Cost': 0x02,
  'Normal-Service': 0x00,
};

/** ipset direction flags for set --match-set / SET --add-set. */
export const SET_FLAGS = ['src', 'dst'] as const;
/** At most this many direction flags (IPSET_DIM_MAX). */
export const SET_FLAGS_MAX = 6;

/** Protocol names iptables knows itself before asking /etc/protocols. */
export const BUILTIN_PROTOCOLS: Readonly<Record<string, number>> = {
  tcp: 6, sctp: 132, udp: 17, udplite: 136, icmp: 1, 'ipv6-icmp': 58, icmpv6: 58,
  esp: 50, ah: 51, 'mobility-header': 135, 'ipv6-mh': 135, mh: 135, all: 0,
};

/** multiport: the largest number of ports (a range takes two). */
export const MULTIPORT_MAX = 15;
/** string --hex-string / --string: the kernel's pattern buffer. */
export const STRING_PATTERN_MAX = 128;
/** IFNAMSIZ - 1. */
export const INTERFACE_NAME_MAX = 15;
