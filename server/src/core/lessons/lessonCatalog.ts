/**
 * The lessons shipped under lessons/: id (= file name), title, track, order and minutes.
 * The lesson lint test checks this table against each file's front matter.
 */
export type Track = 'virtualization' | 'datacenter' | 'reference';

export interface LessonInfo {
  id: string;
  title: string;
  track: Track;
  order: number;
  minutes: number;
}

export const TRACK_TITLES: Record<Track, string> = {
  virtualization: 'Virtualization Fundamentals',
  datacenter: 'Datacenter Network Topology',
  reference: 'Reference',
};

export const LESSONS: readonly LessonInfo[] = [
  { id: 'ring0-problem', title: 'The Ring-0 Problem', track: 'virtualization', order: 1, minutes: 20 },
  { id: 'hardware-virtualization', title: 'Hardware Solution: VT-x/AMD-V', track: 'virtualization', order: 2, minutes: 30 },
  { id: 'vm-exits', title: 'VM Exit Basics', track: 'virtualization', order: 3, minutes: 25 },
  { id: 'modern-topology', title: 'Modern Datacenter Network Topology', track: 'datacenter', order: 1, minutes: 40 },
  { id: 'spine-leaf-hierarchy', title: 'Spine-Leaf Server Hierarchy', track: 'datacenter', order: 2, minutes: 30 },
  { id: 'three-tier-vs-spine-leaf', title: '3-Tier vs Spine-Leaf', track: 'datacenter', order: 3, minutes: 30 },
  { id: 'ecmp', title: 'ECMP Load Balancing', track: 'datacenter', order: 4, minutes: 50 },
  { id: 'topology-format', title: 'Reference: the topology file', track: 'reference', order: 1, minutes: 10 },
];

const byId = new Map(LESSONS.map((lesson) => [lesson.id, lesson]));

export function lessonInfo(id: string): LessonInfo | undefined {
  return byId.get(id);
}
