/**
 * The links drawn between the drawn nodes: every `links` entry between two switches goes to the
 * line between the nodes that show them, so parallel entries, duplicates and all the links into a
 * group box become one line with their summed count and bandwidth, their worst finding and whether
 * they are all down in the what-if. Self-links and links inside one group box are not drawn (their
 * findings stay on the switch). One pass over the links.
 */
import type { DiagramLinkKind, DiagramSeverity } from '../../../../shared/webview/diagramView';
import type { FabricLink, FabricModel } from '../model/fabricModel';
import type { Failures } from '../whatIf/whatIf';
import { linkDown } from '../whatIf/whatIf';
import type { FindingBuckets } from './findingsOnFabric';
import { worseOf, worstSeverity } from './findingsOnFabric';
import { linkKey } from './keys';
import type { Layout, Placement } from './layout';
import type { DrawnUnits, Unit } from './segments';

export interface Bundle {
  key: string;
  /** The upper (or, in one row, the left) end first. */
  from: Placement;
  to: Placement;
  first: FabricLink;
  entries: number;
  /** Σ count of the entries with a usable count. */
  count: number;
  /** Σ bandwidth of the entries with a usable count and speed; `complete` when every entry had both. */
  gbps: number;
  complete: boolean;
  /** The one speed of every entry, or undefined when they differ or one is unusable. */
  speed: number | undefined;
  kind: DiagramLinkKind;
  down: number;
  findings: number;
  severity: DiagramSeverity | undefined;
}

function kindOf(link: FabricLink): DiagramLinkKind {
  return link.kind === 'peer' ? 'peer' : link.northSouth ? 'north-south' : 'fabric';
}

export function bundleLinks(model: FabricModel, drawn: DrawnUnits, placed: Layout, buckets: FindingBuckets, failures: Failures): Bundle[] {
  // By the two units, keyed without building a string per link (a bundle may hold 100k entries).
  const byPair = new Map<Unit, Map<Unit, Bundle>>();
  const out: Bundle[] = [];
  const anyFailed = failures.switches.size > 0 || failures.links.size > 0;
  for (const link of model.links) {
    if (!link.known || link.ends === undefined) continue;
    const a = link.ends[0].switch!;
    const b = link.ends[1].switch!;
    if (a === b) continue;
    let ua = drawn.unitOf(a);
    let ub = drawn.unitOf(b);
    if (ua === undefined || ub === undefined || ua === ub) continue;
    let inner = byPair.get(ua);
    let bundle = inner?.get(ub);
    if (bundle === undefined) {
      let pa = placed.byKey.get(ua.key);
      let pb = placed.byKey.get(ub.key);
      if (pa === undefined || pb === undefined) continue; // in a pod not drawn
      if (pb.row < pa.row || (pb.row === pa.row && pb.x < pa.x)) {
        [pa, pb] = [pb, pa];
        [ua, ub] = [ub, ua];
        inner = byPair.get(ua);
        bundle = inner?.get(ub);
      }
      if (bundle === undefined) {
        bundle = { key: linkKey(ua.key, ub.key), from: pa, to: pb, first: link, entries: 0, count: 0, gbps: 0, complete: true, speed: link.speedGbps, kind: kindOf(link), down: 0, findings: 0, severity: undefined };
        if (inner === undefined) {
          inner = new Map();
          byPair.set(ua, inner);
        }
        inner.set(ub, bundle);
        out.push(bundle);
      }
    }
    bundle.entries++;
    if (link.count !== undefined) bundle.count += link.count;
    if (link.bandwidthGbps !== undefined) bundle.gbps += link.bandwidthGbps;
    else bundle.complete = false;
    if (bundle.speed !== link.speedGbps) bundle.speed = undefined;
    if (bundle.kind !== kindOf(link)) bundle.kind = 'fabric';
    if (anyFailed && linkDown(failures, link)) bundle.down++;
    const findings = buckets.byLink.size === 0 ? undefined : buckets.byLink.get(link);
    if (findings !== undefined) {
      bundle.findings += findings.length;
      bundle.severity = worseOf(bundle.severity, worstSeverity(findings));
    }
  }
  return out;
}
