import type { ExtensionDef } from '../types.js';

export const rpfilter: ExtensionDef = {
  name: 'rpfilter',
  type: 'match',
  families: ['ipv4', 'ipv6'],
  summary: 'Reverse-path filter: matches when a reply to the packet would leave by the interface it came in on.',
  // Registered for PREROUTING only, and its checkentry also refuses every table but raw
  // and mangle (nat has PREROUTING too, but is rejected).
  tables: ['raw', 'mangle'],
  hooks: ['PREROUTING'],
  options: [
    { name: 'loose', summary: 'Accept a reverse route through any interface, not just the incoming one.' },
    { name: 'validmark', summary: 'Use the packet mark in the reverse route lookup.' },
    { name: 'accept-local', summary: 'Also match packets whose source is a local address.' },
    // Not `! ` but an option of its own: the match takes no negation.
    { name: 'invert', summary: 'Match packets that fail the reverse-path check instead.' },
  ],
};
