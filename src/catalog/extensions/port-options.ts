import type { OptionDef, ValueSpec } from '../types.js';

/**
 * `--sport` and `--dport` (with the long spellings getopt also accepts) as the
 * protocol matches tcp, udp, sctp and dccp define them. udp and dccp read the
 * numbers through getaddrinfo, which wraps instead of refusing; tcp and sctp
 * use strtoul.
 */
export function portOptions(portParser?: ValueSpec['portParser']): OptionDef[] {
  const value: ValueSpec = portParser ? { kind: 'portRange', label: 'port[:port]', portParser } : { kind: 'portRange', label: 'port[:port]' };
  return [
    { name: 'sport', aliases: ['source-port'], args: [value], invert: true, summary: 'Source port or inclusive port range.' },
    { name: 'dport', aliases: ['destination-port'], args: [value], invert: true, summary: 'Destination port or inclusive port range.' },
  ];
}
