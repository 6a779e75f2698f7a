import type { ExtensionDef, ValueProblem } from '../types.js';

const MAX_NODES = 16;

// A cluster MAC must be multicast: the lowest bit of the first octet set.
function validateClusterMac(text: string): ValueProblem[] {
  const first = parseInt(text.slice(0, 2), 16);
  if (Number.isNaN(first) || (first & 1) === 0) {
    return [{ message: 'the cluster MAC has to be a multicast Ethernet address (first octet odd)' }];
  }
  return [];
}

// ipt_CLUSTERIP exists in kernel 6.1 but was removed before 6.12, so the union
// (6.1) is described here and the entry is marked deprecated.
export const CLUSTERIP: ExtensionDef = {
  name: 'CLUSTERIP',
  type: 'target',
  families: ['ipv4'],
  summary: 'Shares one IPv4 address among a cluster of hosts, each answering for a hash bucket of the traffic.',
  deprecated: 'CLUSTERIP was removed from the kernel (gone in 6.12); use the `cluster` match instead',
  // The final check accepts either no option at all (join an existing cluster
  // rule) or --new with every one of hashmode, clustermac, total-nodes and local-node.
  options: [
    {
      name: 'new',
      requires: ['hashmode', 'clustermac', 'total-nodes', 'local-node'],
      summary: 'Create a new cluster IP; needs the full cluster description.',
    },
    {
      name: 'hashmode',
      args: [{ kind: 'enum', choices: ['sourceip', 'sourceip-sourceport', 'sourceip-sourceport-destport'], label: 'mode' }],
      requires: ['new'],
      summary: 'Which packet fields are hashed to pick the node.',
    },
    {
      name: 'clustermac',
      args: [{ kind: 'mac', label: 'mac', validate: validateClusterMac }],
      requires: ['new'],
      summary: 'Multicast MAC address the cluster answers ARP with.',
    },
    {
      name: 'total-nodes',
      args: [{ kind: 'uint', min: 0, max: MAX_NODES, label: 'n' }],
      requires: ['new'],
      summary: 'Number of nodes in the cluster.',
    },
    {
      name: 'local-node',
      args: [{ kind: 'uint', min: 0, max: MAX_NODES, label: 'n' }],
      requires: ['new'],
      summary: 'Number of this node within the cluster.',
    },
    {
      name: 'hash-init',
      args: [{ kind: 'uint', min: 0, max: 0xffffffff, label: 'seed' }],
      requires: ['new'],
      summary: 'Random seed for the hash.',
    },
  ],
};
