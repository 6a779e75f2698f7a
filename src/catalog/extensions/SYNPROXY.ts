import type { ExtensionDef, ValueProblem } from '../types.js';

// iptables parses these as 32-bit numbers but stores them in 8 (wscale) and
// 16 (mss) bits without checking, so bigger values silently wrap.
function fits(bits: number, what: string) {
  return (text: string): ValueProblem[] => {
    const n = Number(text);
    return Number.isFinite(n) && n >= 2 ** bits
      ? [{ message: `${what} ${text} does not fit in ${bits} bits: iptables keeps ${n % 2 ** bits}`, severity: 'warning' }]
      : [];
  };
}

export const SYNPROXY: ExtensionDef = {
  name: 'SYNPROXY',
  type: 'target',
  families: ['ipv4', 'ipv6'],
  summary: 'Answers TCP SYNs with SYN cookies and only opens the connection to the server once the handshake completes.',
  // Hooks from the registration; -p tcp (not inverted) is required by the kernel's checkentry.
  hooks: ['INPUT', 'FORWARD'],
  protocols: ['tcp'],
  options: [
    { name: 'sack-perm', summary: 'Announce selective acknowledgement to the client.' },
    { name: 'timestamp', summary: 'Announce the timestamp option to the client.' },
    {
      name: 'wscale',
      args: [{ kind: 'uint', min: 0, max: 0xffffffff, label: 'shift', validate: fits(8, 'window scale') }],
      summary: 'Window scale announced to the client (should match the server).',
    },
    {
      name: 'mss',
      args: [{ kind: 'uint', min: 0, max: 0xffffffff, label: 'bytes', validate: fits(16, 'MSS') }],
      summary: 'Maximum segment size announced to the client (should match the server).',
    },
    { name: 'ecn', summary: 'Announce ECN support to the client.' },
  ],
};
