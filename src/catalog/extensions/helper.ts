import type { ExtensionDef } from '../types.js';

// xt_helper's name buffer is 30 bytes; iptables cuts longer names without an error.
const NAME_MAX = 29;

export const helper: ExtensionDef = {
  name: 'helper',
  type: 'match',
  families: ['ipv4', 'ipv6'],
  summary: 'Matches packets of connections created by a conntrack helper (ftp, sip, …).',
  options: [
    {
      name: 'helper',
      args: [
        {
          kind: 'string',
          label: 'name',
          validate: (text) =>
            Buffer.byteLength(text, 'utf8') > NAME_MAX
              ? [{ message: `helper name longer than ${NAME_MAX} bytes is cut off by iptables`, severity: 'warning' }]
              : [],
        },
      ],
      invert: true,
      required: true,
      summary: 'Helper name, optionally with `-port` (e.g. `ftp-2121`).',
    },
  ],
};
