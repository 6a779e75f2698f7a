import { portOptions } from './port-options.js';
import type { ExtensionDef, ValueProblem } from '../types.js';

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

// iptables splits with strtok, so empty items (`a,,b`, even `,`) are skipped, not errors.
function validateTypes(text: string): ValueProblem[] {
  const problems: ValueProblem[] = [];
  let start = 0;
  for (const word of text.split(',')) {
    if (word !== '' && !DCCP_TYPES.some((t) => t === word.toUpperCase())) {
      problems.push({ message: `unknown DCCP type \`${word}\`; expected one of ${DCCP_TYPES.join(', ')}`, start, end: start + word.length });
    }
    start += word.length + 1;
  }
  return problems;
}

export const dccp: ExtensionDef = {
  name: 'dccp',
  type: 'match',
  families: ['ipv4', 'ipv6'],
  summary: 'Matches DCCP ports, packet types and options; loaded by `-p dccp` when one of its options follows.',
  implicitProtocol: true,
  protocols: ['dccp'],
  options: [
    ...portOptions('getaddrinfo'),
    {
      name: 'dccp-types',
      args: [{ kind: 'custom', choices: DCCP_TYPES, caseInsensitive: true, label: 'type[,type...]', validate: validateTypes }],
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
