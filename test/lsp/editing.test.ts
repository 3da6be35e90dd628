import { strict as assert } from 'assert';
import { LspSession } from './lspSession';
import type {
  CodeAction,
  CompletionList,
  Diagnostic,
  DocumentSymbol,
  InitializeResult,
  Location,
  SemanticTokens,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol';

const TEXT = `topology: pod-a
switches:
  spine1:
    role: spine
    ports:
      - { count: 32, speed: 400G }
  spine2:
    role: spine
    ports:
      - { count: 32, speed: 400G }
  leaf1:
    role: leaf
    ports:
      - { count: 48, speed: 25G }
      - { count: 8, speed: 100G }
  "leaf 2":
    role: leaf
    ports:
      - { count: 48, speed: 25G }
      - { count: 8, speed: 100G }
servers:
  web:
    count: 40
    nics: { count: 1, speed: 25G }
    leaves: [leaf1, "leaf 2"]
links:
  - between: [leaf1, spine1]
    speed: 100G
    count: 2
  - between: [leaf1, spine2]
    speed: 100G
    count: 2
  - between: ["leaf 2", spine1]
    speed: 100G
    count: 2
`;

/** Applies LSP text edits to a text (edits from one request never overlap). */
function applyTextEdits(text: string, edits: TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (line: number, character: number): number => lines.slice(0, line).reduce((n, l) => n + l.length + 1, 0) + character;
  const sorted = edits
    .map((e) => ({ start: offset(e.range.start.line, e.range.start.character), end: offset(e.range.end.line, e.range.end.character), text: e.newText }))
    .sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

describe('LSP over stdio: editing features', () => {
  let session: LspSession;
  let diagnostics: Diagnostic[];
  const uri = 'file:///editing.topology.yaml';

  before(async () => {
    session = await LspSession.start();
    diagnostics = await session.open(uri, TEXT);
  });

  after(async () => {
    await session.stop();
  });

  it('advertises the editing capabilities', () => {
    const caps = (session.initializeResult as InitializeResult).capabilities;
    assert.deepEqual(caps.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.topology'] });
    assert.deepEqual(caps.completionProvider?.triggerCharacters, [':', ' ', '[', ',']);
    assert.ok(caps.documentSymbolProvider);
    assert.equal(caps.definitionProvider, true);
    assert.equal(caps.referencesProvider, true);
    assert.deepEqual(caps.renameProvider, { prepareProvider: true });
    assert.deepEqual(caps.semanticTokensProvider?.legend.tokenTypes, ['variable', 'number', 'enumMember']);
  });

  it('offers quick fixes for the diagnostics in the request, matched by code and range', async () => {
    const missing = diagnostics.find((d) => d.code === 'spine-connectivity');
    assert.ok(missing, JSON.stringify(diagnostics));
    const actions = await session.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: missing.range,
      context: { diagnostics: [missing] },
    });
    assert.deepEqual(
      actions.map((a) => [a.title, a.kind, a.isPreferred ?? false]),
      [
        ['Add link `leaf 2` ↔ `spine2` (2 × 100G)', 'quickfix', true],
        ['Disable spine-connectivity for this line', 'quickfix', false],
        ['Open lesson: Why every server is equidistant', 'quickfix', false],
      ],
    );
    assert.deepEqual(actions[0].diagnostics, [missing]);
    const edits = (actions[0].edit as WorkspaceEdit).changes![uri];
    const fixed = applyTextEdits(TEXT, edits);
    assert.ok(fixed.endsWith('  - between: ["leaf 2", spine2]\n    speed: 100G\n    count: 2\n'), fixed);
    assert.deepEqual(actions[2].command, {
      title: 'Open lesson: Why every server is equidistant',
      command: 'topology.openLesson',
      arguments: [{ lesson: 'spine-leaf-hierarchy', section: 'why-every-server-is-equidistant' }],
    });
    const after = await session.change(uri, fixed);
    assert.deepEqual(after.map((d) => d.code), []);
    await session.change(uri, TEXT);
  });

  it('returns source.fixAll.topology only when asked for it', async () => {
    const fixAll = await session.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.equal(fixAll.length, 1);
    assert.equal(fixAll[0].kind, 'source.fixAll.topology');
    const none = await session.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [] },
    });
    assert.deepEqual(none, []);
  });

  it('ignores diagnostics that are not the server\'s or no longer match', async () => {
    const actions = await session.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } },
      context: {
        diagnostics: [
          { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } }, message: 'x', code: 'spine-connectivity', source: 'topology-tutor' },
          { range: { start: { line: 15, character: 2 }, end: { line: 15, character: 10 } }, message: 'x', code: 'spine-connectivity', source: 'other' },
        ],
      },
    });
    assert.deepEqual(actions, []);
  });

  it('completes role values and link ends, and keys not yet present', async () => {
    const edited = TEXT.replace('  - between: ["leaf 2", spine1]', '  - between: [leaf1, \n  - between: ["leaf 2", spine1]');
    await session.change(uri, edited);
    const names = await session.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line: 32, character: 22 } });
    assert.deepEqual(names.items.map((i) => i.label), ['spine1', 'spine2', 'leaf 2']);
    assert.equal((names.items[2].textEdit as TextEdit).newText, '"leaf 2"');
    await session.change(uri, TEXT.replace('    role: spine\n', '    role: spine\n    \n'));
    const keys = await session.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line: 4, character: 4 } });
    assert.deepEqual(keys.items.map((i) => i.label).sort(), ['model', 'plane', 'pod']);
    const doc = keys.items.find((i) => i.label === 'pod')!.documentation as { kind: string; value: string };
    assert.equal(doc.kind, 'markdown');
    assert.match(doc.value, /\*\*pod\*\*/);
    await session.change(uri, TEXT);
  });

  it('outlines switches by role, server groups and links', async () => {
    const symbols = await session.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(symbols.map((s) => s.name), ['Switches', 'Server groups', 'Links']);
    assert.deepEqual(symbols[0].children!.map((g) => [g.name, g.children!.map((c) => c.name)]), [
      ['Spines', ['spine1', 'spine2']],
      ['Leaves', ['leaf1', 'leaf 2']],
    ]);
    assert.equal(symbols[0].children![1].children![0].detail, '1.25:1 · 500G↓ 400G↑ · 4 paths');
    assert.deepEqual(symbols[2].children!.map((l) => l.name), ['leaf1 ↔ spine1 · 2×100G', 'leaf1 ↔ spine2 · 2×100G', 'leaf 2 ↔ spine1 · 2×100G']);
  });

  it('goes to a switch\'s definition and finds every reference', async () => {
    const def = await session.request<Location | null>('textDocument/definition', { textDocument: { uri }, position: { line: 26, character: 15 } });
    assert.deepEqual(def, { uri, range: { start: { line: 10, character: 2 }, end: { line: 10, character: 7 } } });
    const refs = await session.request<Location[]>('textDocument/references', {
      textDocument: { uri },
      position: { line: 10, character: 3 },
      context: { includeDeclaration: true },
    });
    assert.deepEqual(refs.map((r) => r.range.start.line), [10, 24, 26, 29]);
    const none = await session.request<Location | null>('textDocument/definition', { textDocument: { uri }, position: { line: 0, character: 2 } });
    assert.equal(none, null);
  });

  it('renames a switch everywhere, keeping quotes, and refuses names in use or non-switch positions', async () => {
    const prepare = await session.request<{ range: unknown; placeholder: string } | null>('textDocument/prepareRename', {
      textDocument: { uri },
      position: { line: 15, character: 4 },
    });
    assert.deepEqual(prepare, { range: { start: { line: 15, character: 3 }, end: { line: 15, character: 9 } }, placeholder: 'leaf 2' });
    assert.equal(await session.request('textDocument/prepareRename', { textDocument: { uri }, position: { line: 3, character: 5 } }), null);
    const edit = await session.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position: { line: 15, character: 4 }, newName: 'leaf2' });
    const renamed = applyTextEdits(TEXT, edit.changes![uri]);
    assert.ok(renamed.includes('  "leaf2":\n'), renamed);
    assert.ok(renamed.includes('leaves: [leaf1, "leaf2"]'));
    assert.ok(renamed.includes('between: ["leaf2", spine1]'));
    const plain = await session.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position: { line: 10, character: 3 }, newName: 'leaf #1' });
    assert.deepEqual(plain.changes![uri].map((e) => e.newText), ['"leaf #1"', '"leaf #1"', '"leaf #1"', '"leaf #1"']);
    await assert.rejects(
      session.request('textDocument/rename', { textDocument: { uri }, position: { line: 10, character: 3 }, newName: 'spine1' }),
      /A switch named `spine1` already exists/,
    );
  });

  it('returns semantic tokens for switch names, speeds and roles', async () => {
    const tokens = await session.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
    // The first tokens: spine1 (declaration, spine), role `spine`, its 400G port speed.
    assert.deepEqual(tokens.data.slice(0, 15), [2, 2, 6, 0, 0b101, 1, 10, 5, 2, 0, 2, 28, 4, 1, 0]);
    assert.equal(tokens.data.length % 5, 0);
  });

  it('answers every request for a document that does not parse without failing', async () => {
    const broken = 'topology: [\nswitches:\n  leaf1: {';
    await session.change(uri, broken);
    assert.deepEqual(await session.request('textDocument/documentSymbol', { textDocument: { uri } }), []);
    assert.equal(await session.request('textDocument/definition', { textDocument: { uri }, position: { line: 2, character: 3 } }), null);
    assert.deepEqual(await session.request('textDocument/semanticTokens/full', { textDocument: { uri } }), { data: [] });
    const completion = await session.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line: 2, character: 11 } });
    assert.deepEqual(completion.items.map((i) => i.label).sort(), ['model', 'plane', 'pod', 'ports', 'role']);
    const unknown = await session.request('textDocument/completion', { textDocument: { uri: 'file:///not-open.topology.yaml' }, position: { line: 0, character: 0 } });
    assert.equal(unknown, null);
  });
});
