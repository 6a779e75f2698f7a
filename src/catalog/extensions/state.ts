import type { ExtensionDef } from '../types.js';
import { prefixListValidator } from './conntrack.js';

// The states `-m state` knows; SNAT and DNAT are conntrack-only.
const STATES = ['INVALID', 'NEW', 'ESTABLISHED', 'RELATED', 'UNTRACKED'] as const;

// iptables 1.8.9 has no libxt_state.c: `state` is an alias defined in
// libxt_conntrack.c (libxt_state.so is a symlink) that prefers the kernel's
// xt_conntrack and falls back to xt_state. Both backends save it back as
// `-m state --state …` and print no deprecation notice, so neither
// `deprecated` nor `savedAs` applies.
export const state: ExtensionDef = {
  name: 'state',
  type: 'match',
  families: ['ipv4', 'ipv6'],
  summary: 'Matches the connection tracking state of the packet; the older subset of `-m conntrack --ctstate`.',
  options: [
    {
      name: 'state',
      args: [
        {
          kind: 'custom',
          label: 'state[,state...]',
          choices: STATES,
          caseInsensitive: true,
          validate: prefixListValidator('state', STATES),
        },
      ],
      invert: true,
      required: true,
      summary: 'Connection state: NEW, ESTABLISHED, RELATED, INVALID or UNTRACKED.',
    },
  ],
};
