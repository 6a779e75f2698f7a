import type { ExtensionDef, OptionDef, ValueContext, ValueProblem, ValueSpec } from '../types.js';
import { plenMask } from '../values.js';

/**
 * The kernel's NPT targets translate at most a /64 (ip6t_npt checkentry): a
 * prefix without a length is a /128, and a mask that is not contiguous ends up
 * as an impossible length, so both are refused.
 */
function upTo64(text: string, ctx: ValueContext): ValueProblem[] {
  const slash = text.indexOf('/');
  const length = slash < 0 ? 128 : plenMask(text.slice(slash + 1), ctx.family, slash + 1).length;
  if (length === undefined || length <= 64) return [];
  const start = slash < 0 ? 0 : slash + 1;
  const what = slash < 0 ? 'without a /length the prefix is a /128' : length > 128 ? 'the mask is not contiguous' : `/${length} is longer than that`;
  return [{ message: `network prefix translation works on prefixes of at most 64 bits: ${what}`, start, end: text.length }];
}

export const nptPrefix: ValueSpec = { kind: 'hostMask', label: 'prefix/length', validate: upTo64 };

/** DNPT and SNPT take the same two prefixes; they differ in which address they rewrite and where. */
export const nptOptions: OptionDef[] = [
  { name: 'src-pfx', args: [nptPrefix], required: true, summary: 'The prefix packets carry before translation.' },
  { name: 'dst-pfx', args: [nptPrefix], required: true, summary: 'The prefix they carry after translation.' },
];

export const DNPT: ExtensionDef = {
  name: 'DNPT',
  type: 'target',
  families: ['ipv6'],
  summary: 'Stateless IPv6 destination prefix translation (RFC 6296).',
  tables: ['mangle'],
  hooks: ['PREROUTING', 'OUTPUT'],
  options: nptOptions,
};
