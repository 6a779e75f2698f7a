import { isIPv4, isIPv6 } from 'node:net';
import type { ExtensionDef, ValueContext, ValueProblem, ValueSpec } from '../types.js';

const NUMBER = /^(0x[0-9a-f]+|\d+)$/i;
// inet_aton: one to four parts, each decimal, 0x hex or 0 octal, the last part filling the remaining bytes.
const INET_ATON = /^(0x[0-9a-f]+|\d+)(\.(0x[0-9a-f]+|\d+)){0,3}$/i;

/**
 * iptables' XTTYPE_PLEN: a prefix length up to the family's address width,
 * and failing that a numeric netmask of the family. For IPv4 the fallback is
 * inet_aton, so an over-long "prefix" such as 33 is silently read as the
 * netmask 0.0.0.33; that is accepted, but almost surely not what was meant.
 */
function validatePrefixOrMask(text: string, ctx: ValueContext): ValueProblem[] {
  const width = ctx.family === 'ipv6' ? 128 : 32;
  if (NUMBER.test(text) && Number(text) <= width) return [];
  if (ctx.family === 'ipv6') {
    return isIPv6(text) ? [] : [{ message: `\`${text}\` is neither a prefix length (0-${width}) nor an IPv6 netmask` }];
  }
  if (isIPv4(text)) return [];
  if (INET_ATON.test(text)) {
    return [{ message: `\`${text}\` is not a prefix length (0-32); iptables reads it as a dotted netmask`, severity: 'warning' }];
  }
  return [{ message: `\`${text}\` is neither a prefix length (0-32) nor a netmask` }];
}

const prefixOrMask: ValueSpec = { kind: 'custom', label: 'prefix_length', validate: validatePrefixOrMask };

export const connlimit: ExtensionDef = {
  name: 'connlimit',
  type: 'match',
  families: ['ipv4', 'ipv6'],
  summary: 'Matches on the number of connections from (or to) one address or network.',
  options: [
    {
      name: 'connlimit-upto',
      args: [{ kind: 'uint', min: 0, max: 0xffffffff, label: 'count' }],
      invert: true,
      excludes: ['connlimit-above'],
      summary: 'Matches while the connection count is at most this number.',
    },
    {
      name: 'connlimit-above',
      args: [{ kind: 'uint', min: 0, max: 0xffffffff, label: 'count' }],
      invert: true,
      excludes: ['connlimit-upto'],
      summary: 'Matches when the connection count exceeds this number.',
    },
    {
      name: 'connlimit-mask',
      args: [prefixOrMask],
      summary: 'Groups addresses by this prefix length before counting.',
    },
    {
      name: 'connlimit-saddr',
      excludes: ['connlimit-daddr'],
      summary: 'Counts per source address (the default).',
    },
    {
      name: 'connlimit-daddr',
      excludes: ['connlimit-saddr'],
      summary: 'Counts per destination address.',
    },
  ],
  constraints: [
    {
      kind: 'oneOf',
      options: ['connlimit-upto', 'connlimit-above'],
      message: 'connlimit needs --connlimit-upto or --connlimit-above',
    },
  ],
};
