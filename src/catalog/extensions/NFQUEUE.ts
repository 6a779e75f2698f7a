import type { ExtensionDef, ValueProblem } from '../types.js';

// --queue-balance takes exactly two queue numbers FIRST:LAST with FIRST < LAST;
// the table's .max is UINT16_MAX - 1 for both.
function validateBalance(text: string): ValueProblem[] {
  const m = /^(\d+):(\d+)$/.exec(text);
  if (!m) return [{ message: `\`${text}\` is not a queue range FIRST:LAST` }];
  const lo = Number(m[1]);
  const hi = Number(m[2]);
  if (lo > 65534 || hi > 65534) return [{ message: 'queue numbers must be in 0-65534' }];
  if (lo >= hi) return [{ message: `${lo} must be less than ${hi}` }];
  return [];
}

// Revision 3 (both kernels) is described.
export const NFQUEUE: ExtensionDef = {
  name: 'NFQUEUE',
  type: 'target',
  families: ['ipv4', 'ipv6'],
  summary: 'Hands the packet to a userspace program over an nfnetlink queue for the verdict.',
  options: [
    {
      name: 'queue-num',
      args: [{ kind: 'uint', min: 0, max: 65535, label: 'number' }],
      excludes: ['queue-balance'],
      summary: 'Queue number to use (default 0).',
    },
    {
      name: 'queue-balance',
      args: [{ kind: 'custom', label: 'first:last', validate: validateBalance }],
      excludes: ['queue-num'],
      summary: 'Spread packets over this range of queues, one flow per queue.',
    },
    {
      name: 'queue-bypass',
      summary: 'Accept the packet instead of dropping it when no program listens on the queue.',
    },
    {
      name: 'queue-cpu-fanout',
      requires: ['queue-balance'],
      summary: 'Pick the queue from the CPU number instead of a flow hash.',
    },
  ],
};
