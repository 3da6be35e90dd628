/**
 * package.json and the config schema against the code they describe: every rule id of the catalogue
 * under `topology.rules` and in schemas/topology-tutor-config.schema.json (regenerate both with
 * `npm run generate:rules`), the semantic token legend, the `$topology` problem matcher against the
 * CLI's real output, and the package metadata a gallery needs.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { RULE_IDS, RULES } from '../../../server/src/core/rules/catalog';
import { TOKEN_MODIFIERS, TOKEN_TYPES } from '../../../server/src/core/editing/semanticTokens';
import { ROOT, run } from '../cli/cliHarness';

interface RuleProperty { type?: string; enum?: string[]; markdownDescription?: string; description?: string; $ref?: string }
interface Pkg {
  repository: { url: string };
  bugs: { url: string };
  homepage: string;
  icon: string;
  galleryBanner: { color: string; theme: string };
  private?: boolean;
  files: string[];
  dependencies?: Record<string, string>;
  scripts: Record<string, string>;
  contributes: {
    configuration: { properties: Record<string, { scope?: string; properties?: Record<string, RuleProperty>; additionalProperties?: unknown }> };
    configurationDefaults: Record<string, Record<string, unknown>>;
    semanticTokenModifiers: { id: string; description: string }[];
    semanticTokenTypes?: { id: string }[];
    semanticTokenScopes: { language: string; scopes: Record<string, string[]> }[];
    problemMatchers: { name: string; owner: string; fileLocation: unknown; pattern: { regexp: string; file: number; line: number; column: number; severity: number; code: number; message: number } }[];
    menus: Record<string, { command: string; when?: string; group?: string }[]>;
    commands: { command: string; icon?: string }[];
    yamlValidation: { fileMatch: string[]; url: string }[];
  };
}

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Pkg;
const configSchema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'topology-tutor-config.schema.json'), 'utf8')) as {
  properties: { rules: { properties: Record<string, RuleProperty>; additionalProperties: boolean } };
  definitions: { severity: { enum: string[] } };
};
const SEVERITIES = ['off', 'info', 'warning', 'error'];
/** VS Code's standard semantic token types and modifiers (need no contribution). */
const STANDARD_TYPES = ['namespace', 'class', 'enum', 'interface', 'struct', 'typeParameter', 'type', 'parameter', 'variable', 'property', 'enumMember', 'decorator', 'event', 'function', 'method', 'macro', 'label', 'comment', 'string', 'keyword', 'number', 'regexp', 'operator'];
const STANDARD_MODIFIERS = ['declaration', 'definition', 'readonly', 'static', 'deprecated', 'abstract', 'async', 'modification', 'documentation', 'defaultLibrary'];

describe('package.json contributions and the rule catalogue', () => {
  it('lists every rule id under topology.rules with the severity enum and its summary (npm run generate:rules)', () => {
    const setting = pkg.contributes.configuration.properties['topology.rules'];
    assert.deepEqual(Object.keys(setting.properties ?? {}), RULE_IDS, 'run npm run generate:rules');
    for (const id of RULE_IDS) {
      const property = setting.properties![id];
      assert.deepEqual(property.enum, SEVERITIES, id);
      assert.ok(property.markdownDescription?.startsWith(RULES.get(id)!.summary), `${id}: description is the rule summary (run npm run generate:rules)`);
    }
    assert.equal(setting.additionalProperties, false, 'an unknown id is flagged in settings.json');
  });

  it('lists every rule id in the config schema', () => {
    const rules = configSchema.properties.rules;
    assert.deepEqual(Object.keys(rules.properties), RULE_IDS, 'run npm run generate:rules');
    for (const id of RULE_IDS) {
      assert.equal(rules.properties[id].$ref, '#/definitions/severity');
      assert.ok(rules.properties[id].description?.startsWith(RULES.get(id)!.summary), id);
    }
    assert.equal(rules.additionalProperties, false);
    assert.deepEqual(configSchema.definitions.severity.enum, SEVERITIES);
    assert.deepEqual(pkg.contributes.yamlValidation, [{ fileMatch: ['.topology-tutor.yaml', '.topology-tutor.yml'], url: './schemas/topology-tutor-config.schema.json' }]);
  });

  it('per-folder settings are resource-scoped; topology files get YAML editing defaults', () => {
    const props = pkg.contributes.configuration.properties;
    for (const key of ['topology.rules', 'topology.maxFileSizeMB', 'topology.inlayHints.enabled']) assert.equal(props[key].scope, 'resource', key);
    assert.equal(props['topology.trace.server'].scope, 'window');
    assert.deepEqual(pkg.contributes.configurationDefaults['[topology]'], { 'editor.insertSpaces': true, 'editor.tabSize': 2, 'editor.autoIndent': 'advanced' });
  });

  it('contributes every semantic token type and modifier the server uses that VS Code does not define', () => {
    const contributedTypes = (pkg.contributes.semanticTokenTypes ?? []).map((t) => t.id);
    for (const type of TOKEN_TYPES) assert.ok(STANDARD_TYPES.includes(type) || contributedTypes.includes(type), type);
    const contributedModifiers = pkg.contributes.semanticTokenModifiers.map((m) => m.id);
    assert.deepEqual(contributedModifiers, TOKEN_MODIFIERS.filter((m) => !STANDARD_MODIFIERS.includes(m)));
    const scopes = pkg.contributes.semanticTokenScopes[0];
    assert.equal(scopes.language, 'topology');
    for (const selector of Object.keys(scopes.scopes)) assert.ok((TOKEN_TYPES as readonly string[]).includes(selector.split('.')[0]), selector);
  });

  it('has "Open Lessons" and "Show Fabric Diagram" buttons in the editor title of topology files, "Export Diagram as SVG" on the diagram', () => {
    assert.deepEqual(pkg.contributes.menus['editor/title'], [
      { command: 'topology.openLessons', when: 'resourceLangId == topology', group: 'navigation' },
      { command: 'topology.showDiagram', when: 'resourceLangId == topology', group: 'navigation' },
      { command: 'topology.exportDiagramSvg', when: "activeWebviewPanelId == 'topology.diagram'", group: 'navigation' },
    ]);
    assert.equal(pkg.contributes.commands.find((c) => c.command === 'topology.openLessons')?.icon, '$(book)');
  });

  it('the $topology problem matcher reads the CLI\'s human output', async () => {
    const [matcher] = pkg.contributes.problemMatchers;
    assert.equal(matcher.name, 'topology');
    const re = new RegExp(matcher.pattern.regexp);
    const out = (await run(['lint', 'examples/broken/fabric-mistakes.topology.yaml', 'examples/broken/alias-bomb.topology.yaml'])).out;
    const lines = out.trim().split('\n');
    const parsed = lines.map((l) => re.exec(l)).filter((m): m is RegExpExecArray => m !== null);
    assert.equal(parsed.length, lines.length - 1, 'every finding line matches, the summary does not');
    const first = parsed.find((m) => m[matcher.pattern.file].endsWith('fabric-mistakes.topology.yaml'))!;
    const p = matcher.pattern;
    assert.deepEqual([first[p.file], first[p.line], first[p.column], first[p.severity], first[p.code]], ['examples/broken/fabric-mistakes.topology.yaml', '31', '3', 'error', 'port-capacity']);
    assert.ok(parsed.some((m) => m[p.severity] === 'info' && m[p.code] === 'analysis-skipped'));
    assert.ok(first[p.message].startsWith('`leaf3` needs 10 ports'));
  });

  it('is publishable: repository, bugs, homepage, a 128 px PNG icon, a banner, no runtime dependencies', () => {
    assert.equal(pkg.private, undefined);
    assert.equal(pkg.repository.url, 'https://github.com/topology-tutor/topology-tutor.git');
    assert.equal(pkg.bugs.url, 'https://github.com/topology-tutor/topology-tutor/issues');
    assert.match(pkg.homepage, /^https:\/\/github\.com\/topology-tutor\/topology-tutor/);
    const png = fs.readFileSync(path.join(ROOT, pkg.icon));
    assert.equal(png.subarray(0, 8).toString('hex'), '89504e470d0a1a0a', 'a PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
    assert.match(pkg.galleryBanner.color, /^#[0-9a-f]{6}$/i);
    assert.equal(pkg.dependencies, undefined, 'everything the package runs is bundled by esbuild');
    for (const f of ['bin/topology-tutor.js', 'server/out/*.js', 'lessons/!(REVIEW).md', 'schemas/*.json']) assert.ok(pkg.files.includes(f), f);
    assert.ok(!/--allow-missing-repository|--no-rewrite-relative-links/.test(pkg.scripts.package), 'no bypass flags');
    assert.match(pkg.scripts['publish:ovsx'], /^ovsx publish /);
    assert.match(pkg.scripts.prepack, /bundle\.mjs --production/);
  });
});
