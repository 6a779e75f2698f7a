import { truncatedText } from '../values.js';
import type { ExtensionDef } from '../types.js';

// The xt_NFLOG prefix buffer is 64 bytes. iptables-legacy silently cuts longer
// prefixes to 63 bytes; iptables-nft passes them to nft's log expression. Either
// way a longer prefix does not do what it says, so it is a warning.
const PREFIX_MAX = 63;
const validatePrefix = truncatedText('prefix', PREFIX_MAX, { empty: 'the log prefix must not be empty', truncatedBy: 'iptables-legacy truncates' });

export const NFLOG: ExtensionDef = {
  name: 'NFLOG',
  type: 'target',
  families: ['ipv4', 'ipv6'],
  summary: 'Passes the packet to a userspace logger (ulogd…) over nfnetlink, then continues with the next rule.',
  options: [
    {
      name: 'nflog-group',
      args: [{ kind: 'uint', min: 0, max: 65535, label: 'group' }],
      summary: 'nfnetlink log group the packet is sent to (default 0).',
    },
    {
      name: 'nflog-prefix',
      args: [{ kind: 'string', label: 'prefix', validate: validatePrefix }],
      summary: 'Text put in front of the log message, at most 63 bytes.',
    },
    {
      name: 'nflog-range',
      args: [{ kind: 'uint', min: 0, max: 0xffffffff, label: 'bytes' }],
      excludes: ['nflog-size'],
      // iptables only warns and then drops it: the rule saves without it.
      deprecated: 'never worked and is ignored; use --nflog-size',
      summary: 'Obsolete copy length; ignored.',
    },
    {
      name: 'nflog-size',
      args: [{ kind: 'uint', min: 0, max: 0xffffffff, label: 'bytes' }],
      excludes: ['nflog-range'],
      summary: 'Number of bytes of the packet copied to userspace.',
    },
    {
      name: 'nflog-threshold',
      args: [{ kind: 'uint', min: 0, max: 65535, label: 'count' }],
      summary: 'Number of packets queued in the kernel before they are sent to userspace.',
    },
  ],
};
