import type { ExtensionDef, ValueProblem, ValueSpec } from '../types.js';

const NUMBER = /^(0x[0-9a-f]+|\d+)$/i;

/**
 * value[/mask] as 32-bit numbers, or a group name that iptables resolves
 * through /etc/iproute2/group on the loading machine (names take no mask).
 */
function validateGroup(text: string): ValueProblem[] {
  const [value, mask, extra] = text.split('/');
  if (NUMBER.test(value!)) {
    for (const part of mask === undefined ? [value!] : [value!, mask]) {
      if (!NUMBER.test(part) || Number(part) > 0xffffffff) return [{ message: `bad device group \`${text}\`` }];
    }
    return extra === undefined ? [] : [{ message: `bad device group \`${text}\`` }];
  }
  if (text === '' || text.includes('/')) return [{ message: `bad device group \`${text}\`` }];
  return [
    {
      message: `group name \`${text}\` must be defined in /etc/iproute2/group on the machine that loads these rules`,
      severity: 'warning',
    },
  ];
}

const group: ValueSpec = { kind: 'custom', label: 'group[/mask]', validate: validateGroup };

export const devgroup: ExtensionDef = {
  name: 'devgroup',
  type: 'match',
  families: ['ipv4', 'ipv6'],
  summary: 'Matches the device group of the incoming or outgoing interface.',
  options: [
    { name: 'src-group', args: [group], invert: true, summary: 'Device group of the incoming interface.' },
    { name: 'dst-group', args: [group], invert: true, summary: 'Device group of the outgoing interface.' },
  ],
  constraints: [
    { kind: 'anyOf', options: ['src-group', 'dst-group'], message: 'devgroup needs --src-group or --dst-group' },
  ],
};
