import type { ExtensionDef } from '../types.js';

export const AUDIT: ExtensionDef = {
  name: 'AUDIT',
  type: 'target',
  families: ['ipv4', 'ipv6'],
  summary: 'Sends an audit record for the packet to the kernel audit subsystem, tagged with the given verdict type.',
  options: [
    {
      name: 'type',
      // iptables compares with strcasecmp and saves the lower-case spelling.
      args: [{ kind: 'enum', choices: ['accept', 'drop', 'reject'], caseInsensitive: true, label: 'type' }],
      required: true,
      summary: 'Verdict recorded in the audit event: accept, drop or reject.',
    },
  ],
};
