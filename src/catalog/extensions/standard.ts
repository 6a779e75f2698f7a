import type { ExtensionDef } from '../types.js';

// libxt_standard gives `-j ACCEPT/DROP/RETURN/QUEUE` and jumps to user chains
// their (empty) option parser; the verdict names themselves are STANDARD_VERDICTS
// in catalog/index.ts. The kernel registers it with no table or hook limits.
export const standardTarget: ExtensionDef = {
  name: 'standard',
  type: 'target',
  families: ['ipv4', 'ipv6'],
  summary: 'Built-in verdicts (ACCEPT, DROP, RETURN, QUEUE) and jumps to user-defined chains; takes no options.',
  options: [],
};
