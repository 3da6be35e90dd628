/**
 * Markdown and HTML in names and descriptions: `[x](command:…)`, `<img onerror=…>`, images,
 * backtick runs that try to close a code span. Hovers must show them as text: outside code
 * spans no command link, no foreign link and no raw HTML may appear.
 */
import { strict as assert } from 'assert';
import {
  assertAlive,
  assertDiagnosticsSane,
  assertHoverSane,
  assertMarkdownInert,
  freshUri,
  generateFabric,
  hoverText,
  openTimed,
  outsideCodeSpans,
  positionOf,
  timedHover,
  timedInlayHints,
  useSession,
} from './support';

const HOSTILE = [
  '[x](command:workbench.action.terminal.new)',
  '<img src=x onerror=alert(1)>',
  '![pixel](https://evil.example/track.png)',
  '<script>alert(1)</script>',
  '`[x](command:evil)`',
  '``` ` [x](command:evil) ` ```',
  'a`b``c```d [x](command:evil)',
  '`',
  '<command:evil>',
  '[x]: command:evil "ref"',
  '*bold* _it_ ~~s~~ # heading',
  '\\[x\\](command:evil)',
  '&lt;img src=x onerror=alert(1)&gt;',
  'https://evil.example/x',
  '<a href="command:evil">click</a>',
];

/** The 2×2 fabric with leaf1 (or spine1) renamed to `name`, written as a YAML double-quoted string. */
function withName(name: string, which: 'leaf1' | 'spine1'): string {
  const quoted = JSON.stringify(name);
  return generateFabric({ spines: 2, leaves: 2 }).replace(new RegExp(`\\b${which}\\b`, 'g'), quoted);
}

describe('robustness: Markdown and HTML in names (over the LSP server)', function () {
  this.timeout(15000);
  const session = useSession();

  it('the inertness check itself catches unescaped markup (self-test)', () => {
    assert.throws(() => assertMarkdownInert('**[x](command:evil)**', 'self-test'));
    assert.throws(() => assertMarkdownInert('name <img src=x onerror=alert(1)>', 'self-test'));
    assert.throws(() => assertMarkdownInert('`a` [x](command:evil) `b`', 'self-test'));
    assert.doesNotThrow(() => assertMarkdownInert('``[x](command:evil)`` and \\<img\\>', 'self-test'));
    assert.equal(outsideCodeSpans('a ``b`c`` d'), 'a   d');
  });

  for (const name of HOSTILE) {
    for (const which of ['leaf1', 'spine1'] as const) {
      it(`a ${which === 'leaf1' ? 'leaf' : 'spine'} named ${JSON.stringify(name)}: hover, messages and hints stay text`, async () => {
        const text = withName(name, which);
        const uri = freshUri('markup');
        const diagnostics = await openTimed(session(), uri, text, 5000);
        assertDiagnosticsSane(diagnostics, text);
        assert.deepEqual(diagnostics.map((d) => d.code), [], JSON.stringify(diagnostics));
        const quoted = JSON.stringify(name);
        // Hover on the definition and on each reference.
        for (let n = 0; n < 3; n++) {
          let at;
          try {
            at = positionOf(text, quoted, n, 2);
          } catch {
            break;
          }
          const hover = await timedHover(session(), uri, at);
          assert.ok(hover !== null, `hover on occurrence ${n} of the name`);
          assertHoverSane(hover, text, `${quoted} #${n}`);
        }
        // The hover of the *other* switches mentions this one's figures, never its raw name outside code.
        assertHoverSane(await timedHover(session(), uri, positionOf(text, which === 'leaf1' ? 'spine2:' : 'leaf2:')), text, 'neighbour');
        await timedInlayHints(session(), uri, text);
        assertAlive(session());
      });
    }

    it(`an unknown link end named ${JSON.stringify(name)}: the message quotes it on one line`, async () => {
      const text = generateFabric({ spines: 2, leaves: 2 }).replace('between: [leaf1, spine1]', `between: [leaf1, ${JSON.stringify(name)}]`);
      const uri = freshUri('markup-unknown');
      const diagnostics = await openTimed(session(), uri, text, 5000);
      assertDiagnosticsSane(diagnostics, text);
      const unknown = diagnostics.filter((d) => d.code === 'unknown-switch');
      assert.equal(unknown.length, 1, JSON.stringify(diagnostics));
      assert.doesNotMatch(unknown[0].message, /[\r\n]/);
      assertHoverSane(await timedHover(session(), uri, positionOf(text, JSON.stringify(name), 0, 2)), text, 'unknown');
    });
  }

  it('server groups, pods and planes with hostile names: hovers stay inert', async () => {
    const evil = '[x](command:evil) <img src=x onerror=alert(1)>';
    const text = generateFabric({ spines: 2, leaves: 2 })
      .replace('rack1:', `${JSON.stringify(evil)}:`)
      .replace('    role: leaf\n', `    role: leaf\n    pod: ${JSON.stringify(evil)}\n`)
      .replace('    role: spine\n', `    role: spine\n    pod: ${JSON.stringify(evil)}\n    plane: ${JSON.stringify(`${evil}\`\`\``)}\n`);
    const uri = freshUri('markup-groups');
    const diagnostics = await openTimed(session(), uri, text, 5000);
    assertDiagnosticsSane(diagnostics, text);
    for (const needle of ['"[x]', 'leaf1:', 'spine1:', 'leaf2:', 'spine2:']) {
      for (let n = 0; n < 3; n++) {
        let at;
        try {
          at = positionOf(text, needle, n, 2);
        } catch {
          break;
        }
        const hover = await timedHover(session(), uri, at);
        assertHoverSane(hover, text, `${needle} #${n}`);
      }
    }
    const group = await timedHover(session(), uri, positionOf(text, `${JSON.stringify(evil)}:`, 0, 2));
    assert.ok(group !== null, 'the server group has a hover');
    assert.ok(hoverText(group).includes('server group'));
  });

  it('a hostile topology name and description are inert in every hover', async () => {
    const evil = '[x](command:evil) <img src=x onerror=alert(1)> ![t](https://evil.example/t.png)';
    const text = generateFabric({ spines: 2, leaves: 2 }).replace(/^topology: .*$/m, `topology: ${JSON.stringify(evil)}\ndescription: ${JSON.stringify(evil)}`);
    const uri = freshUri('markup-desc');
    const diagnostics = await openTimed(session(), uri, text, 5000);
    assertDiagnosticsSane(diagnostics, text);
    for (const line of [0, 1]) {
      for (const character of [1, 12, 30]) assertHoverSane(await timedHover(session(), uri, { line, character }), text, `line ${line}`);
    }
  });
});
