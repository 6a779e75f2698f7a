import type { ExtensionDef, ValueProblem } from '../types.js';

// Conntrack labels are a 128-bit field: bits 0-127.
const LABEL_MAX_BIT = 127;

/**
 * A label is a bit number (strtoul, so 0x and leading-0 octal work too) or a
 * name that iptables looks up in connlabel.conf on the machine that loads the
 * rules; a name cannot be checked here, so it only earns a note.
 */
function validateLabel(text: string): ValueProblem[] {
  if (text === '') return [{ message: 'empty label' }];
  if (/^(0x[0-9a-f]+|0[0-7]*|[1-9]\d*)$/i.test(text)) {
    const bit = text.toLowerCase().startsWith('0x')
      ? parseInt(text.slice(2), 16)
      : text.startsWith('0')
        ? parseInt(text, 8)
        : Number(text);
    return bit > LABEL_MAX_BIT ? [{ message: `label bit ${text} is out of range 0-${LABEL_MAX_BIT}` }] : [];
  }
  return [
    {
      message: `label name \`${text}\` must be defined in connlabel.conf on the machine that loads these rules`,
      severity: 'warning',
    },
  ];
}

export const connlabel: ExtensionDef = {
  name: 'connlabel',
  type: 'match',
  families: ['ipv4', 'ipv6'],
  summary: 'Tests (and optionally sets) one bit of the connection\'s label field.',
  options: [
    {
      name: 'label',
      args: [{ kind: 'custom', label: 'name|bit', validate: validateLabel }],
      invert: true,
      required: true,
      summary: 'Label bit, by number or by its connlabel.conf name.',
    },
    {
      name: 'set',
      summary: 'Sets the label on the connection if it was not set, then matches.',
    },
  ],
};
