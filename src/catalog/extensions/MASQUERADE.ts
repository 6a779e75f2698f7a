import type { ExtensionDef } from '../types.js';
import { natPortsNeedPortProtocol } from './SNAT.js';

export const MASQUERADE: ExtensionDef = {
  name: 'MASQUERADE',
  type: 'target',
  families: ['ipv4', 'ipv6'],
  summary: 'Source NAT to the address of the outgoing interface, forgotten when the interface goes down.',
  tables: ['nat'],
  hooks: ['POSTROUTING'],
  options: [
    {
      name: 'to-ports',
      args: [{ kind: 'natPorts', label: 'port[-port]', validate: natPortsNeedPortProtocol }],
      summary: 'Source port or port range to use.',
    },
    { name: 'random', summary: 'Randomise the source port mapping.' },
    { name: 'random-fully', summary: 'Fully randomise the source port mapping.' },
  ],
};
