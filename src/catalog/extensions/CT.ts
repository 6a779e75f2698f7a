import type { ExtensionDef, ValueProblem } from '../types.js';

// A zone is a 16-bit number or the word `mark` (any case): take the zone from the packet mark.
function validateZone(text: string): ValueProblem[] {
  if (text.toLowerCase() === 'mark') return [];
  if (!/^(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)$/.test(text)) {
    return [{ message: `\`${text}\` is neither a zone number nor \`mark\`` }];
  }
  const n = Number(text.startsWith('0') && !/^0[xX]/.test(text) && text.length > 1 ? parseInt(text, 8) : text);
  return n > 0xffff ? [{ message: `zone \`${text}\` is out of range 0-65535` }] : [];
}

// String options are copied into fixed kernel buffers; iptables cuts longer
// values silently, so the kernel then looks up a name the user never wrote.
function truncated(max: number) {
  return (text: string): ValueProblem[] =>
    Buffer.byteLength(text, 'utf8') > max
      ? [{ message: `longer than ${max} bytes: iptables silently truncates it`, severity: 'warning' }]
      : [];
}

const CT_EVENTS = ['new', 'related', 'destroy', 'reply', 'assured', 'protoinfo', 'helper', 'mark', 'natseqinfo', 'secmark'] as const;

// Revisions 1 and 2 (both kernels have them) share this option table; revision 0 lacks --timeout.
export const CT: ExtensionDef = {
  name: 'CT',
  type: 'target',
  families: ['ipv4', 'ipv6'],
  summary: 'Sets up the conntrack entry for the packet before tracking: helper, timeout policy, events, zone, or no tracking.',
  tables: ['raw'],
  options: [
    { name: 'notrack', summary: 'Do not track the packet; the other options are then ignored.' },
    {
      name: 'helper',
      args: [{ kind: 'string', label: 'name', validate: truncated(15) }],
      summary: 'Attach this conntrack helper (ftp, sip, …) to the new connection.',
    },
    {
      name: 'timeout',
      args: [{ kind: 'string', label: 'name', validate: truncated(31) }],
      summary: 'Apply this timeout policy (created with nfct) to the connection.',
    },
    {
      name: 'ctevents',
      args: [{ kind: 'enumList', choices: CT_EVENTS, label: 'event[,event…]' }],
      summary: 'Only generate these conntrack events for the connection.',
    },
    {
      name: 'expevents',
      args: [{ kind: 'enumList', choices: ['new'], label: 'event[,event…]' }],
      summary: 'Only generate these expectation events.',
    },
    {
      name: 'zone-orig',
      args: [{ kind: 'custom', label: 'id|mark', validate: validateZone }],
      summary: 'Conntrack zone for the original direction only.',
    },
    {
      name: 'zone-reply',
      args: [{ kind: 'custom', label: 'id|mark', validate: validateZone }],
      summary: 'Conntrack zone for the reply direction only.',
    },
    {
      name: 'zone',
      args: [{ kind: 'custom', label: 'id|mark', validate: validateZone }],
      summary: 'Conntrack zone for both directions (a number, or `mark` to use the packet mark).',
    },
  ],
};
