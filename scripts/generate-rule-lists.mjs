#!/usr/bin/env node
// Writes the rule ids of the catalogue (server/src/core/rules/catalog.ts) into the two places that
// list them for editors: package.json `contributes.configuration` → `topology.rules.properties`, and
// schemas/topology-tutor-config.schema.json → `properties.rules.properties`. Each id gets the severity
// enum and the rule's summary, so settings.json and .topology-tutor.yaml complete and validate them.
// Run `npm run generate:rules` after adding a rule; test/unit/config/ruleLists.test.ts fails until then.
// `--check` writes nothing and exits 1 when either file is out of date.
import { build } from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');

async function loadCatalog() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'topology-rules-'));
  try {
    const outfile = path.join(tmp, 'catalog.cjs');
    await build({ entryPoints: [path.join(ROOT, 'server/src/core/rules/catalog.ts')], bundle: true, platform: 'node', format: 'cjs', outfile, logLevel: 'warning' });
    return createRequire(import.meta.url)(outfile);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

const { RULE_IDS, RULES } = await loadCatalog();
const SEVERITIES = ['off', 'info', 'warning', 'error'];

const settingProperties = Object.fromEntries(RULE_IDS.map((id) => {
  const rule = RULES.get(id);
  return [id, { type: 'string', enum: SEVERITIES, markdownDescription: `${rule.summary} Default: \`${rule.defaultSeverity}\`.` }];
}));
const schemaProperties = Object.fromEntries(RULE_IDS.map((id) => {
  const rule = RULES.get(id);
  return [id, { $ref: '#/definitions/severity', description: `${rule.summary} Default: ${rule.defaultSeverity}.` }];
}));

const stale = [];
function update(file, mutate) {
  const full = path.join(ROOT, file);
  const before = fs.readFileSync(full, 'utf8');
  const json = JSON.parse(before);
  mutate(json);
  const after = `${JSON.stringify(json, null, 2)}\n`;
  if (after === before) return;
  stale.push(file);
  if (!check) fs.writeFileSync(full, after);
}

update('package.json', (pkg) => {
  pkg.contributes.configuration.properties['topology.rules'].properties = settingProperties;
});
update('schemas/topology-tutor-config.schema.json', (schema) => {
  schema.properties.rules.properties = schemaProperties;
});

if (check && stale.length > 0) {
  console.error(`out of date (run npm run generate:rules): ${stale.join(', ')}`);
  process.exit(1);
}
console.log(stale.length === 0 ? `rule lists up to date (${RULE_IDS.length} rules)` : `updated ${stale.join(', ')} (${RULE_IDS.length} rules)`);
