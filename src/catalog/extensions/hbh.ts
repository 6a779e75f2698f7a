import type { ExtensionDef } from '../types.js';
import { ipv6OptionList } from './dst.js';

export const hbh: ExtensionDef = {
  name: 'hbh',
  type: 'match',
  families: ['ipv6'],
  summary: 'Matches the IPv6 Hop-by-Hop Options extension header.',
  options: [
    {
      name: 'hbh-len',
      args: [{ kind: 'uint', min: 0, max: 0xffffffff, label: 'length' }],
      invert: true,
      summary: 'Length of the header in 8-octet units, not counting the first 8.',
    },
    {
      name: 'hbh-opts',
      args: [ipv6OptionList],
      summary: 'Options that must appear, by type and optionally length.',
    },
  ],
};
