/**
 * Every rule the linter knows: id, default severity, what it means, and the lesson section
 * that explains it. Rule ids and lesson anchors are a public contract (suppression comments,
 * settings, CI pipelines): never rename them.
 */
import type { Severity } from '../findings';
import { SECTIONS } from '../lessons/lessonSections';
import type { Learn } from '../lessons/lessonSections';

/** A lesson section: lesson id (= file name under lessons/ without `.md`), heading slug, title. */
export type LessonLink = Learn;

export interface RuleInfo {
  id: string;
  defaultSeverity: Severity;
  /** One line: when the rule fires. */
  summary: string;
  /** One line: how to fix it. */
  fix: string;
  learn: LessonLink;
}

const rules: RuleInfo[] = [
  {
    id: 'yaml-syntax',
    defaultSeverity: 'error',
    summary: 'The file is not valid YAML (tabs in indentation, bad indentation, duplicate keys, several documents).',
    fix: 'Indent with spaces, keep every key once per map, keep one document per file.',
    learn: SECTIONS.yamlBasics,
  },
  {
    id: 'schema',
    defaultSeverity: 'error',
    summary: 'A key or value breaks topology format v1: unknown key, wrong type, misspelt value, missing required key.',
    fix: 'Use the keys and values the format defines; the message names the one expected.',
    learn: SECTIONS.format,
  },
  {
    id: 'unknown-switch',
    defaultSeverity: 'error',
    summary: "A link end or a server group's leaf names no defined switch.",
    fix: 'Fix the spelling or define the switch under `switches`.',
    learn: SECTIONS.names,
  },
  {
    id: 'tier-violation',
    defaultSeverity: 'warning',
    summary: 'A link joins leaf–leaf, spine–spine, leaf–super-spine, super-spine–super-spine, or a switch to itself.',
    fix: 'Link each tier only to the tier above: leaf → spine → super-spine.',
    learn: SECTIONS.tiers,
  },
  {
    id: 'spine-connectivity',
    defaultSeverity: 'error',
    summary: 'A leaf lacks a link to a spine (of its pod), a spine lacks a link to a super-spine (of its plane), or no leaf reaches a spine.',
    fix: 'Add the missing link, with the same speed and count as the switch\'s other uplinks.',
    learn: SECTIONS.equidistant,
  },
  {
    id: 'ecmp-imbalance',
    defaultSeverity: 'warning',
    summary: "A switch's bandwidth (count × speed) differs between the upstream switches it links to.",
    fix: 'Give every upstream switch the same number of links of the same speed.',
    learn: SECTIONS.equalCost,
  },
  {
    id: 'link-speed',
    defaultSeverity: 'error',
    summary: "A link's (or a server NIC's) speed is faster than every port group at one end.",
    fix: 'Use a speed the ports at both ends carry, or add faster ports.',
    learn: SECTIONS.speeds,
  },
  {
    id: 'port-capacity',
    defaultSeverity: 'error',
    summary: 'A switch needs more ports of adequate speed than it has.',
    fix: 'Remove links or servers, or add ports to the switch.',
    learn: SECTIONS.ports,
  },
  {
    id: 'oversubscription',
    defaultSeverity: 'warning',
    summary: "A leaf's downlink ÷ uplink bandwidth exceeds the design's max_oversubscription (an error for workload: rdma).",
    fix: 'Add uplinks (or faster ones), move servers to another leaf, or raise the design max deliberately.',
    learn: SECTIONS.oversubscription,
  },
  {
    id: 'spine-redundancy',
    defaultSeverity: 'warning',
    summary: 'The fabric has fewer spines than design.min_spines.',
    fix: 'Add spines (and link every leaf to each), or lower min_spines deliberately.',
    learn: SECTIONS.redundancy,
  },
  {
    id: 'server-homing',
    defaultSeverity: 'warning',
    summary: 'design.server_homing is dual but a server group has fewer than 2 leaves or fewer than 2 NICs.',
    fix: 'Give the group two leaves and at least two NICs per server.',
    learn: SECTIONS.homing,
  },
  {
    id: 'isolated-switch',
    defaultSeverity: 'warning',
    summary: 'A switch has no links at all.',
    fix: 'Link it into the fabric or remove it.',
    learn: SECTIONS.layers,
  },
  {
    id: 'duplicate-link',
    defaultSeverity: 'warning',
    summary: 'The same pair of switches appears in more than one `links` entry.',
    fix: 'Merge the entries into one with the summed `count`.',
    learn: SECTIONS.parallel,
  },
  {
    id: 'peer-link',
    defaultSeverity: 'warning',
    summary: 'A `kind: peer` link (MLAG/vPC/ESI) joins switches of different roles or pods, or gives a switch a second peer partner.',
    fix: 'Pair each switch with one switch of its own role and pod; make other links fabric links.',
    learn: SECTIONS.peerLinks,
  },
  {
    id: 'external-homing',
    defaultSeverity: 'warning',
    summary: 'An external device (firewall, WAN/DCI router, load balancer) is linked to fewer than two fabric switches.',
    fix: 'Link it to two border leaves (usually a peer pair).',
    learn: SECTIONS.borderLeaves,
  },
  {
    id: 'inferred',
    defaultSeverity: 'info',
    summary: 'A containerlab topology leaves roles, pods or planes unstated, so the linter inferred them (from names, `graph-level` or the links); one finding per file says what.',
    fix: 'Add the labels `topology.role`, `topology.pod` and `topology.plane` to the nodes to state them.',
    learn: SECTIONS.format,
  },
  {
    id: 'analysis-skipped',
    defaultSeverity: 'info',
    summary: 'The file is larger than topology.maxFileSizeMB, or its aliases expand too far, so the fabric was not analysed.',
    fix: 'Raise topology.maxFileSizeMB, or split the file.',
    learn: SECTIONS.limits,
  },
  {
    id: 'internal-error',
    defaultSeverity: 'error',
    summary: 'The linter itself failed on this file (a bug in Topology Tutor): the findings of the rule named in the message are missing.',
    fix: 'Report a bug naming the rule in the message, with the file if you can share it; the server log has the stack trace.',
    learn: SECTIONS.limits,
  },
];

export const RULES: ReadonlyMap<string, RuleInfo> = new Map(rules.map((rule) => [rule.id, rule]));

export const RULE_IDS: readonly string[] = rules.map((rule) => rule.id);

export function ruleInfo(id: string): RuleInfo | undefined {
  return RULES.get(id);
}
