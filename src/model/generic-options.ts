/**
 * The options iptables itself defines (not extensions), as in iptables 1.8.9's
 * getopt table: long names, short letters and how many values each takes.
 * `optionalValue` options take the next argument only when it does not start
 * with `-` or `!` (iptables' xs_has_arg), or an attached one (`-Fchain`).
 */
import type { CommandName } from './types.js';

export type GenericKey =
  | CommandName
  | 'source' | 'destination' | 'protocol' | 'in-interface' | 'out-interface' | 'jump' | 'goto' | 'match'
  | 'table' | 'numeric' | 'verbose' | 'wait' | 'wait-interval' | 'exact' | 'fragment' | 'version' | 'help'
  | 'line-numbers' | 'modprobe' | 'set-counters' | 'ipv4' | 'ipv6' | 'b';

export interface GenericOption {
  key: GenericKey;
  long?: string;
  short?: string;
  /** 0: flag, 1: one value, 'optional': see above. */
  arity: 0 | 1 | 'optional';
  /** May be preceded by `!`. */
  invert?: boolean;
}

export const GENERIC_OPTIONS: readonly GenericOption[] = [
  { key: 'append', long: 'append', short: 'A', arity: 1 },
  { key: 'delete', long: 'delete', short: 'D', arity: 1 },
  { key: 'check', long: 'check', short: 'C', arity: 1 },
  { key: 'insert', long: 'insert', short: 'I', arity: 1 },
  { key: 'replace', long: 'replace', short: 'R', arity: 1 },
  { key: 'list', long: 'list', short: 'L', arity: 'optional' },
  { key: 'list-rules', long: 'list-rules', short: 'S', arity: 'optional' },
  { key: 'flush', long: 'flush', short: 'F', arity: 'optional' },
  { key: 'zero', long: 'zero', short: 'Z', arity: 'optional' },
  { key: 'new-chain', long: 'new-chain', short: 'N', arity: 1 },
  { key: 'delete-chain', long: 'delete-chain', short: 'X', arity: 'optional' },
  { key: 'rename-chain', long: 'rename-chain', short: 'E', arity: 1 },
  { key: 'policy', long: 'policy', short: 'P', arity: 1 },
  { key: 'source', long: 'source', short: 's', arity: 1, invert: true },
  { key: 'destination', long: 'destination', short: 'd', arity: 1, invert: true },
  { key: 'source', long: 'src', arity: 1, invert: true },
  { key: 'destination', long: 'dst', arity: 1, invert: true },
  { key: 'protocol', long: 'protocol', short: 'p', arity: 1, invert: true },
  { key: 'in-interface', long: 'in-interface', short: 'i', arity: 1, invert: true },
  { key: 'jump', long: 'jump', short: 'j', arity: 1 },
  { key: 'table', long: 'table', short: 't', arity: 1 },
  { key: 'match', long: 'match', short: 'm', arity: 1 },
  { key: 'numeric', long: 'numeric', short: 'n', arity: 0 },
  { key: 'out-interface', long: 'out-interface', short: 'o', arity: 1, invert: true },
  { key: 'verbose', long: 'verbose', short: 'v', arity: 0 },
  { key: 'wait', long: 'wait', short: 'w', arity: 'optional' },
  { key: 'wait-interval', long: 'wait-interval', short: 'W', arity: 'optional' },
  { key: 'exact', long: 'exact', short: 'x', arity: 0 },
  { key: 'fragment', long: 'fragments', short: 'f', arity: 0, invert: true },
  { key: 'version', long: 'version', short: 'V', arity: 0 },
  { key: 'help', long: 'help', short: 'h', arity: 'optional' },
  { key: 'line-numbers', long: 'line-numbers', arity: 0 },
  { key: 'modprobe', long: 'modprobe', short: 'M', arity: 1 },
  { key: 'set-counters', long: 'set-counters', short: 'c', arity: 1 },
  { key: 'goto', long: 'goto', short: 'g', arity: 1 },
  { key: 'ipv4', long: 'ipv4', short: '4', arity: 0 },
  { key: 'ipv6', long: 'ipv6', short: '6', arity: 0 },
  { key: 'b', short: 'b', arity: 0 },
];

export const GENERIC_BY_SHORT: ReadonlyMap<string, GenericOption> = new Map(
  GENERIC_OPTIONS.filter((o) => o.short).map((o) => [o.short as string, o]),
);

export const COMMAND_KEYS: ReadonlySet<GenericKey> = new Set<GenericKey>([
  'append', 'delete', 'check', 'insert', 'replace', 'list', 'list-rules', 'flush', 'zero',
  'new-chain', 'delete-chain', 'rename-chain', 'policy',
]);
