import type { ExtensionDef } from '../types.js';

const DCCP_TYPES = [
  'REQUEST',
  'RESPONSE',
  'DATA',
  'ACK',
  'DATAACK',
  'CLOSEREQ',
  'CLOSE',
  'RESET',
  'SYNC',
  'SYNCACK',
  'INVALID',
] as const;

export const dccp: ExtensionDef = {
  name: 'dccp',
  type: 'match',
  families: ['ipv4', 'ipv6'],
  summary: 'Matches DCCP ports, packet types and options; loaded by `-p dccp` when one of its options follows.',
  implicitProtocol: true,
  protocols: ['dccp'],
  options: [
    {
      name: 'sport',
      aliases: ['source-port'],
      args: [{ kind: 'portRange', label: 'port[:port]' }],
      invert: true,
      summary: 'Source port or inclusive port range.',
    },
    {
      name: 'dport',
      aliases: ['destination-port'],
      args: [{ kind: 'portRange', label: 'port[:port]' }],
      invert: true,
      summary: 'Destination port or inclusive port range.',
    },
    {
      name: 'dccp-types',
      args: [{ kind: 'enumList', choices: DCCP_TYPES, caseInsensitive: true, label: 'type[,type...]' }],
      invert: true,
      summary: 'Packet type is one of these.',
    },
    {
      name: 'dccp-option',
      args: [{ kind: 'uint', min: 1, max: 255, label: 'number' }],
      invert: true,
      summary: 'Matches when the DCCP option with this number is present.',
    },
  ],
};
