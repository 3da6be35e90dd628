/**
 * The fix promise over the real server: for every example, each quick fix the server offers for
 * each diagnostic, and source.fixAll.topology, applied to the text and sent back as a new version,
 * never raises the number of error diagnostics; a preferred fix removes its diagnostic (same rule,
 * same subject in `data`).
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import { LspSession } from './lspSession';

const EXAMPLES = path.resolve(__dirname, '..', '..', '..', 'examples');

function exampleFiles(dir: string = EXAMPLES): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return exampleFiles(full);
    return /\.topology\.ya?ml$/.test(entry.name) ? [full] : [];
  });
}

function offsetOf(text: string, line: number, character: number): number {
  let offset = 0;
  for (let i = 0; i < line; i++) offset = text.indexOf('\n', offset) + 1;
  return offset + character;
}

function applyTextEdits(text: string, edits: TextEdit[]): string {
  const sorted = edits
    .map((e) => ({ start: offsetOf(text, e.range.start.line, e.range.start.character), end: offsetOf(text, e.range.end.line, e.range.end.character), text: e.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

const errors = (list: Diagnostic[]): number => list.filter((d) => d.severity === 1).length;
const identity = (d: Diagnostic): string => JSON.stringify([d.code, (d.data as { subject?: unknown } | undefined)?.subject ?? null]);

describe('LSP: offered fixes keep their promise on every example', function () {
  this.timeout(120_000);
  let session: LspSession;
  before(async () => {
    session = await LspSession.start();
  });
  after(async () => {
    await session.stop();
  });

  for (const file of exampleFiles()) {
    it(path.relative(EXAMPLES, file), async () => {
      const text = fs.readFileSync(file, 'utf8');
      const uri = `file:///fixes/${path.basename(file)}`;
      const diagnostics = await session.open(uri, text);
      const range = { start: { line: 0, character: 0 }, end: { line: text.split('\n').length, character: 0 } };
      const actions: { action: CodeAction; diagnostic: Diagnostic | undefined }[] = [];
      for (const diagnostic of diagnostics) {
        const got = await session.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] } });
        for (const action of got) actions.push({ action, diagnostic });
      }
      const all = await session.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [], only: ['source.fixAll'] } });
      for (const action of all) actions.push({ action, diagnostic: undefined });
      await session.close(uri);
      for (const { action, diagnostic } of actions) {
        const edits = action.edit?.changes?.[uri];
        if (edits === undefined) continue;
        const fixedUri = `${uri}.${actions.indexOf(actions.find((a) => a.action === action)!)}.topology.yaml`;
        const after = await session.open(fixedUri, applyTextEdits(text, edits));
        await session.close(fixedUri);
        assert.ok(errors(after) <= errors(diagnostics), `"${action.title}": errors ${errors(diagnostics)} → ${errors(after)}`);
        if (action.isPreferred === true && diagnostic !== undefined) {
          const before = diagnostics.filter((d) => identity(d) === identity(diagnostic)).length;
          const left = after.filter((d) => identity(d) === identity(diagnostic)).length;
          assert.ok(left < before, `preferred "${action.title}" left its ${String(diagnostic.code)} diagnostic`);
        }
      }
    });
  }
});
