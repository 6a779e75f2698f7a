import type { ExtensionDef } from '../types.js';

export const mark: ExtensionDef = {
  name: 'mark',
  type: 'match',
  families: ['ipv4', 'ipv6'],
  summary: 'Matches the packet mark (nfmark), optionally through a mask.',
  options: [
    {
      name: 'mark',
      args: [{ kind: 'markMask', label: 'value[/mask]' }],
      invert: true,
      required: true,
      summary: 'Matches when the mark ANDed with the mask (all ones by default) equals the value.',
    },
  ],
};
