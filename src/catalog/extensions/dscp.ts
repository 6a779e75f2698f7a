import type { ExtensionDef, ValueProblem } from '../types.js';

// DiffServ class names in iptables' lookup order. It compares only the first
// strlen(class) characters, so any text that starts with a class name is taken
// as that class (`EFX` = EF); case does not matter.
const CLASSES = [
  'CS0', 'CS1', 'CS2', 'CS3', 'CS4', 'CS5', 'CS6', 'CS7', 'BE',
  'AF11', 'AF12', 'AF13', 'AF21', 'AF22', 'AF23', 'AF31', 'AF32', 'AF33', 'AF41', 'AF42', 'AF43', 'EF',
] as const;

function validateClass(text: string): ValueProblem[] {
  const upper = text.toUpperCase();
  const cls = CLASSES.find((c) => upper.startsWith(c));
  if (!cls) return [{ message: `unknown DSCP class \`${text}\`; expected BE, EF, AF11-AF43 or CS0-CS7` }];
  return cls.length === text.length
    ? []
    : [{ message: `iptables reads \`${text}\` as ${cls} and ignores the rest`, severity: 'warning' }];
}

export const dscp: ExtensionDef = {
  name: 'dscp',
  type: 'match',
  families: ['ipv4', 'ipv6'],
  summary: 'Matches the 6-bit DSCP field of the IPv4 TOS / IPv6 traffic class byte.',
  options: [
    {
      name: 'dscp',
      args: [{ kind: 'dscp', min: 0, max: 63, label: 'value' }],
      invert: true,
      excludes: ['dscp-class'],
      summary: 'DSCP value 0-63 (decimal or hex).',
    },
    {
      // iptables saves a class as the equivalent `--dscp 0x..`.
      name: 'dscp-class',
      args: [{ kind: 'custom', label: 'class', choices: CLASSES, caseInsensitive: true, validate: validateClass }],
      invert: true,
      excludes: ['dscp'],
      summary: 'DiffServ class name: BE, EF, AFxy or CSx.',
    },
  ],
  constraints: [{ kind: 'oneOf', options: ['dscp', 'dscp-class'], message: 'dscp needs --dscp or --dscp-class' }],
};
