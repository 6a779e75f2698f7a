import type { ExtensionDef } from '../types.js';

export const connmark: ExtensionDef = {
  name: 'connmark',
  type: 'match',
  families: ['ipv4', 'ipv6'],
  summary: 'Matches the mark stored on the packet\'s connection.',
  options: [
    {
      name: 'mark',
      args: [{ kind: 'markMask', label: 'value[/mask]' }],
      invert: true,
      required: true,
      summary: 'Connection mark, ANDed with the mask first when one is given.',
    },
  ],
};
