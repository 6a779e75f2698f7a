import { truncatedText } from '../values.js';
import type { ExtensionDef, OptionDef, ValueProblem } from '../types.js';

/** The list name becomes a file under /proc/net/xt_recent, which the kernel guards. */
function validateListName(text: string): ValueProblem[] {
  if (text === '' || text === '.' || text === '..' || text.includes('/'))
    return [{ message: 'the kernel refuses an empty list name, `.`, `..` or a name containing `/`' }];
  return nameLength(text);
}

// XT_RECENT_NAME_LEN is 200 bytes with the NUL; iptables cuts longer names silently.
const nameLength = truncatedText('name', 199, { truncatedBy: 'iptables silently cuts' });

const ACTIONS = ['set', 'rcheck', 'update', 'remove'] as const;

function action(name: (typeof ACTIONS)[number], summary: string): OptionDef {
  return { name, invert: true, excludes: ACTIONS.filter((a) => a !== name), summary };
}

export const recent: ExtensionDef = {
  name: 'recent',
  type: 'match',
  families: ['ipv4', 'ipv6'],
  summary: 'Keeps lists of recently seen addresses and matches on their presence, age and hit count.',
  options: [
    action('set', 'Add (or refresh) the packet’s address in the list; always matches.'),
    action('rcheck', 'Match when the address is in the list.'),
    action('update', 'Like --rcheck, and refresh the entry’s last-seen time when it is there.'),
    action('remove', 'Match when the address is in the list, and delete it.'),
    {
      name: 'seconds',
      args: [{ kind: 'uint', min: 1, max: 0xffffffff, label: 'seconds' }],
      summary: 'Only entries seen within this many seconds count.',
    },
    {
      name: 'reap',
      requires: ['seconds'],
      summary: 'Purge entries older than --seconds while checking.',
    },
    {
      name: 'hitcount',
      // iptables takes any 32-bit value, but the kernel keeps at most 65535 timestamps per entry.
      args: [{ kind: 'uint', min: 0, max: 65535, label: 'hits' }],
      summary: 'Only entries seen at least this many times count.',
    },
    {
      name: 'rttl',
      excludes: ['set', 'remove'],
      summary: 'Also require the TTL to equal the one recorded by --set (against spoofed sources).',
    },
    {
      name: 'name',
      args: [{ kind: 'string', label: 'list', validate: validateListName }],
      summary: 'Name of the list to use (DEFAULT when absent).',
    },
    { name: 'rsource', summary: 'Record and look up the source address (the default).' },
    { name: 'rdest', summary: 'Record and look up the destination address instead.' },
    {
      name: 'mask',
      args: [{ kind: 'host', label: 'netmask' }],
      summary: 'Netmask applied to addresses before they are stored or compared.',
    },
  ],
  constraints: [
    { kind: 'oneOf', options: ACTIONS, message: 'recent needs one of --set, --rcheck, --update or --remove' },
  ],
};
