import type { ExtensionDef, ValueContext, ValueProblem, ValueSpec } from '../types.js';
import { plenMask } from '../values.js';

/**
 * XTTYPE_PLENMASK: a prefix length up to the family's address width, and
 * failing that a numeric netmask of the family. For IPv4 the fallback is
 * inet_aton, so an over-long "prefix" such as 33 is read as the netmask
 * 0.0.0.33: accepted, but almost surely not what was meant.
 */
function validatePrefixOrMask(text: string, ctx: ValueContext): ValueProblem[] {
  return plenMask(text, ctx.family, 0).problems;
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
