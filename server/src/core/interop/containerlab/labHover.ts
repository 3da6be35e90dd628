/**
 * Hovers in a containerlab topology: a node (its name under `topology.nodes`, or where a link
 * names it) shows the same figures as a switch in a topology file, plus where its role, pod and
 * plane came from; Topology Tutor's labels explain themselves. Nothing about the topology format's
 * own keys is shown here (they do not exist in a lab).
 */
import type { Range } from '../../text/lineIndex';
import { locate } from '../../yaml/locate';
import { keyName } from '../../yaml/treeQueries';
import { referenceAtOffset } from '../../model/fabricModel';
import { entityHover } from '../../hover/entityHover';
import { learnLink } from '../../hover/learnLink';
import { codeSpan } from '../../text/markdown';
import { SECTIONS } from '../../lessons/lessonSections';
import type { Learn } from '../../lessons/lessonSections';
import { DESIGN_PREFIX, LABELS, SERVERS_PREFIX } from '../labels';
import { inferenceOf, nodeNote } from './inference';
import type { LabLintResult } from './lintLab';

const LABEL_DOCS = new Map<string, { text: string; learn: Learn }>([
  [LABELS.role, { text: '**topology.role** — the node\'s role in the fabric: `leaf`, `spine`, `super-spine`, `external` (a firewall, router or load balancer outside the fabric) or `server` (a host standing for servers). Without it the role is inferred from the name.', learn: SECTIONS.tiers }],
  [LABELS.pod, { text: '**topology.pod** — the pod of a leaf or spine: leaves must reach every spine of their own pod. Without pod labels, a 5-stage lab gets its pods from the links.', learn: SECTIONS.clos5 }],
  [LABELS.plane, { text: '**topology.plane** — the plane of a spine or super-spine: spines must reach every super-spine of their own plane.', learn: SECTIONS.clos5 }],
  [LABELS.ports, { text: '**topology.ports** — the front panel, in interface order: `48x25G servers, 8x100G fabric` (`COUNTxSPEED`, optionally what the group is for and `breakout WAYSxSPEED`). A cable\'s speed is then read from the ports its interfaces name.', learn: SECTIONS.ports }],
  [LABELS.speed, { text: '**topology.speed** — the speed this link runs at (`100G`), when the ports its interfaces name do not tell it.', learn: SECTIONS.speeds }],
  [LABELS.kind, { text: '**topology.kind** — `peer` for an MLAG/vPC/ESI peer link: never an uplink, never a tier violation.', learn: SECTIONS.peerLinks }],
  [LABELS.group, { text: '**topology.group** — the server group (a `topology.servers.<group>` label) this host stands for in the lab; its cables then count as that group\'s, not twice.', learn: SECTIONS.homing }],
  [LABELS.model, { text: '**topology.model** — the hardware model, for the reader (not checked).', learn: SECTIONS.format }],
]);

function labelDoc(name: string): { text: string; learn: Learn } | undefined {
  const doc = LABEL_DOCS.get(name);
  if (doc !== undefined) return doc;
  if (name.startsWith(SERVERS_PREFIX)) {
    return { text: '**topology.servers.<group>** — a server group: `40x2x25G on leaf1,leaf2` is 40 servers with 2 NICs of 25G each, their NIC links spread evenly over leaf1 and leaf2 (lab-wide, under `topology.defaults.labels`).', learn: SECTIONS.oversubscription };
  }
  if (name.startsWith(DESIGN_PREFIX)) return { text: `**${name}** — the design intent the fabric is checked against, as the topology format's \`design\` map (lab-wide, under \`topology.defaults.labels\`).`, learn: SECTIONS.oversubscription };
  return undefined;
}

export function labHoverAt(result: LabLintResult, offset: number, lessonsBase: string): { markdown: string; range: Range } | undefined {
  const located = locate(result.parsed.root, offset);
  if (located === undefined) return undefined;
  const range = result.lines.range(located.node.start, located.node.end);
  const model = result.analysis?.model;
  if (model !== undefined) {
    const reference = referenceAtOffset(model, offset);
    const entity = entityHover(result, located, lessonsBase, offset);
    if (entity !== undefined) {
      const inference = inferenceOf(model);
      const notes: string[] = [];
      const inferred = reference === undefined || inference === undefined ? undefined : nodeNote(inference, reference.switch.name);
      if (inferred !== undefined) notes.push(inferred);
      if (reference !== undefined && [...reference.switch.links, ...reference.switch.unknownPeerLinks].some((link) => link.speedGbps === undefined)) {
        notes.push('Some of its cables have no known speed, so the bandwidth figures count only the others: give the nodes `topology.ports` labels (or a `type` with a known front panel), or the links `topology.speed`.');
      }
      const note = notes.length === 0 ? undefined : notes.join('\n\n');
      const at = reference === undefined ? range : result.lines.range(reference.start, reference.end);
      return { markdown: note === undefined ? entity : `${entity}\n\n${note}`, range: at };
    }
    const inference = inferenceOf(model);
    // A node that is no switch (a server host, a bridge): where its role came from.
    if (inference !== undefined && located.isKey && located.path.length === 3 && located.path[0] === 'topology' && located.path[1] === 'nodes') {
      const note = nodeNote(inference, located.path[2]);
      if (note !== undefined) return { markdown: `**${codeSpan(located.path[2])}**\n\n${note}`, range };
    }
  }
  if (located.isKey && located.pair !== undefined) {
    const doc = labelDoc(keyName(located.pair.key));
    if (doc !== undefined) return { markdown: `${doc.text}\n\n${learnLink(lessonsBase, doc.learn)}`, range };
  }
  return undefined;
}
