import type { ExtensionDef } from '../types.js';

// Revision 2 (the highest, supported by both kernels) is described.
const OPS = ['set-xmark', 'set-mark', 'and-mark', 'or-mark', 'xor-mark', 'save-mark', 'restore-mark'] as const;
const u32 = (label: string) => ({ kind: 'uint' as const, min: 0, max: 0xffffffff, label });

export const CONNMARK: ExtensionDef = {
  name: 'CONNMARK',
  type: 'target',
  families: ['ipv4', 'ipv6'],
  summary: 'Sets the connection mark, or copies marks between the packet and its connection.',
  constraints: [
    { kind: 'oneOf', options: OPS, message: 'CONNMARK needs exactly one operation: --set-xmark, --set-mark, --and-mark, --or-mark, --xor-mark, --save-mark or --restore-mark' },
  ],
  options: [
    {
      name: 'set-xmark',
      args: [{ kind: 'markMask', label: 'value[/mask]' }],
      summary: 'Clear the bits in mask, then XOR value into the connection mark.',
    },
    {
      name: 'set-mark',
      args: [{ kind: 'markMask', label: 'value[/mask]' }],
      summary: 'Clear the bits in mask, then OR value into the connection mark.',
    },
    { name: 'and-mark', args: [u32('bits')], summary: 'Binary AND the connection mark with bits.' },
    { name: 'or-mark', args: [u32('bits')], summary: 'Binary OR the connection mark with bits.' },
    { name: 'xor-mark', args: [u32('bits')], summary: 'Binary XOR the connection mark with bits.' },
    { name: 'save-mark', summary: 'Copy the packet mark into the connection mark (through the masks).' },
    { name: 'restore-mark', summary: 'Copy the connection mark into the packet mark (through the masks).' },
    {
      name: 'left-shift-mark',
      args: [{ kind: 'uint', min: 0, max: 32, label: 'bits' }],
      summary: 'Shift the copied mark left by this many bits.',
    },
    {
      name: 'right-shift-mark',
      args: [{ kind: 'uint', min: 0, max: 32, label: 'bits' }],
      summary: 'Shift the copied mark right by this many bits.',
    },
    {
      name: 'ctmask',
      args: [u32('mask')],
      excludes: ['mask'],
      summary: 'Bits of the connection mark that save/restore may change or read.',
    },
    {
      name: 'nfmask',
      args: [u32('mask')],
      excludes: ['mask'],
      summary: 'Bits of the packet mark that save/restore may change or read.',
    },
    {
      // iptables-save never prints --mask: it is stored as --nfmask and --ctmask.
      name: 'mask',
      args: [u32('mask')],
      excludes: ['ctmask', 'nfmask'],
      summary: 'Shorthand that sets both --nfmask and --ctmask.',
    },
  ],
};
