/** Finding subjects back to model objects, by name (fix modules never search the document by offset). */
import type { Finding } from '../findings';
import type { FabricLink, FabricModel, FabricSwitch, ServerGroup } from '../model/fabricModel';

/** The switch a finding is about (its subject's first switch). */
export function subjectSwitch(model: FabricModel, finding: Finding): FabricSwitch | undefined {
  const name = finding.subject?.switches?.[0];
  return name === undefined ? undefined : model.switches.get(name);
}

/** The `links` entry a finding is about, when its ends still read as the subject says. */
export function subjectLink(model: FabricModel, finding: Finding): FabricLink | undefined {
  const index = finding.subject?.link;
  if (index === undefined) return undefined;
  const link = model.links[index];
  const names = finding.subject?.switches;
  if (link === undefined || names === undefined || link.ends === undefined) return link;
  const ends = [link.ends[0].name, link.ends[1].name];
  const same = names.every((n) => ends.includes(n));
  return same ? link : undefined;
}

export function subjectGroup(model: FabricModel, finding: Finding): ServerGroup | undefined {
  const name = finding.subject?.group;
  return name === undefined ? undefined : model.serverGroups.get(name);
}
