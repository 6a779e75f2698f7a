import type { ExtensionDef } from '../types.js';

// xt_cluster's node bitmap is 32 bits wide.
const NODES_MAX = 32;

export const cluster: ExtensionDef = {
  name: 'cluster',
  type: 'match',
  families: ['ipv4', 'ipv6'],
  summary: 'Splits connections among the nodes of a cluster by hashing, for load sharing without a load balancer.',
  options: [
    {
      name: 'cluster-total-nodes',
      args: [{ kind: 'uint', min: 1, max: NODES_MAX, label: 'count' }],
      required: true,
      summary: 'Number of nodes in the cluster.',
    },
    {
      name: 'cluster-local-node',
      args: [{ kind: 'uint', min: 1, max: NODES_MAX, label: 'node' }],
      invert: true,
      excludes: ['cluster-local-nodemask'],
      summary: 'Number of this node (1-based).',
    },
    {
      name: 'cluster-local-nodemask',
      args: [{ kind: 'uint', min: 1, max: NODES_MAX, label: 'mask' }],
      invert: true,
      excludes: ['cluster-local-node'],
      summary: 'Bitmask of the node ids this node handles.',
    },
    {
      name: 'cluster-hash-seed',
      args: [{ kind: 'uint', min: 0, max: 0xffffffff, label: 'seed' }],
      required: true,
      summary: 'Seed of the hash; must be the same on all nodes.',
    },
  ],
  constraints: [
    // iptables checks, after parsing, that the node number does not exceed the node count.
    { kind: 'less', options: ['cluster-local-node', 'cluster-total-nodes'], orEqual: true, message: '--cluster-local-node cannot be greater than --cluster-total-nodes' },
    {
      kind: 'oneOf',
      options: ['cluster-local-node', 'cluster-local-nodemask'],
      message: 'cluster needs --cluster-local-node or --cluster-local-nodemask',
    },
  ],
};
