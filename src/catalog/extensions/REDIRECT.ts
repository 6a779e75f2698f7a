import type { ExtensionDef } from '../types.js';
import { natPortsNeedPortProtocol } from './SNAT.js';

export const REDIRECT: ExtensionDef = {
  name: 'REDIRECT',
  type: 'target',
  families: ['ipv4', 'ipv6'],
  summary: 'Redirects the packet to the local machine (primary address of the incoming interface, or loopback).',
  tables: ['nat'],
  hooks: ['PREROUTING', 'OUTPUT'],
  options: [
    {
      name: 'to-ports',
      args: [{ kind: 'natPorts', label: 'port[-port]', validate: natPortsNeedPortProtocol }],
      summary: 'Local destination port or port range.',
    },
    { name: 'random', summary: 'Randomise the port mapping.' },
  ],
};
