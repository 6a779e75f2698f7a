/** The values an option accepts, as completion items and hover text: one place per value kind, read from the catalog. */
import type { Family, OptionDef, ValueSpec } from '../src/catalog/types.js';
import {
  BUILTIN_PROTOCOLS,
  DEPRECATED_LOG_LEVELS,
  DSCP_CLASSES,
  ICMP_TYPES,
  ICMPV6_TYPES,
  LOG_LEVELS,
  REJECT_TYPES_IPV4,
  REJECT_TYPES_IPV6,
  SET_FLAGS,
  TCP_FLAGS,
  TOS_NAMES,
  WEEKDAYS,
} from '../src/catalog/values.js';

export interface EnumeratedValue {
  value: string;
  detail?: string;
  deprecated?: boolean;
}

export interface Enumeration {
  values: EnumeratedValue[];
  /** Comma-separated lists: completion replaces only the element being typed. */
  list: boolean;
}

const LIST_KINDS = new Set<ValueSpec['kind']>(['enumList', 'tcpFlags', 'weekdays', 'setFlags']);

/** The named values of a value kind, when it has a closed (or conventional) set of names. */
export function enumerate(spec: ValueSpec, family: Family): Enumeration | undefined {
  const list = LIST_KINDS.has(spec.kind) || (spec.label?.includes(',') ?? false);
  if (spec.choices?.length) return { values: spec.choices.map((value) => ({ value })), list };
  switch (spec.kind) {
    case 'logLevel':
      return {
        list,
        values: Object.entries(LOG_LEVELS).map(([value, n]) => ({
          value,
          detail: DEPRECATED_LOG_LEVELS[value] ? `${n}, old spelling of ${DEPRECATED_LOG_LEVELS[value]}` : String(n),
          deprecated: !!DEPRECATED_LOG_LEVELS[value],
        })),
      };
    case 'rejectType':
      return { list, values: (family === 'ipv6' ? REJECT_TYPES_IPV6 : REJECT_TYPES_IPV4).map((r) => ({ value: r.name, detail: r.summary })) };
    case 'dscpClass':
      return { list, values: Object.entries(DSCP_CLASSES).map(([value, n]) => ({ value, detail: `DSCP ${n} (0x${n.toString(16).padStart(2, '0')})` })) };
    case 'icmpType':
      return { list, values: ICMP_TYPES.map((t) => ({ value: t.name, detail: icmpDetail(t) })) };
    case 'icmpv6Type':
      return { list, values: ICMPV6_TYPES.map((t) => ({ value: t.name, detail: icmpDetail(t) })) };
    case 'tcpFlags':
      return { list: true, values: Object.keys(TCP_FLAGS).map((value) => ({ value })) };
    case 'weekdays':
      return { list: true, values: WEEKDAYS.map((value) => ({ value })) };
    case 'tosMask':
      return { list, values: Object.entries(TOS_NAMES).map(([value, n]) => ({ value, detail: `TOS 0x${n.toString(16).padStart(2, '0')}` })) };
    case 'protocol':
      return protocols(family);
    case 'setFlags':
      return { list: true, values: SET_FLAGS.map((value) => ({ value })) };
    default:
      return undefined;
  }
}

function icmpDetail(t: { type: number; codeMin: number; codeMax: number }): string {
  if (t.type === 255) return 'any type';
  return t.codeMin === t.codeMax ? `type ${t.type} code ${t.codeMin}` : `type ${t.type}`;
}

/** `-p` values: the names iptables resolves itself; the ICMP of the other family is left out. */
export function protocols(family: Family): Enumeration {
  const other = family === 'ipv6' ? new Set(['icmp']) : new Set(['ipv6-icmp', 'icmpv6', 'mobility-header', 'ipv6-mh', 'mh']);
  return {
    list: false,
    values: Object.entries(BUILTIN_PROTOCOLS)
      .filter(([name]) => !other.has(name))
      .map(([value, n]) => ({ value, detail: n === 0 ? 'any protocol' : `protocol ${n}` })),
  };
}

/** `--dport`, `--dport`/`--destination-port`: the spellings shown for an option. */
export function optionSpellings(def: OptionDef): string[] {
  return [def.name, ...(def.aliases ?? [])].map((n) => `--${n}`);
}
