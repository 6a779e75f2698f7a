import type { ExtensionDef, ValueContext, ValueProblem, ValueSpec } from '../types.js';
import { plenMask } from '../values.js';

// Each type may be abbreviated: iptables compares only the letters given, in
// this order, so `s` means src and `p` proto.
const TUPLE_TYPES = ['ct', 'src', 'dst', 'sport', 'dport', 'spi', 'proto'] as const;

function validateTuple(text: string): ValueProblem[] {
  const problems: ValueProblem[] = [];
  let offset = 0;
  for (const item of text.split(',')) {
    const start = offset;
    offset += item.length + 1;
    const lower = item.toLowerCase();
    if (item.length === 0 || !TUPLE_TYPES.some((t) => t.startsWith(lower))) {
      problems.push({ message: `\`${item}\` is not one of ${TUPLE_TYPES.join(', ')}`, start, end: start + item.length });
    }
  }
  return problems;
}

// XTTYPE_PLENMASK: a prefix length, or failing that a numeric netmask of the
// family (for IPv4 anything inet_aton takes, so 256 is the mask 0.0.1.0).
const prefix: ValueSpec = {
  kind: 'custom',
  label: 'length|mask',
  validate: (text: string, ctx: ValueContext) => plenMask(text, ctx.family, 0).problems,
};

const u16 = (label: string) => ({ kind: 'uint' as const, min: 0, max: 65535, label });
const u32 = (label: string) => ({ kind: 'uint' as const, min: 0, max: 0xffffffff, label });

// --hmark-rnd is not XTOPT_MAND in the table but the final check insists on it.
// iptables-save never prints --hmark-tuple except for `ct`: the tuple is saved
// as the prefix and mask options it stands for.
export const HMARK: ExtensionDef = {
  name: 'HMARK',
  type: 'target',
  families: ['ipv4', 'ipv6'],
  summary: 'Sets the packet mark to a hash of chosen header fields, modulo N plus an offset.',
  constraints: [
    {
      kind: 'anyOf',
      options: ['hmark-tuple', 'hmark-src-prefix', 'hmark-dst-prefix', 'hmark-sport-mask', 'hmark-dport-mask', 'hmark-spi-mask', 'hmark-proto-mask', 'hmark-sport', 'hmark-dport', 'hmark-spi'],
      message: 'HMARK needs at least --hmark-tuple or one of the field options',
    },
  ],
  options: [
    {
      name: 'hmark-tuple',
      args: [{ kind: 'custom', label: 'ct|src|dst|sport|dport|spi|proto[,…]', validate: validateTuple }],
      summary: 'Fields to hash; ct hashes the conntrack tuple instead of the packet.',
    },
    { name: 'hmark-src-prefix', args: [prefix], summary: 'Prefix length of the source address to hash.' },
    { name: 'hmark-dst-prefix', args: [prefix], summary: 'Prefix length of the destination address to hash.' },
    { name: 'hmark-sport-mask', args: [u16('mask')], excludes: ['hmark-spi-mask'], summary: 'Mask applied to the source port.' },
    { name: 'hmark-dport-mask', args: [u16('mask')], excludes: ['hmark-spi-mask'], summary: 'Mask applied to the destination port.' },
    { name: 'hmark-spi-mask', args: [u32('mask')], excludes: ['hmark-sport-mask', 'hmark-dport-mask'], summary: 'Mask applied to the IPsec SPI.' },
    { name: 'hmark-sport', args: [u16('port')], summary: 'Use this value in place of the source port.' },
    { name: 'hmark-dport', args: [u16('port')], summary: 'Use this value in place of the destination port.' },
    { name: 'hmark-spi', args: [u32('spi')], summary: 'Use this value in place of the SPI.' },
    { name: 'hmark-proto-mask', args: [u16('mask')], summary: 'Mask applied to the layer-4 protocol number.' },
    { name: 'hmark-rnd', args: [u32('value')], required: true, summary: 'Random seed of the hash.' },
    { name: 'hmark-mod', args: [{ kind: 'uint', min: 1, max: 0xffffffff, label: 'n' }], required: true, summary: 'Modulus: the mark is hash % n.' },
    { name: 'hmark-offset', args: [u32('value')], summary: 'Added to the result.' },
  ],
};
