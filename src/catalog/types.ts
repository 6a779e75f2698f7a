/**
 * The shape of the catalog: one declarative entry per iptables extension
 * (match or target). Everything iptlint knows about an extension lives in its
 * entry; checks, the rule reader, hover and completion only read entries.
 */

export type Family = 'ipv4' | 'ipv6';
export type TableName = 'filter' | 'nat' | 'mangle' | 'raw' | 'security';
export type Hook = 'PREROUTING' | 'INPUT' | 'FORWARD' | 'OUTPUT' | 'POSTROUTING';

/**
 * Value kinds, each implemented once in values.ts as a parser with iptables'
 * own limits. Parameters (min, max, maxLength, choices…) live in ValueSpec.
 */
export type ValueKind =
  | 'none'
  | 'uint' // decimal (or 0x hex where iptables' strtoul accepts it); min/max bound it
  | 'uintRange' // N or N:M (also N- / :M where iptables allows); min/max bound both ends
  | 'double'
  | 'string' // any text; maxLength in bytes (the kernel buffer size minus the NUL)
  | 'enum' // one of `choices` (case as iptables compares it; see `caseInsensitive`)
  | 'enumList' // comma-separated subset of `choices`
  | 'port' // number 0-65535 or service name from /etc/services
  | 'portRange' // port[:port], min <= max
  | 'portList' // multiport: comma list of ports or ranges, at most 15 ports (ranges count twice)
  | 'protocol' // name from /etc/protocols or number 0-255
  | 'address' // host or network of the family: addr[/prefix|/dotted mask]; hostnames allowed (warned)
  | 'addressList' // comma-separated addresses (-s/-d)
  | 'hostMask' // XTTYPE_HOSTMASK: one resolvable address, then /prefix or a numeric netmask (inet_aton for IPv4)
  | 'addressRange' // addr-addr of the family (iprange)
  | 'host' // a single address of the family, no mask
  | 'prefixLength' // 0-32 (ipv4) or 0-128 (ipv6)
  | 'interface' // at most 15 characters, `+` wildcard at the end
  | 'markMask' // value[/mask], 32-bit, hex or decimal
  | 'tosMask' // TOS value[/mask] or symbolic name
  | 'rate' // N[/second|minute|hour|day] and their prefixes
  | 'time' // hh:mm[:ss]
  | 'date' // YYYY[-MM[-DD[Thh[:mm[:ss]]]]]
  | 'weekdays' // Mon,Tue… or 1-7
  | 'monthdays' // 1-31 list
  | 'tcpFlags' // comma list of SYN,ACK,FIN,RST,URG,PSH,ALL,NONE
  | 'icmpType' // ICMP type name, or type[/code]
  | 'icmpv6Type' // ICMPv6 type name, or type[/code]
  | 'dscp' // 0-63, decimal or hex
  | 'dscpClass' // BE, EF, AFxy, CSx
  | 'logLevel' // syslog level name or 0-7
  | 'rejectType' // per family: icmp-port-unreachable, tcp-reset, …
  | 'mac' // XX:XX:XX:XX:XX:XX
  | 'natRange' // [addr[-addr]][:port[-port]] (ipv6 addresses in brackets when a port follows)
  | 'natPorts' // port[-port]
  | 'hexString' // string match: |hex| blocks mixed with text
  | 'setFlags' // ipset direction flags: src,dst,… (at most 6)
  | 'custom'; // validated by OptionDef.validate

export interface ValueSpec {
  kind: ValueKind;
  /** Name shown in messages and help, e.g. `port[:port]`. */
  label?: string;
  min?: number;
  max?: number;
  maxLength?: number;
  choices?: readonly string[];
  caseInsensitive?: boolean;
  /** For list kinds: the largest number of elements. */
  maxItems?: number;
  /**
   * For kinds `port` and `portRange`: how numbers are read. `getaddrinfo` is
   * iptables' XTTYPE_PORT/PORTRC (decimal only, cut to 32 then 16 bits);
   * absent means xtables_parse_port (strtoul base 0, 0-65535).
   */
  portParser?: 'getaddrinfo';
  /** For kind `custom` (and as an extra check on any kind): returns the problems, none when valid. */
  validate?: (text: string, ctx: ValueContext) => ValueProblem[];
}

export interface ValueContext {
  family: Family;
  /** The rule's `-p` protocol, lower-cased, when given. */
  protocol?: string;
}

/** A problem with one value. Offsets are within the value text; absent means the whole value. */
export interface ValueProblem {
  message: string;
  /** Default error. Warnings are for values the real iptables accepts but that are risky (hostnames). */
  severity?: 'error' | 'warning';
  start?: number;
  end?: number;
}

export interface OptionDef {
  /** Long name without dashes: `dport`. */
  name: string;
  /** Other long names accepted for the same option: `destination-port`. */
  aliases?: readonly string[];
  /** Short form (a single character), rare for extensions. */
  short?: string;
  /** The values the option consumes, in order; none for a flag. */
  args?: readonly ValueSpec[];
  /** getopt optional_argument: a value only as `--opt=value`. */
  optionalArg?: boolean;
  /** May be preceded by `!` (XTOPT_INVERT). */
  invert?: boolean;
  /** Must be given (XTOPT_MAND). */
  required?: boolean;
  /** May be given more than once (XTOPT_MULTI). */
  multi?: boolean;
  /** Options that may not appear together with this one (names). */
  excludes?: readonly string[];
  /** Options that must also appear (names). */
  requires?: readonly string[];
  /** Only in this family (when the two families' extensions differ). */
  family?: Family;
  /** Hooks where the kernel allows this option (a rule reached from another built-in chain is refused). */
  hooks?: readonly Hook[];
  /**
   * Hooks where the kernel allows this option with a given value (its first
   * argument), when the value decides: policy's `--dir out` only where packets
   * leave. Values not listed follow `hooks`.
   */
  hooksByValue?: Readonly<Record<string, readonly Hook[]>>;
  /** Deprecated, with the replacement to suggest. */
  deprecated?: string;
  /**
   * Layer-4 protocols this option needs in the rule's `-p` (not negated), when
   * the kernel ties a single option to a protocol (ecn --ecn-tcp-cwr needs
   * -p tcp); absent: any. Options with values can check it in `validate` too.
   */
  protocols?: readonly string[];
  /** One line: what the option does. */
  summary: string;
}

/** Cross-option rules checked after the whole rule is read (x6_fcheck). */
export type Constraint =
  | { kind: 'oneOf'; options: readonly string[]; message?: string } // exactly one required
  | { kind: 'anyOf'; options: readonly string[]; message?: string } // at least one required
  | { kind: 'atMostOne'; options: readonly string[]; message?: string }
  /** When both are given, the first option's number must be below (or, with orEqual, at most) the second's. */
  | { kind: 'less'; options: readonly [string, string]; orEqual?: boolean; message: string };

export interface ExtensionDef {
  /** The name after -m or -j, as iptables spells it (`conntrack`, `LOG`). */
  name: string;
  type: 'match' | 'target';
  /** Families in which iptables 1.8.9 has a userspace extension for it. */
  families: readonly Family[];
  /** One line in our own words, for hover and docs. */
  summary: string;
  options: readonly OptionDef[];
  constraints?: readonly Constraint[];
  /**
   * Layer-4 protocol the extension needs (`tcp` match needs `-p tcp`), as the
   * kernel enforces it (xt_match.proto). Empty or absent: any protocol.
   */
  protocols?: readonly string[];
  /**
   * Per family, overrides `protocols` for that family (ipt_ah needs -p ah,
   * ip6t_ah walks the extension headers and needs none: `{ ipv4: ['ah'] }`).
   */
  protocolsByFamily?: Partial<Record<Family, readonly string[]>>;
  /** Tables the kernel allows it in (xt_target.table); absent: all. */
  tables?: readonly TableName[];
  /** Hooks the kernel allows it in (xt_*.hooks); absent: all. */
  hooks?: readonly Hook[];
  /**
   * The table and hook restrictions bind only iptables-legacy: iptables-nft
   * translates the extension into native nf_tables and accepts it anywhere.
   */
  restrictionsLegacyOnly?: boolean;
  /** A protocol match loaded implicitly by `-p NAME` when one of its options follows. */
  implicitProtocol?: boolean;
  /** Deprecated or removed, with what to use instead. */
  deprecated?: string;
  /** Name iptables-save prints when it differs (`state` → `conntrack` in nft saves). */
  savedAs?: string;
}
