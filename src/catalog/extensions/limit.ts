import type { ExtensionDef } from '../types.js';

export const limit: ExtensionDef = {
  name: 'limit',
  type: 'match',
  families: ['ipv4', 'ipv6'],
  summary: 'Token-bucket rate limiter: matches until the average rate is exceeded, allowing an initial burst.',
  options: [
    {
      // Not invertible: the parser rejects `!` on either option.
      name: 'limit',
      args: [{ kind: 'rate', label: 'rate[/second|/minute|/hour|/day]' }],
      summary: 'Average rate of matching packets; the unit defaults to per second (3/hour by default when absent).',
    },
    {
      name: 'limit-burst',
      args: [{ kind: 'uint', min: 0, max: 10000, label: 'number' }],
      summary: 'Size of the bucket: how many packets may match in a burst before the rate applies (default 5).',
    },
  ],
};
