import type { ExtensionDef } from '../types.js';

export const ah: ExtensionDef = {
  name: 'ah',
  type: 'match',
  families: ['ipv4', 'ipv6'],
  summary: 'Matches fields of the IPsec Authentication Header; loaded by `-p ah` when one of its options follows.',
  implicitProtocol: true,
  // The IPv4 kernel match (ipt_ah) is registered for IPPROTO_AH only, but the
  // IPv6 one (ip6t_ah) walks the extension header chain and has no protocol
  // restriction, so the need for -p ah is per family.
  protocolsByFamily: { ipv4: ['ah'] },
  options: [
    {
      name: 'ahspi',
      args: [{ kind: 'uintRange', min: 0, max: 0xffffffff, label: 'spi[:spi]' }],
      invert: true,
      summary: 'Security Parameters Index, or an inclusive range of them.',
    },
    {
      name: 'ahlen',
      args: [{ kind: 'uint', min: 0, max: 0xffffffff, label: 'length' }],
      invert: true,
      family: 'ipv6',
      summary: 'Length of the Authentication Header (IPv6 only).',
    },
    {
      name: 'ahres',
      family: 'ipv6',
      summary: 'Requires the reserved field to be zero (IPv6 only).',
    },
  ],
};
