import type { ExtensionDef } from '../types.js';

export const ipcomp: ExtensionDef = {
  name: 'ipcomp',
  type: 'match',
  families: ['ipv4', 'ipv6'],
  summary: 'Matches the CPI of IP Payload Compression packets; loaded by `-p ipcomp` when one of its options follows.',
  implicitProtocol: true,
  protocols: ['ipcomp'],
  options: [
    {
      name: 'ipcompspi',
      args: [{ kind: 'uintRange', min: 0, max: 0xffffffff, label: 'spi[:spi]' }],
      invert: true,
      summary: 'Compression Parameter Index, or an inclusive range.',
    },
    { name: 'compres', summary: 'The reserved field must be zero.' },
  ],
};
