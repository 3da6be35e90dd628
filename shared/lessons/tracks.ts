/**
 * The learning tracks, in reading order. A lesson names its track in its front matter (`track:`);
 * the walkthrough of a track (package.json `contributes.walkthroughs`, id = track id) lists its
 * lessons. Pure: no node or vscode import (the generator, the client, the core and webviews read it).
 */
export const TRACKS = [
  { id: 'virtualization', title: 'Virtualization Fundamentals' },
  { id: 'datacenter', title: 'Datacenter Network Topology' },
  { id: 'reference', title: 'Reference' },
] as const;

export type Track = (typeof TRACKS)[number]['id'];

export const TRACK_ORDER: readonly Track[] = TRACKS.map((t) => t.id);

export const TRACK_TITLES: Readonly<Record<Track, string>> = Object.fromEntries(TRACKS.map((t) => [t.id, t.title])) as Record<Track, string>;

export function isTrack(value: unknown): value is Track {
  return typeof value === 'string' && (TRACK_ORDER as readonly string[]).includes(value);
}
