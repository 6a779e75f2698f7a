import type { ExtensionDef } from '../types.js';

const u32 = { kind: 'uint' as const, min: 0, max: 0xffffffff, label: 'bits' };

// Revision 2 (both kernels and families) is described. iptables-save prints
// every operation as --set-xmark value/mask.
export const MARK: ExtensionDef = {
  name: 'MARK',
  type: 'target',
  families: ['ipv4', 'ipv6'],
  summary: 'Sets or changes the packet mark (fwmark).',
  constraints: [
    { kind: 'oneOf', options: ['set-xmark', 'set-mark', 'and-mark', 'or-mark', 'xor-mark'], message: 'MARK needs one of --set-xmark, --set-mark, --and-mark, --or-mark, --xor-mark' },
  ],
  options: [
    { name: 'set-xmark', args: [{ kind: 'markMask', label: 'value[/mask]' }], summary: 'Clear the bits in mask, then XOR value in.' },
    { name: 'set-mark', args: [{ kind: 'markMask', label: 'value[/mask]' }], summary: 'Clear the bits in mask, then OR value in.' },
    { name: 'and-mark', args: [u32], summary: 'Binary AND the mark with bits.' },
    { name: 'or-mark', args: [u32], summary: 'Binary OR the mark with bits.' },
    { name: 'xor-mark', args: [u32], summary: 'Binary XOR the mark with bits.' },
  ],
};
