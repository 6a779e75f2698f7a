import { truncatedText } from '../values.js';
import type { ExtensionDef } from '../types.js';

// The context buffer is 256 bytes; iptables cuts a longer context silently.
const validateContext = truncatedText('context', 255, { empty: 'the security context must not be empty' });

export const SECMARK: ExtensionDef = {
  name: 'SECMARK',
  type: 'target',
  families: ['ipv4', 'ipv6'],
  summary: 'Sets the packet security mark from an SELinux security context.',
  // Not in the registration: xt_SECMARK's checkentry refuses every table but these two.
  tables: ['mangle', 'security'],
  options: [
    {
      name: 'selctx',
      args: [{ kind: 'string', label: 'context', validate: validateContext }],
      required: true,
      summary: 'SELinux security context, e.g. system_u:object_r:http_packet_t:s0; must exist in the loaded policy.',
    },
  ],
};
