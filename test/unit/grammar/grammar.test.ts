/** The TextMate grammar: speeds, roles, switch references and suppression comments get their scopes. */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, parseRawGrammar } from 'vscode-textmate';
import type { IGrammar } from 'vscode-textmate';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');

async function loadGrammar(): Promise<IGrammar> {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: (scopeName: string) => {
      if (scopeName === 'source.topology') {
        const file = path.join(ROOT, 'syntaxes', 'topology.tmLanguage.json');
        return Promise.resolve(parseRawGrammar(fs.readFileSync(file, 'utf8'), file));
      }
      // VS Code's own YAML grammar is not part of this repository: an empty stand-in.
      if (scopeName === 'source.yaml') return Promise.resolve(parseRawGrammar(JSON.stringify({ scopeName, patterns: [] }), 'yaml.json'));
      return Promise.resolve(null);
    },
  });
  const grammar = await registry.loadGrammar('source.topology');
  assert.ok(grammar);
  return grammar;
}

/** The scopes of each token whose text is `text` on the line. */
function scopesOf(grammar: IGrammar, line: string, text: string): string[] {
  const { tokens } = grammar.tokenizeLine(line, INITIAL);
  const token = tokens.find((t) => line.slice(t.startIndex, t.endIndex) === text);
  assert.ok(token, `no token "${text}" in ${JSON.stringify(line)}: ${JSON.stringify(tokens.map((t) => line.slice(t.startIndex, t.endIndex)))}`);
  return token.scopes;
}

describe('TextMate grammar', () => {
  let grammar: IGrammar;
  before(async () => {
    grammar = await loadGrammar();
  });

  it('highlights speeds as numbers with units', () => {
    assert.ok(scopesOf(grammar, '      - { count: 48, speed: 25G, for: servers }', '25G').includes('constant.numeric.speed.topology'));
    assert.ok(scopesOf(grammar, '    speed: 1.6T', '1.6T').includes('constant.numeric.speed.topology'));
  });

  it('highlights switch references in between and leaves', () => {
    const line = '  - { between: [leaf1, spine-2], speed: 100G }';
    assert.ok(scopesOf(grammar, line, 'leaf1').includes('variable.other.switch-reference.topology'));
    assert.ok(scopesOf(grammar, line, 'spine-2').includes('variable.other.switch-reference.topology'));
    assert.ok(scopesOf(grammar, '    leaves: [leaf1, leaf2]', 'leaf2').includes('variable.other.switch-reference.topology'));
  });

  it('highlights roles and suppression directives', () => {
    assert.ok(scopesOf(grammar, '    role: super-spine', 'super-spine').includes('support.constant.role.topology'));
    assert.ok(scopesOf(grammar, '  # topology-disable-next-line tier-violation', 'topology-disable-next-line').includes('keyword.control.directive.topology'));
  });
});
