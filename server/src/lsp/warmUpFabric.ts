/**
 * A small fabric (4 spines, 32 leaves, a server group per leaf, one missing link) in the shapes
 * big files are written in: block-style switches, flow-style ports and links. A spare analysis
 * worker lints it once (`warm` in workerProtocol.ts) so that the parser, the schema check, the
 * model and the rules are compiled before the first big document arrives.
 */
export const WARM_UP_URI = 'untitled:topology-tutor-warm-up.topology.yaml';

function warmUpFabric(spines: number, leaves: number): string {
  const out = ['topology: warm-up', 'design:', '  max_oversubscription: 3', '  min_spines: 2', 'switches:'];
  for (let s = 1; s <= spines; s++) out.push(`  spine${s}:`, '    role: spine', '    ports:', `      - { count: ${leaves}, speed: 400G, for: fabric }`);
  for (let l = 1; l <= leaves; l++) {
    out.push(`  leaf${l}:`, '    role: leaf', '    ports:', '      - { count: 48, speed: 25G, for: servers }', `      - { count: ${spines}, speed: 100G, for: fabric }`);
  }
  out.push('servers:');
  for (let l = 1; l <= leaves; l++) out.push(`  rack${l}:`, '    count: 24', '    nics: { count: 2, speed: 25G }', `    leaves: [leaf${l}]`);
  out.push('links:');
  for (let l = 1; l <= leaves; l++) {
    for (let s = 1; s <= spines; s++) if (l !== leaves || s !== spines) out.push(`  - { between: [leaf${l}, spine${s}], speed: 100G, count: 1 }`);
  }
  return `${out.join('\n')}\n`;
}

export const WARM_UP_FABRIC = warmUpFabric(4, 32);
