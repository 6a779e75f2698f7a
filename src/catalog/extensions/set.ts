import type { ExtensionDef, OptionDef, ValueSpec } from '../types.js';
import { within64Bits } from '../values.js';

// IPSET_MAXNAMELEN is 32 bytes with the NUL; iptables refuses longer names outright.
const SET_NAME: ValueSpec = { kind: 'string', maxLength: 31, label: 'setname' };
const SET_FLAGS: ValueSpec = { kind: 'setFlags', maxItems: 6, label: 'src|dst[,src|dst...]' };
const COUNTER: ValueSpec = { kind: 'uint', min: 0, max: 2 ** 64 - 1, label: 'value', validate: within64Bits };

function counter(what: 'packets' | 'bytes', op: 'eq' | 'lt' | 'gt', summary: string): OptionDef {
  const name = `${what}-${op}`;
  return {
    name,
    args: [COUNTER],
    // Only the equality test can be negated (it becomes "not equal").
    ...(op === 'eq' ? { invert: true } : {}),
    excludes: (['eq', 'lt', 'gt'] as const).filter((o) => o !== op).map((o) => `${what}-${o}`),
    summary,
  };
}

export const set: ExtensionDef = {
  name: 'set',
  type: 'match',
  families: ['ipv4', 'ipv6'],
  // The set must exist (ipset create) when the rule is loaded: iptables looks it up by name.
  summary: 'Matches when the packet’s addresses, ports or interface (as the flags pick them) are in an ipset.',
  options: [
    {
      name: 'match-set',
      args: [SET_NAME, SET_FLAGS],
      invert: true,
      excludes: ['set'],
      summary: 'Set to look up, and which packet fields (src/dst, one per set dimension) form the key.',
    },
    {
      name: 'set',
      args: [SET_NAME, SET_FLAGS],
      invert: true,
      excludes: ['match-set'],
      deprecated: 'match-set',
      summary: 'Old spelling of --match-set.',
    },
    {
      name: 'return-nomatch',
      summary: 'Match elements stored with the nomatch flag too (they count as found).',
    },
    {
      name: 'update-counters',
      // Given plainly it changes nothing; `!` stops the set's counters from being updated.
      invert: true,
      summary: 'With `!`: do not update the packet and byte counters of the matched element.',
    },
    {
      name: 'update-subcounters',
      invert: true,
      summary: 'With `!`: do not update counters of elements in member sets of a list:set.',
    },
    counter('packets', 'eq', 'The matched element’s packet counter equals the value.'),
    counter('packets', 'lt', 'The matched element’s packet counter is below the value.'),
    counter('packets', 'gt', 'The matched element’s packet counter is above the value.'),
    counter('bytes', 'eq', 'The matched element’s byte counter equals the value.'),
    counter('bytes', 'lt', 'The matched element’s byte counter is below the value.'),
    counter('bytes', 'gt', 'The matched element’s byte counter is above the value.'),
  ],
  constraints: [{ kind: 'oneOf', options: ['match-set', 'set'], message: 'set needs --match-set NAME FLAGS' }],
};
