import type { ExtensionDef } from '../types.js';

export const eui64: ExtensionDef = {
  name: 'eui64',
  type: 'match',
  families: ['ipv6'],
  summary: 'Matches when the source address\'s interface identifier is the EUI-64 derived from the source MAC.',
  // ip6t_eui64 needs the link-layer header, so the kernel allows it only on
  // the receive side: PRE_ROUTING | LOCAL_IN | FORWARD (6.1 and 6.12).
  hooks: ['PREROUTING', 'INPUT', 'FORWARD'],
  options: [],
};
