import type { ExtensionDef, ValueProblem } from '../types.js';

const NUMBER = '(?:0x[0-9a-f]+|0[0-7]*|[1-9]\\d*)';
const VALUE_MASK = new RegExp(`^(${NUMBER})(?:/(${NUMBER}))?$`, 'i');

/** strtoul with base 0: 0x hex, leading-zero octal, else decimal. */
function strtoul(x: string): number {
  if (/^0x/i.test(x)) return parseInt(x.slice(2), 16);
  return x.startsWith('0') ? parseInt(x, 8) : Number(x);
}

/**
 * A numeric realm with an optional mask, or a realm name from the loading host's
 * /etc/iproute2/rt_realms (not checkable here; a name never takes a mask).
 */
function validateRealm(text: string): ValueProblem[] {
  const m = VALUE_MASK.exec(text);
  if (m) {
    const tooBig = [m[1], m[2]].some((x) => x !== undefined && strtoul(x) > 0xffffffff);
    return tooBig ? [{ message: 'realm and mask are 32-bit values' }] : [];
  }
  if (/^\d/.test(text) || text.includes('/') || text === '')
    return [{ message: `\`${text}\` is neither value[/mask] nor a realm name` }];
  return [];
}

export const realm: ExtensionDef = {
  name: 'realm',
  type: 'match',
  families: ['ipv4'],
  summary: 'Matches the routing realm the route lookup assigned to the packet.',
  // The realm is known only after routing, so the kernel refuses PREROUTING.
  hooks: ['INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'],
  options: [
    {
      name: 'realm',
      args: [{ kind: 'custom', label: 'value[/mask]', validate: validateRealm }],
      invert: true,
      required: true,
      summary: 'Realm number (ANDed with the mask) or realm name from rt_realms.',
    },
  ],
};
