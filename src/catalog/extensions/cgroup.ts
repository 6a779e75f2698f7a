import type { ExtensionDef } from '../types.js';

export const cgroup: ExtensionDef = {
  name: 'cgroup',
  type: 'match',
  families: ['ipv4', 'ipv6'],
  summary: 'Matches the control group of the socket that sent or receives the packet.',
  // xt_cgroup registers hooks LOCAL_OUT | POST_ROUTING | LOCAL_IN (same in 6.1 and 6.12).
  hooks: ['INPUT', 'OUTPUT', 'POSTROUTING'],
  options: [
    {
      // The kernel looks the path up when the rule is loaded, so it must exist then.
      name: 'path',
      args: [
        {
          kind: 'string',
          label: 'path',
          // The buffer is 512 bytes; iptables cuts longer paths without an error.
          validate: (text) =>
            Buffer.byteLength(text, 'utf8') > 511
              ? [{ message: 'cgroup path longer than 511 bytes is cut off by iptables', severity: 'warning' }]
              : [],
        },
      ],
      invert: true,
      excludes: ['cgroup'],
      summary: 'cgroup v2 path, relative to the cgroup2 mount.',
    },
    {
      name: 'cgroup',
      args: [{ kind: 'uint', min: 0, max: 0xffffffff, label: 'classid' }],
      invert: true,
      excludes: ['path'],
      summary: 'net_cls (cgroup v1) class id.',
    },
  ],
  constraints: [{ kind: 'oneOf', options: ['path', 'cgroup'], message: 'cgroup needs exactly one of --path or --cgroup' }],
};
