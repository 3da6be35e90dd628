/** The project config file: parsing, validation messages and ranges, ignore globs, precedence. */
import { strict as assert } from 'assert';
import { applyProjectConfig } from '../../../server/src/core/config/applyConfig';
import { compileIgnore, invalidPatternReason } from '../../../server/src/core/config/ignore';
import { parseProjectConfig } from '../../../server/src/core/config/projectConfig';
import { lintText } from '../../../server/src/core/lint';
import { DEFAULT_SETTINGS, normalizeSettings } from '../../../server/src/core/settings';
import { at, textAt, yaml } from '../helpers';

function problems(text: string): string[] {
  return parseProjectConfig(text).findings.map((f) => `${f.rule} ${at(f.range)} ${textAt(text, f.range)} | ${f.message}`);
}

describe('project config file (.topology-tutor.yaml)', () => {
  it('reads rule severities and ignore patterns', () => {
    const { config, findings } = parseProjectConfig(yaml`
      rules:
        isolated-switch: off
        oversubscription: error
      ignore:
        - generated/**
        - "*.draft.topology.yaml"
    `);
    assert.deepEqual(findings, []);
    assert.deepEqual([...config.rules], [['isolated-switch', 'off'], ['oversubscription', 'error']]);
    assert.deepEqual(config.ignore, ['generated/**', '*.draft.topology.yaml']);
  });

  it('accepts an empty file, comments only, and empty sections', () => {
    for (const text of ['', '# nothing yet\n', 'rules:\nignore:\n', 'rules: {}\nignore: []\n']) {
      assert.deepEqual(problems(text), [], JSON.stringify(text));
      assert.equal(parseProjectConfig(text).config.rules.size, 0);
    }
  });

  it('an unknown rule id is an error at the key, with "did you mean"', () => {
    const text = yaml`
      rules:
        oversubscripton: off
        tier-violation: info
        qqqqqqqq: warning
    `;
    assert.equal(problems(text).length, 2);
    assert.equal(problems(text)[0], 'config 2:3-2:18 oversubscripton | Unknown rule id `oversubscripton` in `rules`. Did you mean `oversubscription`?');
    assert.match(problems(text)[1], /^config 4:3-4:11 qqqqqqqq \| Unknown rule id `qqqqqqqq` in `rules`\. Known rule ids: yaml-syntax, schema, /);
    // The known rule still applies.
    assert.deepEqual([...parseProjectConfig(text).config.rules], [['tier-violation', 'info']]);
    for (const f of parseProjectConfig(text).findings) assert.equal(f.severity, 'error');
  });

  it('explains wrong shapes and values at the exact node', () => {
    assert.deepEqual(problems('rule:\n  schema: off\n'), ['config 1:1-1:5 rule | Unknown key `rule` in the config file. Did you mean `rules`? Allowed keys: rules, ignore.']);
    assert.deepEqual(problems('rules:\n  schema: warn\n'), ['config 2:11-2:15 warn | Rule `schema` must be off, info, warning or error; got `warn`.']);
    assert.deepEqual(problems('rules:\n  schema: eror\n'), ['config 2:11-2:15 eror | Rule `schema` must be off, info, warning or error; got `eror`. Did you mean `error`?']);
    assert.deepEqual(problems('rules: [a]\n'), ['config 1:8-1:11 [a] | `rules` must be a map of rule id to off, info, warning or error; got a list of 1.']);
    assert.deepEqual(problems('ignore: "*.yaml"\n'), ['config 1:9-1:17 "*.yaml" | `ignore` must be a list of glob patterns; got `"*.yaml"`.']);
    assert.deepEqual(problems('ignore:\n  - 3\n  - ""\n  - "!keep.topology.yaml"\n  - ../up/**\n'), [
      'config 2:5-2:6 3 | Item 1 of `ignore` must be a glob pattern (a string); got `3`.',
      'config 3:5-3:7 "" | Item 2 of `ignore` must not be empty.',
      'config 4:5-4:26 "!keep.topology.yaml" | Item 3 of `ignore`: negated patterns (`!…`) are not supported; list only what to ignore.',
      "config 5:5-5:13 ../up/** | Item 4 of `ignore` is not a usable glob pattern: it leaves the config file's folder (`..`).",
    ]);
    assert.deepEqual(problems('- rules\n'), ['config 1:1-1:8 - rules | The config file must be a map with `rules:` and/or `ignore:`; got a list of 1.']);
  });

  it('reports YAML errors as yaml-syntax and applies nothing', () => {
    const parsed = parseProjectConfig('rules:\n  schema: off\n  schema: info\n');
    assert.deepEqual(parsed.findings.map((f) => [f.rule, f.severity, at(f.range)]), [['yaml-syntax', 'error', '3:3-3:9']]);
    assert.equal(parsed.config.rules.size, 0);
  });

  it('survives hostile input: an alias bomb, a huge file', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 8; i++) bomb.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`);
    assert.match(problems(`${bomb.join('\n')}\n`)[0], /aliases expand to more than 100000 nodes/);
    assert.match(problems(`# ${'x'.repeat(1024 * 1024)}\n`)[0], /^config 1:1-1:2 # \| The config file is larger than 1024 KB/);
  });

  describe('ignore globs (relative to the config folder, .gitignore conveniences)', () => {
    const cases: [string, string, boolean][] = [
      ['generated/**', 'generated/a.topology.yaml', true],
      ['generated/**', 'sub/generated/a.topology.yaml', false],
      ['generated', 'sub/generated/a.topology.yaml', true],
      ['generated/', 'generated/a.topology.yaml', true],
      ['generated/', 'generated', false],
      ['*.draft.topology.yaml', 'deep/er/x.draft.topology.yaml', true],
      ['*.draft.topology.yaml', 'x.topology.yaml', false],
      ['/top.topology.yaml', 'top.topology.yaml', true],
      ['/top.topology.yaml', 'sub/top.topology.yaml', false],
      ['./fabrics/old-*.topology.yaml', 'fabrics/old-1.topology.yaml', true],
      ['fabrics/*.topology.yaml', 'fabrics/deep/x.topology.yaml', false],
      ['fabrics/**/*.topology.yaml', 'fabrics/deep/x.topology.yaml', true],
      ['{a,b}.topology.yaml', 'x/b.topology.yaml', true],
      ['.hidden', '.hidden/x.topology.yaml', true],
    ];
    for (const [pattern, file, expected] of cases) {
      it(`${pattern} ${expected ? 'ignores' : 'keeps'} ${file}`, () => assert.equal(compileIgnore([pattern])(file), expected));
    }
    it('never ignores paths outside the folder, and refuses patterns that would', () => {
      assert.equal(compileIgnore(['**'])('../x.topology.yaml'), false);
      assert.match(invalidPatternReason('.') ?? '', /own folder/);
      assert.match(invalidPatternReason('/') ?? '', /own folder/);
      assert.equal(invalidPatternReason('**/*.yaml'), undefined);
    });
  });

  describe('precedence: defaults < setting < config file < suppression comments', () => {
    const fabric = yaml`
      topology: t
      switches:
        spine1: { role: spine, ports: [{ count: 4, speed: 100G }] }
        leaf1: { role: leaf, ports: [{ count: 4, speed: 100G }] }
        lonely: { role: leaf, ports: [{ count: 4, speed: 100G }] }
      links:
        - { between: [leaf1, spine1], speed: 100G }
    `;
    const rulesOf = (text: string, settings = DEFAULT_SETTINGS): string[] => lintText(text, settings).findings.map((f) => `${f.rule}:${f.severity}`);

    it('the config file wins over the setting, and merged settings are memoized', () => {
      const setting = normalizeSettings({ rules: { 'isolated-switch': 'error', 'spine-redundancy': 'info' } });
      assert.deepEqual(rulesOf(fabric, setting), ['spine-redundancy:info', 'isolated-switch:error']);
      const { config } = parseProjectConfig('rules:\n  isolated-switch: info\n');
      const merged = applyProjectConfig(setting, config);
      assert.deepEqual(rulesOf(fabric, merged), ['spine-redundancy:info', 'isolated-switch:info']);
      assert.equal(applyProjectConfig(setting, config), merged, 'same object for the same pair');
      assert.equal(applyProjectConfig(setting, parseProjectConfig('').config), setting, 'an empty config changes nothing');
    });

    it('a suppression comment wins over the config file', () => {
      const { config } = parseProjectConfig('rules:\n  isolated-switch: error\n');
      const suppressed = `${fabric}# topology-disable isolated-switch\n`;
      assert.deepEqual(rulesOf(suppressed, applyProjectConfig(DEFAULT_SETTINGS, config)), ['spine-redundancy:warning']);
    });
  });
});
