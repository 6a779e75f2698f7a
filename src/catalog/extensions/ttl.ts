import type { ExtensionDef } from '../types.js';

const TTL = { kind: 'uint', min: 0, max: 255, label: 'ttl' } as const;

export const ttl: ExtensionDef = {
  name: 'ttl',
  type: 'match',
  families: ['ipv4'],
  summary: 'Matches the IPv4 Time To Live field (use hl for IPv6).',
  options: [
    {
      name: 'ttl-eq',
      aliases: ['ttl'],
      args: [TTL],
      invert: true,
      excludes: ['ttl-lt', 'ttl-gt'],
      summary: 'TTL equals the value.',
    },
    {
      name: 'ttl-lt',
      args: [TTL],
      excludes: ['ttl-eq', 'ttl-gt'],
      summary: 'TTL is less than the value.',
    },
    {
      name: 'ttl-gt',
      args: [TTL],
      excludes: ['ttl-eq', 'ttl-lt'],
      summary: 'TTL is greater than the value.',
    },
  ],
  constraints: [{ kind: 'oneOf', options: ['ttl-eq', 'ttl-lt', 'ttl-gt'], message: 'ttl needs one of --ttl-eq, --ttl-lt or --ttl-gt' }],
};
