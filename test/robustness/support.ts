/**
 * Shared helpers for the robustness and fuzz tests: a fabric generator, checks that every
 * user-visible string is free of NaN/Infinity/undefined, that ranges lie inside the document,
 * that untrusted text in hover Markdown stays inert, and timed LSP requests.
 */
import { strict as assert } from 'assert';
import type { Diagnostic, Hover, InlayHint, MarkupContent, Position, Range } from 'vscode-languageserver-protocol';
import { LspSession } from '../lsp/lspSession';
import type { StartOptions } from '../lsp/lspSession';
import { RULES } from '../../server/src/core/rules/catalog';

export { LspSession };

/** Settings for suites about something other than time: a loaded machine must not turn their big files into analysis-skipped. */
export const UNHURRIED = { maxAnalysisSeconds: 600 };

/** Words that must never reach a user: they mean arithmetic or a lookup went wrong. */
export const BAD_WORDS = ['NaN', 'Infinity', 'undefined', '[object Object]'];

/** `text` shows none of BAD_WORDS, except words the document itself contains (a switch may be called `NaN`). */
export function assertNoBadWords(text: string, what: string, source = ''): void {
  for (const word of forbiddenWords(source)) {
    assert.ok(!text.includes(word), `${what} contains "${word}": ${JSON.stringify(text.slice(0, 400))}`);
  }
}

let lastSource: string | undefined;
let lastForbidden: string[] = BAD_WORDS;
/** BAD_WORDS minus those in `source`; remembered for the last source (callers check many strings per document). */
function forbiddenWords(source: string): string[] {
  if (source !== lastSource) {
    lastSource = source;
    lastForbidden = BAD_WORDS.filter((word) => !source.includes(word));
  }
  return lastForbidden;
}

/** Line lengths of `text` with the LSP's line breaks (\n, \r\n, \r). */
export function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((line) => line.length);
}

export function positionInside(position: Position, lengths: readonly number[]): boolean {
  return (
    Number.isInteger(position.line) &&
    Number.isInteger(position.character) &&
    position.line >= 0 &&
    position.line < lengths.length &&
    position.character >= 0 &&
    position.character <= lengths[position.line]
  );
}

export function compare(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/** Every range lies inside the document, start ≤ end. */
export function assertRangeInside(range: Range, lengths: readonly number[], what: string): void {
  assert.ok(positionInside(range.start, lengths), `${what}: start ${JSON.stringify(range.start)} outside the document (${lengths.length} lines)`);
  assert.ok(positionInside(range.end, lengths), `${what}: end ${JSON.stringify(range.end)} outside the document (${lengths.length} lines)`);
  assert.ok(compare(range.start, range.end) <= 0, `${what}: start after end ${JSON.stringify(range)}`);
}

const LESSON_HREF = /^file:\/\/.*\/lessons\/[a-z0-9-]+\.md#[a-z0-9-]+$/;

/** The invariants every published diagnostic keeps, whatever the input. */
export function assertDiagnosticsSane(diagnostics: readonly Diagnostic[], text: string): void {
  const lengths = lineLengths(text);
  for (const d of diagnostics) {
    const what = `diagnostic ${String(d.code)} "${d.message.slice(0, 120)}"`;
    assert.ok(typeof d.code === 'string' && RULES.has(d.code), `${what}: unknown rule id`);
    assert.equal(d.source, 'topology-tutor', `${what}: source`);
    assert.match(String(d.codeDescription?.href), LESSON_HREF, `${what}: lesson link`);
    assert.ok(d.severity !== undefined && d.severity >= 1 && d.severity <= 4, `${what}: severity`);
    assert.ok(d.message.length > 0, `${what}: empty message`);
    assertNoBadWords(d.message, what, text);
    assertRangeInside(d.range, lengths, what);
    for (const related of d.relatedInformation ?? []) {
      assertNoBadWords(related.message, `${what} related`, text);
      assertRangeInside(related.location.range, lengths, `${what} related`);
    }
  }
}

/**
 * Markdown with its code spans removed (CommonMark: a run of n backticks opens a span that
 * the next run of exactly n backticks closes; an unmatched run is literal text).
 */
export function outsideCodeSpans(markdown: string): string {
  let out = '';
  let i = 0;
  while (i < markdown.length) {
    const ch = markdown[i];
    if (ch === '\\' && i + 1 < markdown.length) {
      out += markdown.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (ch !== '`') {
      out += ch;
      i++;
      continue;
    }
    let n = 0;
    while (markdown[i + n] === '`') n++;
    const closer = new RegExp(`(?<!\`)\`{${n}}(?!\`)`, 'g');
    closer.lastIndex = i + n;
    const match = closer.exec(markdown);
    if (match === null) {
      out += markdown.slice(i, i + n);
      i += n;
    } else {
      out += ' ';
      i = match.index + n;
    }
  }
  return out;
}

/** Outside code spans, untrusted text must not form a command link or raw HTML. */
export function assertMarkdownInert(markdown: string, what: string): void {
  const outside = outsideCodeSpans(markdown);
  // A link whose `[` and `](` are not backslash-escaped, to anything but a lesson file.
  const links = [...outside.matchAll(/(?<!\\)\[[^\]]*(?<!\\)\]\((?<target>[^)\s]*)/g)].map((m) => m.groups!.target);
  for (const target of links) assert.match(target, /^file:\/\/.*\/lessons\/[a-z0-9-]+\.md#[a-z0-9-]+$/, `${what}: link to ${target}: ${markdown}`);
  assert.doesNotMatch(outside, /command:/i, `${what}: a command URI outside code spans: ${markdown}`);
  assert.doesNotMatch(outside, /(?<!\\)<[a-z!/?]/i, `${what}: raw HTML outside code spans: ${markdown}`);
}

export function hoverText(hover: Hover): string {
  const contents = hover.contents as MarkupContent | string | { value: string }[];
  if (typeof contents === 'string') return contents;
  if (Array.isArray(contents)) return contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
  return contents.value;
}

/** Asks for a hover and asserts the answer came within `limitMs` (an upper bound on one request). */
export async function timedHover(session: LspSession, uri: string, position: Position, limitMs = 2000): Promise<Hover | null> {
  const started = Date.now();
  const hover = await session.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
  const elapsed = Date.now() - started;
  assert.ok(elapsed <= limitMs, `hover took ${elapsed} ms (limit ${limitMs} ms)`);
  return hover;
}

export async function timedInlayHints(session: LspSession, uri: string, text: string, limitMs = 2000): Promise<InlayHint[]> {
  const lengths = lineLengths(text);
  const range = { start: { line: 0, character: 0 }, end: { line: lengths.length - 1, character: lengths[lengths.length - 1] } };
  const started = Date.now();
  const hints = (await session.request<InlayHint[] | null>('textDocument/inlayHint', { textDocument: { uri }, range })) ?? [];
  const elapsed = Date.now() - started;
  assert.ok(elapsed <= limitMs, `inlay hints took ${elapsed} ms (limit ${limitMs} ms)`);
  for (const hint of hints) {
    const label = typeof hint.label === 'string' ? hint.label : hint.label.map((part) => part.value).join('');
    assertNoBadWords(label, 'inlay hint', text);
    assert.ok(positionInside(hint.position, lengths), `inlay hint at ${JSON.stringify(hint.position)} outside the document`);
  }
  return hints;
}

/** Hover answers and their ranges are sane (inside the document, no bad words, inert Markdown). */
export function assertHoverSane(hover: Hover | null, text: string, what: string): void {
  if (hover === null) return;
  const markdown = hoverText(hover);
  assertNoBadWords(markdown, `${what} hover`, text);
  assertMarkdownInert(markdown, `${what} hover`);
  if (hover.range !== undefined) assertRangeInside(hover.range, lineLengths(text), `${what} hover range`);
}

/** Opens `text` and asserts diagnostics arrive within `limitMs` and the server stays up. */
export async function openTimed(session: LspSession, uri: string, text: string, limitMs: number): Promise<Diagnostic[]> {
  const started = Date.now();
  const diagnostics = await session.open(uri, text);
  const elapsed = Date.now() - started;
  assert.ok(elapsed <= limitMs, `diagnostics took ${elapsed} ms (limit ${limitMs} ms)`);
  assertAlive(session);
  return diagnostics;
}

export function assertAlive(session: LspSession): void {
  assert.equal(session.process.exitCode, null, `server exited; stderr: ${session.stderr.join('').slice(-2000)}`);
  assert.equal(session.process.signalCode, null, `server was killed by ${String(session.process.signalCode)}`);
}

/** Error-level lines the server logged (window/logMessage is swallowed by the session; stderr is not). */
export function stderrText(session: LspSession): string {
  return session.stderr.join('');
}

export function codes(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => String(d.code));
}

/** Position of the `n`th (0-based) occurrence of `needle` in `text`, plus `delta` characters. */
export function positionOf(text: string, needle: string, n = 0, delta = 1): Position {
  let at = -1;
  for (let i = 0; i <= n; i++) {
    at = text.indexOf(needle, at + 1);
    if (at === -1) throw new Error(`"${needle}" #${n} not in the text`);
  }
  const before = text.slice(0, at + delta);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - (before.lastIndexOf('\n') + 1) };
}

export interface FabricOptions {
  spines: number;
  leaves: number;
  /** Servers per leaf (one group per leaf); 0 for none. */
  serversPerLeaf?: number;
  /** Name prefix, so several fabrics can differ. */
  prefix?: string;
}

/** A clean 3-stage fabric: every leaf links to every spine once at 100G. Linear in its size. */
export function generateFabric(options: FabricOptions): string {
  const { spines, leaves } = options;
  const servers = options.serversPerLeaf ?? 24;
  const p = options.prefix ?? '';
  const out: string[] = [`topology: ${p}generated-${spines}x${leaves}`, 'design:', '  max_oversubscription: 3', 'switches:'];
  for (let s = 1; s <= spines; s++) {
    out.push(`  ${p}spine${s}:`, '    role: spine', '    ports:', `      - { count: ${Math.max(1, leaves)}, speed: 100G }`);
  }
  for (let l = 1; l <= leaves; l++) {
    out.push(`  ${p}leaf${l}:`, '    role: leaf', '    ports:', '      - { count: 48, speed: 25G, for: servers }', `      - { count: ${Math.max(1, spines)}, speed: 100G, for: fabric }`);
  }
  if (servers > 0 && leaves > 0) {
    out.push('servers:');
    for (let l = 1; l <= leaves; l++) {
      out.push(`  ${p}rack${l}:`, `    count: ${servers}`, '    nics: { count: 1, speed: 25G }', `    leaves: [${p}leaf${l}]`);
    }
  }
  out.push('links:');
  for (let l = 1; l <= leaves; l++) {
    for (let s = 1; s <= spines; s++) out.push(`  - { between: [${p}leaf${l}, ${p}spine${s}], speed: 100G }`);
  }
  return `${out.join('\n')}\n`;
}

/** The small clean fabric the LSP tests start from. */
export const SMALL_FABRIC = generateFabric({ spines: 2, leaves: 2, serversPerLeaf: 24 });

/** A clean fabric of at least `bytes` characters (16 spines, as many leaves as it takes). */
export function generateFabricOfSize(bytes: number, spines = 16): string {
  const perLeaf = generateFabric({ spines, leaves: 2 }).length - generateFabric({ spines, leaves: 1 }).length;
  let leaves = Math.ceil(bytes / perLeaf);
  let text = generateFabric({ spines, leaves });
  while (text.length < bytes) {
    leaves += Math.ceil((bytes - text.length) / perLeaf) + 1;
    text = generateFabric({ spines, leaves });
  }
  return text;
}

/**
 * Stops the server cleanly and returns its exit code; if it does not answer within
 * `graceMs` (it is hung), kills this one process and returns undefined.
 */
export async function stopSession(session: LspSession, graceMs = 5000): Promise<number | null | undefined> {
  if (session.process.exitCode !== null || session.process.signalCode !== null) {
    session.connection.dispose();
    return session.process.exitCode;
  }
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), graceMs);
  });
  const code = await Promise.race([session.stop(), hung]);
  clearTimeout(timer);
  if (code === undefined) {
    session.process.kill('SIGKILL');
    session.connection.dispose();
  }
  return code;
}

/**
 * Shared before/after hooks: one server per describe block, stopped (or killed if hung) after.
 * `settings` (the `topology` section) are pushed once it has started.
 */
export function useSession(options: StartOptions & { settings?: unknown } = {}): () => LspSession {
  let session: LspSession | undefined;
  before(async () => {
    session = await LspSession.start(options);
    if (options.settings !== undefined) await session.connection.sendNotification('workspace/didChangeConfiguration', { settings: { topology: options.settings } });
  });
  after(async function () {
    this.timeout(15000);
    if (session === undefined) return;
    const code = await stopSession(session);
    assert.equal(code, 0, `server exits cleanly after the tests (undefined = hung and killed); stderr: ${stderrText(session).slice(-2000)}`);
  });
  return () => {
    if (session === undefined) throw new Error('session not started');
    return session;
  };
}

let uriCounter = 0;
/** A fresh document uri per call, so tests never see each other's documents. */
export function freshUri(name: string): string {
  uriCounter++;
  return `file:///robustness/${name}-${uriCounter}.topology.yaml`;
}

/**
 * `links` link entries, about 47 characters each (300,000 make ~14 MB). 'repeated': the same
 * two leaf-spine pairs over and over (every entry after the first two is a duplicate-link);
 * 'distinct': a full mesh of 100 spines and as many leaves as it takes, every pair once.
 */
export function generateLinkEntries(links: number, shape: 'repeated' | 'distinct'): string {
  const out: string[] = [`topology: ${shape}-links-${links}`, 'switches:'];
  if (shape === 'repeated') {
    for (const name of ['spine1', 'spine2']) out.push(`  ${name}:`, '    role: spine', '    ports:', '      - { count: 64, speed: 100G }');
    for (const name of ['leaf1', 'leaf2']) out.push(`  ${name}:`, '    role: leaf', '    ports:', '      - { count: 64, speed: 100G, for: fabric }');
    out.push('links:');
    for (let i = 0; i < links; i++) out.push(i % 2 === 0 ? '  - { between: [leaf1, spine1], speed: 100G }' : '  - { between: [leaf2, spine2], speed: 100G }');
    return `${out.join('\n')}\n`;
  }
  const spines = 100;
  const leaves = Math.ceil(links / spines);
  for (let s = 1; s <= spines; s++) out.push(`  spine${s}:`, '    role: spine', '    ports:', `      - { count: ${leaves}, speed: 100G }`);
  for (let l = 1; l <= leaves; l++) out.push(`  leaf${l}:`, '    role: leaf', '    ports:', `      - { count: ${spines}, speed: 100G, for: fabric }`);
  out.push('links:');
  let written = 0;
  for (let l = 1; l <= leaves && written < links; l++) {
    for (let s = 1; s <= spines && written < links; s++, written++) out.push(`  - { between: [leaf${l}, spine${s}], speed: 100G }`);
  }
  return `${out.join('\n')}\n`;
}

/**
 * `leaves` leaves each linked to only the first `linked` of `spines` spines: one
 * spine-connectivity finding per leaf, each with a related location per missing spine (at most 50).
 */
export function generateLeavesMissingLinks(options: { spines: number; leaves: number; linked: number }): string {
  const { spines, leaves, linked } = options;
  const out: string[] = [`topology: leaves-missing-links-${spines}x${leaves}`, 'switches:'];
  for (let s = 1; s <= spines; s++) out.push(`  spine${s}:`, '    role: spine', '    ports:', `      - { count: ${leaves}, speed: 100G }`);
  for (let l = 1; l <= leaves; l++) out.push(`  leaf${l}:`, '    role: leaf', '    ports:', `      - { count: ${spines}, speed: 100G, for: fabric }`);
  out.push('links:');
  for (let l = 1; l <= leaves; l++) {
    for (let s = 1; s <= linked; s++) out.push(`  - { between: [leaf${l}, spine${s}], speed: 100G }`);
  }
  return `${out.join('\n')}\n`;
}
