import type { ExtensionDef } from '../types.js';

const u8 = { kind: 'uint' as const, min: 0, max: 255, label: 'bits' };

// Revision 1 (in both kernels, both families) is described: it adds --and/--or/--xor-tos.
// The kernel module for it lives in xt_DSCP.
export const TOS: ExtensionDef = {
  name: 'TOS',
  type: 'target',
  families: ['ipv4', 'ipv6'],
  summary: 'Rewrites bits of the IPv4 TOS / IPv6 traffic class byte.',
  tables: ['mangle'],
  constraints: [
    { kind: 'oneOf', options: ['set-tos', 'and-tos', 'or-tos', 'xor-tos'], message: 'TOS needs one of --set-tos, --and-tos, --or-tos, --xor-tos' },
  ],
  options: [
    {
      // A symbolic name (Minimize-Delay and the like) implies the mask 0x3f, a bare number 0xff.
      name: 'set-tos',
      args: [{ kind: 'tosMask', label: 'value[/mask]|symbol' }],
      summary: 'Clear the bits in mask, then XOR value in.',
    },
    { name: 'and-tos', args: [u8], summary: 'Binary AND the TOS byte with bits.' },
    { name: 'or-tos', args: [u8], summary: 'Binary OR the TOS byte with bits.' },
    { name: 'xor-tos', args: [u8], summary: 'Binary XOR the TOS byte with bits.' },
  ],
};
