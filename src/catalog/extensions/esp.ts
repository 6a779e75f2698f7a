import type { ExtensionDef } from '../types.js';

export const esp: ExtensionDef = {
  name: 'esp',
  type: 'match',
  families: ['ipv4', 'ipv6'],
  summary: 'Matches the SPI of IPsec ESP packets; loaded by `-p esp` when its option follows.',
  implicitProtocol: true,
  protocols: ['esp'],
  options: [
    {
      name: 'espspi',
      args: [{ kind: 'uintRange', min: 0, max: 0xffffffff, label: 'spi[:spi]' }],
      invert: true,
      summary: 'Security Parameters Index, or an inclusive range of them.',
    },
  ],
};
