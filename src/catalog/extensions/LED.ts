import type { ExtensionDef, ValueProblem } from '../types.js';

// `inf…` (any case, only the first three letters are looked at) keeps the LED on;
// otherwise a number of milliseconds (strtoul base 0).
function validateDelay(text: string): ValueProblem[] {
  if (text.slice(0, 3).toLowerCase() === 'inf') return [];
  if (!/^(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)$/.test(text)) {
    return [{ message: `\`${text}\` is neither a number of milliseconds nor \`inf\`` }];
  }
  const n = /^0[0-7]+$/.test(text) ? parseInt(text, 8) : Number(text);
  return n > 0xffffffff ? [{ message: 'delay must be within 0-4294967295' }] : [];
}

export const LED: ExtensionDef = {
  name: 'LED',
  type: 'target',
  families: ['ipv4', 'ipv6'],
  summary: 'Blinks a LED through a LED trigger named netfilter-<id> on matching packets.',
  options: [
    {
      // The id is stored as "netfilter-<id>" in a 27-byte buffer, hence 16 (iptables rejects longer ids).
      name: 'led-trigger-id',
      args: [{ kind: 'string', maxLength: 16, label: 'name' }],
      required: true,
      summary: 'Name of the trigger; it appears as netfilter-<name>.',
    },
    {
      name: 'led-delay',
      args: [{ kind: 'custom', label: 'ms|inf', validate: validateDelay }],
      summary: 'How long the LED stays lit, in milliseconds, or inf to keep it on.',
    },
    { name: 'led-always-blink', summary: 'Blink off and on again even when the LED is already lit.' },
  ],
};
