import type { ExtensionDef, ValueProblem } from '../types.js';

// (u32)-1 means "no id" to the kernel, so the largest usable id is one less.
const MAX_ID = 0xfffffffe;

/**
 * A user or group name (resolved by the host that loads the rules, so not
 * checked here) or a numeric id or id range written `a-b` or `a:b`.
 */
function validateIdRange(text: string): ValueProblem[] {
  if (text === '') return [{ message: 'empty user or group' }];
  // No user or group name may start with `-` (useradd/groupadd refuse them), so
  // such a value is an option the previous one swallowed: `--gid-owner --suppl-groups`.
  if (text.startsWith('-')) return [{ message: `\`${text}\` is not a user or group: names cannot start with \`-\` (is an argument missing before it?)` }];
  if (!/^\d/.test(text)) return [];
  const m = /^(0x[0-9a-f]+|\d+)(?:[-:](0x[0-9a-f]+|\d+))?$/i.exec(text);
  if (!m) return [{ message: `\`${text}\` is neither a name nor an id or id range` }];
  const ids = [m[1], m[2]].filter((x): x is string => x !== undefined).map((x) => Number(x));
  if (ids.some((n) => n > MAX_ID)) return [{ message: `ids must be at most ${MAX_ID}` }];
  // iptables stores a reversed range as given; the kernel then refuses the rule.
  if (ids.length === 2 && ids[0]! > ids[1]!) return [{ message: `range start ${ids[0]} is greater than its end ${ids[1]}` }];
  return [];
}

export const owner: ExtensionDef = {
  name: 'owner',
  type: 'match',
  families: ['ipv4', 'ipv6'],
  summary: 'Matches properties of the local socket that created an outgoing packet (user, group, existence).',
  // Only locally generated packets carry a socket; the kernel allows these hooks only.
  hooks: ['OUTPUT', 'POSTROUTING'],
  // iptables 1.8.9 always uses revision 1 here (the only one these kernels have), so the
  // old --pid-owner, --sid-owner and --cmd-owner options of revision 0 are not accepted.
  options: [
    {
      name: 'uid-owner',
      args: [{ kind: 'custom', label: 'user[-user]', validate: validateIdRange }],
      invert: true,
      summary: 'Socket owner is this user name, user id or inclusive id range.',
    },
    {
      name: 'gid-owner',
      args: [{ kind: 'custom', label: 'group[-group]', validate: validateIdRange }],
      invert: true,
      summary: 'Socket file owner group is this group name, group id or inclusive id range.',
    },
    {
      name: 'socket-exists',
      invert: true,
      summary: 'The packet is associated with a local socket.',
    },
    {
      name: 'suppl-groups',
      // iptables requires --gid-owner to come before it on the command line.
      requires: ['gid-owner'],
      summary: 'Also match when the --gid-owner group is one of the socket owner’s supplementary groups.',
    },
  ],
  constraints: [
    {
      kind: 'anyOf',
      options: ['uid-owner', 'gid-owner', 'socket-exists'],
      message: 'owner needs at least one of --uid-owner, --gid-owner or --socket-exists',
    },
  ],
};
