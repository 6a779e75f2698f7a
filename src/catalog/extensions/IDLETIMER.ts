import { truncatedText } from '../values.js';
import type { ExtensionDef } from '../types.js';

// The label buffer is 28 bytes. iptables cuts a longer label silently; the
// kernel rejects an empty one.
const validateLabel = truncatedText('label', 27, { empty: 'the label must not be empty' });

// Revision 1 (both kernels) is described; it adds --alarm.
export const IDLETIMER: ExtensionDef = {
  name: 'IDLETIMER',
  type: 'target',
  families: ['ipv4', 'ipv6'],
  summary: 'Restarts a named timer on every matching packet; userspace is notified through sysfs when it expires.',
  options: [
    {
      // iptables takes any uint32, but the kernel refuses 0 and anything from INT_MAX/1000 up.
      name: 'timeout',
      args: [{ kind: 'uint', min: 1, max: 2147482, label: 'seconds' }],
      required: true,
      summary: 'Seconds of inactivity before the timer fires.',
    },
    {
      name: 'label',
      args: [{ kind: 'string', label: 'name', validate: validateLabel }],
      required: true,
      summary: 'Name of the timer (also the sysfs file name).',
    },
    { name: 'alarm', summary: 'Use an alarm timer, which can wake the system from suspend.' },
  ],
};
