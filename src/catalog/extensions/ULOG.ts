import { truncatedText } from '../values.js';
import type { ExtensionDef, ValueProblem } from '../types.js';

// iptables 1.8.9 still ships libipt_ULOG.so, but no kernel has ipt_ULOG any more
// (removed in 3.17; absent from both 6.1 and 6.12), so every rule using it fails to load.
const PREFIX_MAX = 31;
const validatePrefix = truncatedText('prefix', PREFIX_MAX, { empty: 'the log prefix must not be empty' });

export const ULOG: ExtensionDef = {
  name: 'ULOG',
  type: 'target',
  families: ['ipv4'],
  summary: 'Old netlink userspace logging for IPv4; the kernel side no longer exists.',
  deprecated: 'the kernel has no ULOG module any more; use NFLOG (--nflog-group, --nflog-prefix)',
  options: [
    {
      name: 'ulog-nlgroup',
      args: [{ kind: 'uint', min: 1, max: 32, label: 'group' }],
      summary: 'Netlink multicast group 1-32.',
    },
    {
      name: 'ulog-prefix',
      args: [{ kind: 'string', label: 'prefix', validate: validatePrefix }],
      summary: 'Text put in front of the log message, at most 31 bytes.',
    },
    {
      name: 'ulog-cprange',
      // XTTYPE_UINT64: the full 64-bit range, beyond what a JS number holds exactly.
      args: [{ kind: 'custom', label: 'bytes', validate: validateUint64 }],
      summary: 'Number of bytes of the packet copied to userspace.',
    },
    {
      name: 'ulog-qthreshold',
      args: [{ kind: 'uint', min: 1, max: 50, label: 'count' }],
      summary: 'Number of packets batched in the kernel before sending.',
    },
  ],
};

function validateUint64(text: string): ValueProblem[] {
  let n: bigint;
  try {
    if (!/^(0[xX][0-9a-fA-F]+|\d+)$/.test(text)) throw new Error();
    n = BigInt(text);
  } catch {
    return [{ message: `\`${text}\` is not a number` }];
  }
  return n > 0xffffffffffffffffn ? [{ message: `\`${text}\` does not fit in 64 bits` }] : [];
}
