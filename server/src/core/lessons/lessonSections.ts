/**
 * Every lesson section that rules and hovers link to ("Learn: <title> — N min"), named once. The
 * lessons themselves (and their minutes) are in the catalogue, shared/lessons/catalog.ts; a unit
 * test checks that every section here is a heading of its lesson.
 */
import type { LessonSectionRef } from '../../../../shared/lessons/lessonLinks';

export interface Learn extends LessonSectionRef {
  title: string;
}

const section = (lesson: string, anchor: string, title: string): Learn => ({ lesson, anchor, title });

export const SECTIONS = {
  yamlBasics: section('topology-format', 'yaml-basics', 'YAML basics'),
  format: section('topology-format', 'the-format', 'The topology format'),
  limits: section('topology-format', 'limits', 'Limits'),
  oversubscription: section('modern-topology', 'oversubscription-ratios', 'Oversubscription ratios'),
  speeds: section('modern-topology', 'link-speeds', 'Link speeds'),
  breakouts: section('modern-topology', 'breakout-ports', 'Breakout ports'),
  borderLeaves: section('modern-topology', 'border-leaves-and-external-devices', 'Border leaves and external devices'),
  peerLinks: section('spine-leaf-hierarchy', 'peer-links-mlag-and-vpc-pairs', 'Peer links: MLAG and vPC pairs'),
  ports: section('modern-topology', 'ports-and-port-groups', 'Ports and port groups'),
  layers: section('spine-leaf-hierarchy', 'three-layers', 'Three layers'),
  equidistant: section('spine-leaf-hierarchy', 'why-every-server-is-equidistant', 'Why every server is equidistant'),
  homing: section('spine-leaf-hierarchy', 'server-homing', 'Server homing'),
  tiers: section('spine-leaf-hierarchy', 'tier-rules', 'Tier rules'),
  names: section('spine-leaf-hierarchy', 'switch-names-and-links', 'Switch names and links'),
  clos5: section('three-tier-vs-spine-leaf', 'five-stage-clos-pods-and-planes', 'Five-stage Clos: pods and planes'),
  redundancy: section('three-tier-vs-spine-leaf', 'spine-redundancy-and-n-1', 'Spine redundancy and N-1'),
  rdma: section('three-tier-vs-spine-leaf', 'enabling-rdma', 'Enabling RDMA'),
  hashing: section('ecmp', '5-tuple-hashing', '5-tuple hashing'),
  equalCost: section('ecmp', 'equal-cost-means-equal-bandwidth', 'Equal-cost means equal bandwidth'),
  parallel: section('ecmp', 'parallel-links', 'Parallel links'),
  ring0: section('ring0-problem', 'the-core-challenge', 'The core challenge'),
  rootMode: section('hardware-virtualization', 'root-and-non-root-mode', 'Root and non-root mode'),
  sriov: section('hardware-virtualization', 'sr-iov-and-the-nic', 'SR-IOV and the NIC'),
  exits: section('vm-exits', 'the-six-step-exit-cycle', 'The six-step exit cycle'),
} as const;
