/**
 * The drawn node or link for a place in the file: the editor's cursor on a switch's definition (its
 * name or anything under it), on a reference to it (a server group's leaf), or on a `links` entry
 * highlights that switch, or that link (the group box or bundle that shows it when it is collapsed).
 */
import type { DiagramState } from '../../../../shared/webview/diagramView';
import type { LintResult } from '../lint';
import type { FabricLink, FabricSwitch } from '../model/fabricModel';
import { referenceAtOffset } from '../model/fabricModel';
import { locate } from '../yaml/locate';
import { linkKey } from './keys';
import { layout } from './layout';
import { drawnUnits } from './segments';
import type { DrawnUnits } from './segments';

function linkAt(drawn: DrawnUnits, link: FabricLink): string | null {
  const a = link.ends?.[0].switch;
  const b = link.ends?.[1].switch;
  if (a === undefined || b === undefined) return a !== undefined ? (drawn.unitOf(a)?.key ?? null) : b !== undefined ? (drawn.unitOf(b)?.key ?? null) : null;
  const ua = drawn.unitOf(a);
  const ub = drawn.unitOf(b);
  if (ua === undefined || ub === undefined) return null;
  if (ua === ub) return ua.key;
  const placed = layout(drawn);
  const pa = placed.byKey.get(ua.key);
  const pb = placed.byKey.get(ub.key);
  if (pa === undefined || pb === undefined) return null;
  const upperFirst = pa.row < pb.row || (pa.row === pb.row && pa.x <= pb.x);
  return upperFirst ? linkKey(ua.key, ub.key) : linkKey(ub.key, ua.key);
}

/** The key of what the diagram (drawn with `state`) shows for `offset`, or null. */
export function diagramLocate(result: LintResult, offset: number, state: DiagramState): string | null {
  const model = result.analysis?.model;
  if (model === undefined || model.switches.size === 0) return null;
  const drawn = drawnUnits(model, new Set(state.expanded));
  let placed: Set<string> | undefined;
  const unitKey = (sw: FabricSwitch | undefined): string | null => {
    const key = sw === undefined ? undefined : drawn.unitOf(sw)?.key;
    if (key === undefined) return null;
    placed ??= new Set(layout(drawn).byKey.keys());
    return placed.has(key) ? key : null;
  };
  const located = locate(result.parsed.root, offset);
  const path = located?.path ?? [];
  if (path[0] === 'links' && path.length >= 2) {
    const link = model.links[Number(path[1])];
    if (link !== undefined) return linkAt(drawn, link);
  }
  const ref = referenceAtOffset(model, offset);
  if (ref !== undefined) return unitKey(ref.switch);
  if (path[0] === 'switches' && path.length >= 2) return unitKey(model.switches.get(path[1]));
  return null;
}
