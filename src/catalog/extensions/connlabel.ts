import type { ExtensionDef, ValueProblem } from '../types.js';
import { cStrtoulExact } from '../values.js';

// Conntrack labels are a 128-bit field: bits 0-127.
const LABEL_MAX_BIT = 127;

/**
 * iptables reads a label with strtoul and keeps the result in an int: when
 * the whole text is a number whose low 32 bits are not negative as an int, it
 * is a bit number, stored in 16 bits (so 65536 is bit 0) and refused by the
 * kernel above 127. Anything else, numbers from 2^31 up included, is a name
 * looked up in connlabel.conf on the machine that loads the rules, which
 * cannot be checked here and only earns a note.
 */
function validateLabel(text: string): ValueProblem[] {
  if (text === '') return [{ message: 'empty label' }];
  const n = cStrtoulExact(text, 0, 0);
  if (n.end === text.length) {
    const int32 = n.value & 0xffffffffn;
    if (int32 < 0x80000000n) {
      const bit = Number(int32 & 0xffffn);
      if (bit > LABEL_MAX_BIT) return [{ message: `label bit ${text} is bit ${bit} once cut to 16 bits, out of range 0-${LABEL_MAX_BIT}` }];
      if (BigInt(bit) !== n.value)
        return [{ message: `iptables keeps only the low 16 bits of \`${text}\`: this is label bit ${bit}; write ${bit}`, severity: 'warning' }];
      return [];
    }
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
