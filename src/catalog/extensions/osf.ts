import type { ExtensionDef, ValueProblem } from '../types.js';

// MAXGENRELEN is 32 bytes with the NUL; iptables cuts longer genres without an error.
function genreLength(text: string): ValueProblem[] {
  const n = Buffer.byteLength(text, 'utf8');
  return n > 31
    ? [{ severity: 'warning', message: `genre is ${n} bytes; iptables silently cuts it to 31, so it will not match as written` }]
    : [];
}

export const osf: ExtensionDef = {
  name: 'osf',
  type: 'match',
  families: ['ipv4'],
  summary: 'Passive OS fingerprinting: matches the operating system that sent a TCP SYN (needs loaded fingerprints).',
  protocols: ['tcp'],
  hooks: ['PREROUTING', 'INPUT', 'FORWARD'],
  options: [
    {
      name: 'genre',
      args: [{ kind: 'string', label: 'genre', validate: genreLength }],
      invert: true,
      required: true,
      summary: 'Operating-system genre to match, such as Linux or Windows.',
    },
    {
      name: 'ttl',
      args: [{ kind: 'uint', min: 0, max: 2, label: 'level' }],
      summary: 'How to check the IP TTL: 0 true IP address and TTL, 1 TTL less than the fingerprint, 2 ignore TTL.',
    },
    {
      name: 'log',
      args: [{ kind: 'uint', min: 0, max: 2, label: 'level' }],
      summary: 'Log detected genres to the kernel log: 0 every match or unknown signature, 1 only the first, 2 every known match.',
    },
  ],
};
