import type { ExtensionDef } from '../types.js';
import { exactChoice } from './conntrack.js';

const OPTIONS = ['ipvs', 'vproto', 'vaddr', 'vport', 'vdir', 'vmethod', 'vportctl'];

export const ipvs: ExtensionDef = {
  name: 'ipvs',
  type: 'match',
  families: ['ipv4', 'ipv6'],
  summary: 'Matches IPVS (Linux Virtual Server) connection properties.',
  options: [
    {
      // `! --ipvs` cannot be combined with the other options (iptables checks this).
      name: 'ipvs',
      invert: true,
      summary: 'The packet belongs to an IPVS connection.',
    },
    { name: 'vproto', args: [{ kind: 'protocol', label: 'protocol' }], invert: true, summary: 'Layer-4 protocol of the virtual service.' },
    { name: 'vaddr', args: [{ kind: 'hostMask', label: 'address[/mask]' }], invert: true, summary: 'Virtual IP address of the service.' },
    { name: 'vport', args: [{ kind: 'port', label: 'port', portParser: 'getaddrinfo' }], invert: true, summary: 'Virtual port of the service.' },
    {
      name: 'vdir',
      args: [exactChoice('ORIGINAL|REPLY', ['ORIGINAL', 'REPLY'], true)],
      summary: 'Direction of the packet within the IPVS connection.',
    },
    {
      name: 'vmethod',
      args: [exactChoice('GATE|IPIP|MASQ', ['GATE', 'IPIP', 'MASQ'], true)],
      invert: true,
      summary: 'IPVS forwarding method: direct routing, tunnelling or NAT.',
    },
    { name: 'vportctl', args: [{ kind: 'port', label: 'port', portParser: 'getaddrinfo' }], invert: true, summary: 'Virtual port of the controlling connection (e.g. FTP control).' },
  ],
  constraints: [{ kind: 'anyOf', options: OPTIONS, message: 'ipvs needs at least one option' }],
};
