import type { ExtensionDef } from '../types.js';

export const DSCP: ExtensionDef = {
  name: 'DSCP',
  type: 'target',
  families: ['ipv4', 'ipv6'],
  summary: 'Rewrites the DSCP field (the upper six bits of the IPv4 TOS / IPv6 traffic class byte).',
  tables: ['mangle'],
  constraints: [{ kind: 'oneOf', options: ['set-dscp', 'set-dscp-class'], message: 'DSCP needs --set-dscp or --set-dscp-class' }],
  options: [
    {
      name: 'set-dscp',
      args: [{ kind: 'dscp', min: 0, max: 63, label: 'value' }],
      summary: 'DSCP value 0-63 (decimal or hex).',
    },
    {
      // iptables-save prints the numeric --set-dscp form, never the class name.
      name: 'set-dscp-class',
      args: [{ kind: 'dscpClass', label: 'class' }],
      summary: 'DSCP by class name: BE, EF, AF11…AF43, CS0…CS7.',
    },
  ],
};
