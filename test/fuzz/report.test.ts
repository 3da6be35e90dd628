/**
 * The long run (`npm run fuzz` sets FUZZ_REPORT): besides the shrinking properties, a census
 * that pushes every document through the core and the server without stopping at the first
 * failure, counting crashes (exceptions, hangs, server exits) apart from property violations.
 * Writes the figures to test/fuzz/LAST_RUN.md for the README's reliability section.
 */
import { AssertionError } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as fc from 'fast-check';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { documentSpec, renderDocument } from './documents';
import { checkCore, ROOT, RUN_RECORDS, runs } from './properties';
import { assertDiagnosticsSane, LspSession, stopSession } from '../robustness/support';

interface Census {
  target: string;
  documents: number;
  crashes: number;
  violations: Map<string, number>;
  ms: number;
}

const censuses: Census[] = [];

/** `<rule>: <what went wrong>`, e.g. `unknown-switch: contains "Infinity"` or `yaml-syntax: range outside the document`. */
function violationKey(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const rule = /^(?:finding|diagnostic) (\S+)/.exec(message)?.[1] ?? 'hover/hint';
  const bad = /contains "([^"]+)"/.exec(message);
  if (bad !== null) return `${rule}: message contains "${bad[1]}"`;
  if (/outside the document/.test(message)) return `${rule}: range outside the document`;
  return `${rule}: ${message.replace(/`[^`]*`/g, '`…`').slice(0, 100)}`;
}

const target = process.env.FUZZ_REPORT;
const censusSeed = Date.now();

(target === undefined ? describe.skip : describe)('fuzz: census for LAST_RUN.md (FUZZ_REPORT)', function () {
  this.timeout(30 * 60 * 1000);

  it('core: every document, crashes counted apart from violations', () => {
    const census: Census = { target: 'core', documents: 0, crashes: 0, violations: new Map(), ms: 0 };
    const started = Date.now();
    for (const spec of fc.sample(documentSpec, { numRuns: runs('FUZZ_RUNS', 2000), seed: censusSeed })) {
      census.documents++;
      const text = renderDocument(spec);
      try {
        checkCore(text, undefined, [0, text.length >> 1, text.length]);
      } catch (error) {
        if (error instanceof AssertionError && !/lint took/.test(error.message)) {
          const key = violationKey(error);
          census.violations.set(key, (census.violations.get(key) ?? 0) + 1);
        } else census.crashes++;
      }
    }
    census.ms = Date.now() - started;
    censuses.push(census);
  });

  it('server: every document, crashes counted apart from violations', async () => {
    const census: Census = { target: 'server (stdio)', documents: 0, crashes: 0, violations: new Map(), ms: 0 };
    const started = Date.now();
    let session = await LspSession.start();
    let n = 0;
    for (const spec of fc.sample(documentSpec, { numRuns: runs('FUZZ_LSP_RUNS', 200), seed: censusSeed + 1 })) {
      census.documents++;
      const text = renderDocument(spec);
      const uri = `file:///census/${++n}.topology.yaml`;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), 5000);
      });
      const answer: Diagnostic[] | 'timeout' = await Promise.race([session.open(uri, text), timeout]);
      clearTimeout(timer);
      if (answer === 'timeout' || session.process.exitCode !== null) {
        census.crashes++;
        await stopSession(session, 1000);
        session = await LspSession.start();
        continue;
      }
      try {
        assertDiagnosticsSane(answer, text);
      } catch (error) {
        const key = violationKey(error);
        census.violations.set(key, (census.violations.get(key) ?? 0) + 1);
      }
      await session.close(uri);
    }
    await stopSession(session);
    census.ms = Date.now() - started;
    censuses.push(census);
  });
});

after(function () {
  if (target === undefined) return;
  const properties = RUN_RECORDS.map((r) => `| ${r.name} | ${r.documents} | ${r.failures === 0 ? 'held' : 'FAILED (counterexample kept)'} | ${(r.ms / 1000).toFixed(1)} s | ${r.seed ?? 'random'} |`);
  const census = censuses.map((c) => {
    const violations = [...c.violations.values()].reduce((a, b) => a + b, 0);
    return `| ${c.target} | ${c.documents} | ${c.crashes} | ${violations} | ${(c.ms / 1000).toFixed(1)} s |`;
  });
  const kinds = censuses.flatMap((c) => [...c.violations.entries()].map(([key, count]) => `- ${c.target}, ${count}×: ${key}`));
  const total = censuses.reduce((n, c) => n + c.documents, 0);
  const crashes = censuses.reduce((n, c) => n + c.crashes, 0);
  const text = [
    '# Last fuzz run',
    '',
    `\`npm run fuzz\` on ${new Date().toISOString().slice(0, 10)} (Node ${process.version}, ${os.cpus().length} CPUs, census seed ${censusSeed}).`,
    '',
    `**${total} documents tried, crashes: ${crashes}** (an exception from the core, a lint over 2 s, a server that exited or gave no diagnostics within 5 s).`,
    '',
    '## Census (every document, no early stop)',
    '',
    '| target | documents | crashes | property violations | time |',
    '| --- | --- | --- | --- | --- |',
    ...census,
    '',
    ...(kinds.length > 0 ? ['Violations by kind (names and numbers elided):', '', ...kinds, ''] : ['No property violations.', '']),
    '## Shrinking properties (stop at the first failure, keep the shrunk counterexample)',
    '',
    '| property | documents | result | time | seed |',
    '| --- | --- | --- | --- | --- |',
    ...properties,
    '',
    'Counterexamples are kept in `test/fixtures/fuzz/<hash>.topology.yaml` and replayed by every `npm test`.',
    '',
  ].join('\n');
  fs.writeFileSync(path.resolve(ROOT, target), text);
});
