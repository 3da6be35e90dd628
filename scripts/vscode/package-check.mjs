#!/usr/bin/env node
// Package check (`npm run test:package`): builds the .vsix and the npm tarball the way a release does and
// proves both work outside the repo.
//   1. `npm run package` -> topology-tutor.vsix (@vscode/vsce, offline, no bypass flags: vsce checks the
//      repository, rewrites the README's relative links and images against it; package.json `files` is the
//      allowlist of both packages)
//   2. lists the vsix entries (its zip central directory, parsed here: no unzip needed) and checks that
//      every file matches the allowlist below, that the must-haves are there (client and server bundles,
//      desktop and web, schema, grammar, every lessons/*.md), and that every file the packaged package.json
//      points at (main, browser, icon, grammar, schemas, language configuration, walkthrough media) is in the vsix
//   3. installs the vsix into a fresh extensions dir of the test VS Code server (server-main.js
//      --install-extension), confirms it with --list-extensions --show-versions and looks for
//      server/out/server.js in the installed folder
//   4. starts that installed server bundle with plain Node (`server.js --stdio`, cwd and HOME outside the
//      repo, no NODE_PATH), speaks LSP to it (initialize, didOpen of the packaged oversubscribed-leaf
//      example, publishDiagnostics with `oversubscription` and a lesson link into the installed lessons/,
//      hover on leaf1, shutdown, exit) and expects a clean exit.
//   5. `npm pack` (its prepack builds production bundles) -> the npm tarball: only the allowlisted files, no
//      runtime dependencies; installed offline into an empty folder (`npm install <tarball>`), it runs
//      `npx topology-tutor lint` (human, json, sarif; exit codes; a .topology-tutor.yaml there) and its
//      packaged server answers LSP like step 4 (node node_modules/topology-tutor/server/out/server.js --stdio).
//   6. the `publish:ovsx` script's tool is installed (ovsx --version; nothing is published).
// Prints a summary; exits 1 on any failure. Needs `npm run vscode:setup` for step 3 (run automatically).
// Afterwards the development bundles (npm run bundle) are restored if they were there before packaging.
// Env: TOPOLOGY_PACKAGE_VSIX=path (check that vsix; skips `npm run package`), TOPOLOGY_VSCODE_KEEP=1 (keep tmp).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { ROOT, NODE_BIN, SERVER_MAIN } from './paths.mjs';
import { setup } from './setup.mjs';

const VSIX = path.resolve(ROOT, process.env.TOPOLOGY_PACKAGE_VSIX || 'topology-tutor.vsix');
const T0 = Date.now();
const results = [];
const log = (m) => console.log(`[package] ${m}`);
const secs = (t) => `${((Date.now() - t) / 1000).toFixed(1)} s`;

/** Files allowed under extension/ in the vsix. */
const ALLOW = [
  /^package\.json$/, /^readme\.md$/, /^changelog\.md$/, /^LICENSE(\.txt)?$/, /^language-configuration\.json$/,
  /^client\/out\/[^/]+\.js$/, /^server\/out\/[^/]+\.js$/, /^bin\/topology-tutor\.js$/,
  /^schemas\/[^/]+\.json$/, /^syntaxes\/[^/]+\.json$/, /^lessons\/[^/]+\.md$/,
  /^media\/.+\.(css|js|svg|png|md)$/,
  /^examples\/[^/]+\.topology\.yaml$/, /^examples\/lessons\/[^/]+\.topology\.yaml$/,
];
/** Files in shipped folders that must stay out of both packages (excluded inside the `files` pattern). */
const NOT_SHIPPED = ['lessons/REVIEW.md'];
/** vsce's own files at the top of the zip. */
const ALLOW_TOP = new Set(['[Content_Types].xml', 'extension.vsixmanifest']);
const MUST = ['package.json', 'client/out/extension.js', 'server/out/server.js', 'server/out/analysisWorker.js',
  'client/out/browserExtension.js', 'server/out/browserServer.js', 'schemas/topology.schema.json',
  'syntaxes/topology.tmLanguage.json', 'language-configuration.json',
  // The webviews' scripts and styles (the code names them, package.json does not).
  'media/lessons.js', 'media/lessons.css', 'media/diagram.js', 'media/diagram.css', 'media/diagram.svg'];

function check(name, ok, detail = '') {
  results.push({ name, ok, detail });
  console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? ` - ${detail}` : ''}`);
  return ok;
}

// --- zip reading (central directory; stored or deflated entries) -----------------------------------------
function readZip(file) {
  const buf = fs.readFileSync(file);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw new Error(`${file}: no zip end-of-central-directory record`);
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries = new Map();
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error(`${file}: bad central directory entry ${n}`);
    const method = buf.readUInt16LE(p + 10);
    const csize = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    entries.set(name, { name, method, csize, size, local });
    p += 46 + nameLen + extraLen + commentLen;
  }
  const read = (name) => {
    const e = entries.get(name);
    if (!e) return undefined;
    const start = e.local + 30 + buf.readUInt16LE(e.local + 26) + buf.readUInt16LE(e.local + 28);
    const data = buf.subarray(start, start + e.csize);
    return e.method === 0 ? data : zlib.inflateRawSync(data);
  };
  return { entries, read, size: buf.length };
}

// --- a tiny LSP client over stdio ------------------------------------------------------------------------
function lspClient(proc) {
  let buf = Buffer.alloc(0);
  let nextId = 1;
  const pending = new Map();
  const listeners = [];
  const send = (msg) => {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...msg }), 'utf8');
    proc.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    proc.stdin.write(body);
  };
  proc.stdout.on('data', (d) => {
    buf = Buffer.concat([buf, d]);
    for (;;) {
      const sep = buf.indexOf('\r\n\r\n');
      if (sep < 0) return;
      const m = /Content-Length:\s*(\d+)/i.exec(buf.toString('ascii', 0, sep));
      if (!m) throw new Error(`bad LSP header: ${buf.toString('ascii', 0, sep)}`);
      const len = Number(m[1]);
      if (buf.length < sep + 4 + len) return;
      const msg = JSON.parse(buf.toString('utf8', sep + 4, sep + 4 + len));
      buf = buf.subarray(sep + 4 + len);
      if (msg.id !== undefined && msg.method === undefined) {
        const p = pending.get(msg.id);
        pending.delete(msg.id);
        if (msg.error) p?.reject(new Error(`${msg.error.code}: ${msg.error.message}`));
        else p?.resolve(msg.result);
      } else if (msg.id !== undefined) {
        // A request from the server (registerCapability, workDoneProgress/create, configuration...).
        send({ id: msg.id, result: msg.method === 'workspace/configuration' ? (msg.params?.items || []).map(() => null) : null });
      } else {
        listeners.forEach((l) => l(msg));
      }
    }
  });
  return {
    request: (method, params, timeout = 15000) => new Promise((resolve, reject) => {
      const id = nextId++;
      const t = setTimeout(() => { pending.delete(id); reject(new Error(`no answer to ${method} within ${timeout} ms`)); }, timeout);
      pending.set(id, { resolve: (v) => { clearTimeout(t); resolve(v); }, reject: (/** @type {Error} */ e) => { clearTimeout(t); reject(e); } });
      send({ id, method, params });
    }),
    notify: (method, params) => send({ method, params }),
    waitFor: (method, pred, timeout = 15000) => new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`no ${method} within ${timeout} ms`)), timeout);
      listeners.push((msg) => { if (msg.method === method && pred(msg.params)) { clearTimeout(t); resolve(msg.params); } });
    }),
  };
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 180000, ...opts });
  return { code: r.status, out: `${r.stdout || ''}${r.stderr || ''}`, stdout: r.stdout || '', error: r.error };
}

/** Files allowed in the npm tarball (under package/). */
const NPM_ALLOW = [...ALLOW, /^README\.md$/, /^CHANGELOG\.md$/];
const NPM_MUST = ['package.json', 'bin/topology-tutor.js', 'server/out/cli.js', 'server/out/server.js', 'server/out/analysisWorker.js', 'schemas/topology.schema.json',
  'schemas/topology-tutor-config.schema.json', 'README.md', 'LICENSE'];

/** Lists a .tgz (gzip'd ustar) without tar: 512-byte headers, sizes in octal. */
function tarNames(file) {
  const buf = zlib.gunzipSync(fs.readFileSync(file));
  const names = [];
  for (let p = 0; p + 512 <= buf.length;) {
    const name = buf.toString('utf8', p, p + 100).replace(/\0.*$/s, '');
    if (name === '') break;
    const prefix = buf.toString('utf8', p + 345, p + 500).replace(/\0.*$/s, '');
    const size = parseInt(buf.toString('ascii', p + 124, p + 136).replace(/\0.*$/s, '').trim() || '0', 8);
    const type = buf.toString('ascii', p + 156, p + 157);
    if (type === '0' || type === '\0' || type === '') names.push(prefix ? `${prefix}/${name}` : name);
    p += 512 + Math.ceil(size / 512) * 512;
  }
  return names;
}

async function npmCheck(tmp) {
  const t = Date.now();
  log('npm pack');
  const packDir = path.join(tmp, 'pack');
  fs.mkdirSync(packDir);
  const pack = run('npm', ['pack', '--pack-destination', packDir], { cwd: ROOT });
  const tarball = fs.readdirSync(packDir).find((f) => f.endsWith('.tgz'));
  if (!check('npm pack (prepack: production bundles)', pack.code === 0 && tarball !== undefined, `${secs(t)}${pack.code === 0 ? '' : `: ${pack.out.split('\n').slice(-20).join(' | ')}`}`)) return;
  const tgz = path.join(packDir, tarball);
  const names = tarNames(tgz).map((n) => n.replace(/^package\//, ''));
  const stray = names.filter((n) => !NPM_ALLOW.some((re) => re.test(n)) || NOT_SHIPPED.includes(n));
  const missing = NPM_MUST.filter((m) => !names.includes(m));
  check('npm tarball holds only the allowlisted files, and the CLI, server, lessons, schemas', stray.length === 0 && missing.length === 0 &&
    names.filter((n) => n.startsWith('lessons/')).length >= 8 && !names.some((n) => n.endsWith('.map')),
    `${names.length} files, ${(fs.statSync(tgz).size / 1024).toFixed(0)} KB${stray.length ? `; not allowed: ${stray.join(', ')}` : ''}${missing.length ? `; missing: ${missing.join(', ')}` : ''}`);
  const packedPkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  check('the npm package has no runtime dependencies (everything is bundled)', !packedPkg.dependencies && !packedPkg.private);

  // Install into an empty folder, offline: nothing but the tarball.
  const app = path.join(tmp, 'app');
  fs.mkdirSync(app);
  const env = { ...process.env, HOME: tmp, npm_config_cache: path.join(tmp, 'npm-cache'), npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
  delete env.NODE_PATH;
  delete env.NODE_OPTIONS;
  const t2 = Date.now();
  const inst = run('npm', ['install', '--offline', '--no-audit', '--no-fund', tgz], { cwd: app, env });
  const modules = fs.existsSync(path.join(app, 'node_modules')) ? fs.readdirSync(path.join(app, 'node_modules')).filter((n) => !n.startsWith('.')) : [];
  check('npm install <tarball> into an empty folder, offline', inst.code === 0 && modules.join(',') === 'topology-tutor',
    `${secs(t2)}; node_modules: ${modules.join(', ') || 'none'}${inst.code === 0 ? '' : `: ${inst.out.split('\n').slice(-5).join(' | ')}`}`);
  const installed = path.join(app, 'node_modules', 'topology-tutor');
  if (!fs.existsSync(installed)) return;

  // npx topology-tutor lint: human, json, sarif, a config file, the version.
  const example = path.join(app, 'fabric.topology.yaml');
  fs.copyFileSync(path.join(installed, 'examples', 'lessons', 'oversubscribed-leaf.topology.yaml'), example);
  fs.copyFileSync(path.join(installed, 'examples', 'lessons', 'missing-spine-link.topology.yaml'), path.join(app, 'broken.topology.yaml'));
  const npx = (...args) => run('npx', ['--no', 'topology-tutor', ...args], { cwd: app, env });
  const human = npx('lint', 'fabric.topology.yaml', 'broken.topology.yaml');
  check('npx topology-tutor lint (human): findings and exit 1', human.code === 1 &&
    /^fabric\.topology\.yaml:27:3 warning oversubscription /m.test(human.stdout) && /^broken\.topology\.yaml:42:3 error spine-connectivity /m.test(human.stdout),
    `exit ${human.code}: ${human.stdout.trim().split('\n').pop()}`);
  const json = npx('lint', '--format', 'json', 'fabric.topology.yaml');
  let jsonOk = false;
  try {
    jsonOk = json.code === 0 && JSON.parse(json.stdout).files[0].findings.map((f) => f.rule).join() === 'oversubscription';
  } catch { /* reported below */ }
  check('npx topology-tutor lint --format json', jsonOk, `exit ${json.code}`);
  const sarif = npx('lint', '--format', 'sarif', 'fabric.topology.yaml');
  let sarifDetail = `exit ${sarif.code}`;
  let sarifOk = false;
  try {
    const log0 = JSON.parse(sarif.stdout);
    const r0 = log0.runs[0];
    const loc = r0.results[0].locations[0].physicalLocation.artifactLocation;
    sarifOk = sarif.code === 0 && log0.version === '2.1.0' && r0.columnKind === 'utf16CodeUnits' && loc.uri === 'fabric.topology.yaml' && loc.uriBaseId === '%SRCROOT%' &&
      r0.tool.driver.version === pkg0.version && r0.tool.driver.rules.every((rule) => rule.helpUri.startsWith('https://github.com/topology-tutor/topology-tutor/blob/main/lessons/'));
    sarifDetail += `, ${r0.results.length} result(s), tool ${r0.tool.driver.name} ${r0.tool.driver.version}`;
  } catch (err) {
    sarifDetail += `: ${err.message}`;
  }
  check('npx topology-tutor lint --format sarif (relative URIs, columnKind, public lesson links)', sarifOk, sarifDetail);
  fs.writeFileSync(path.join(app, '.topology-tutor.yaml'), 'rules:\n  spine-connectivity: warning\n  oversubscription: off\n');
  const configured = npx('lint', '.');
  check('a .topology-tutor.yaml in the folder sets severities', configured.code === 0 && /0 error\(s\), 1 warning\(s\)/.test(configured.stdout) &&
    !/oversubscription/.test(configured.stdout), configured.stdout.trim().split('\n').pop());
  fs.writeFileSync(path.join(app, '.topology-tutor.yaml'), 'rules:\n  spine-conectivity: warning\n');
  const badConfig = npx('lint', '.');
  check('an unknown rule id in the config exits 2 with "did you mean"', badConfig.code === 2 && /Did you mean `spine-connectivity`\?/.test(badConfig.out), `exit ${badConfig.code}`);
  fs.rmSync(path.join(app, '.topology-tutor.yaml'));
  const version = npx('lint', '--version');
  check('npx topology-tutor lint --version prints package.json\'s version', version.code === 0 && version.stdout.trim() === pkg0.version, version.stdout.trim());

  // The packaged language server, on its own.
  await lspCheck(installed, tmp, 'npm package');
}
let pkg0 = {};

async function lspCheck(installed, tmp, what = 'installed') {
  const serverJs = path.join(installed, 'server', 'out', 'server.js');
  const example = path.join(installed, 'examples', 'lessons', 'oversubscribed-leaf.topology.yaml');
  const text = fs.readFileSync(example, 'utf8');
  const uri = pathToFileURL(example).toString();
  const env = { ...process.env, HOME: tmp };
  delete env.NODE_PATH;
  delete env.NODE_OPTIONS;
  const proc = spawn(process.execPath, [serverJs, '--stdio'], { cwd: tmp, env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  proc.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise((resolve) => proc.on('exit', (code, sig) => resolve(code ?? sig)));
  const lsp = lspClient(proc);
  try {
    const t = Date.now();
    const init = await lsp.request('initialize', {
      processId: process.pid, rootUri: null, workspaceFolders: null,
      capabilities: { textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] } } },
    });
    check(`${what} server answers initialize`, !!init?.capabilities,
      `${init?.serverInfo?.name ?? '?'} ${init?.serverInfo?.version ?? '?'} in ${Date.now() - t} ms (node ${process.version}, cwd ${tmp})`);
    check('server capabilities: hover, inlay hints, incremental sync',
      init?.capabilities?.hoverProvider === true && !!init?.capabilities?.inlayHintProvider &&
      init?.capabilities?.textDocumentSync?.change === 2);
    lsp.notify('initialized', {});
    const diags = lsp.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri);
    lsp.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'topology', version: 1, text } });
    const { diagnostics } = await diags;
    const codeOf = (d) => (typeof d.code === 'object' && d.code !== null ? d.code.value : d.code);
    const over = diagnostics.find((d) => codeOf(d) === 'oversubscription');
    check(`${what}: diagnostics for the packaged oversubscribed-leaf example`, !!over && diagnostics.length === 1,
      diagnostics.map((d) => `${codeOf(d)}@${d.range.start.line + 1}`).join(', ') || 'none');
    const href = over?.codeDescription?.href;
    const lessonFile = href?.startsWith('file:') ? fileURLToPath(href.replace(/#.*$/, '')) : undefined;
    check(`${what}: lesson link points at a lesson in the installed package`,
      !!lessonFile && lessonFile.startsWith(installed + path.sep) && fs.existsSync(lessonFile), href || 'no codeDescription');
    const line = text.split('\n').findIndex((l) => /^\s+leaf1:/.test(l));
    const hover = await lsp.request('textDocument/hover', { textDocument: { uri }, position: { line, character: 3 } });
    const hoverText = JSON.stringify(hover?.contents ?? '');
    check(`${what}: hover on leaf1 shows "Oversubscription:"`, hoverText.includes('Oversubscription:'));
    await lsp.request('shutdown', null);
    lsp.notify('exit', null);
    const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('still running'), 5000))]);
    check(`${what} server exits cleanly after shutdown/exit`, code === 0, `exit ${code}`);
  } catch (err) {
    check(`LSP session with the ${what} server`, false, `${err.message}${stderr ? `\n${stderr.slice(-2000)}` : ''}`);
  } finally {
    if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
  }
}

async function main() {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  pkg0 = pkg;
  const id = `${pkg.publisher}.${pkg.name}`;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'topology-package-'));
  try {
    // 1. package
    setup();
    if (process.env.TOPOLOGY_PACKAGE_VSIX) {
      log(`checking ${VSIX} (TOPOLOGY_PACKAGE_VSIX; not rebuilt)`);
      if (!check('vsix exists', fs.existsSync(VSIX), VSIX)) return 1;
    } else {
      const t = Date.now();
      log('npm run package');
      // vscode:prepublish overwrites client/out and server/out with minified production bundles; if a
      // development build was there (it has source maps), rebuild it afterwards so the other test
      // scripts keep debuggable bundles.
      const devBuild = fs.existsSync(path.join(ROOT, 'client', 'out', 'extension.js.map'));
      fs.rmSync(VSIX, { force: true });
      const r = run('npm', ['run', 'package'], { cwd: ROOT });
      const ok = check('npm run package', r.code === 0 && fs.existsSync(VSIX), `${secs(t)}`);
      if (devBuild) {
        const b = run('npm', ['run', 'bundle'], { cwd: ROOT });
        if (b.code !== 0) console.error(`[package] warning: restoring the development bundle failed:\n${b.out}`);
      }
      if (!ok) {
        console.error(r.out.split('\n').slice(-40).join('\n'));
        return 1;
      }
    }

    // 2. contents
    log(`contents of ${path.relative(ROOT, VSIX)}`);
    const zip = readZip(VSIX);
    const names = [...zip.entries.keys()].filter((n) => !n.endsWith('/'));
    const ext = names.filter((n) => n.startsWith('extension/')).map((n) => n.slice('extension/'.length));
    const stray = names.filter((n) => !n.startsWith('extension/') && !ALLOW_TOP.has(n))
      .concat(ext.filter((n) => !ALLOW.some((re) => re.test(n))).map((n) => `extension/${n}`));
    check('every file matches the allowlist', stray.length === 0,
      stray.length ? `not allowed: ${stray.join(', ')}` : `${names.length} files, ${(zip.size / 1024).toFixed(0)} KB`);
    const have = new Set(ext);
    const lessons = fs.readdirSync(path.join(ROOT, 'lessons')).filter((f) => f.endsWith('.md') && !NOT_SHIPPED.includes(`lessons/${f}`))
      .map((f) => `lessons/${f}`);
    const must = [...MUST, ...lessons];
    const missing = must.filter((m) => !have.has(m));
    check(`must-haves present (bundles, schema, grammar, webview scripts, ${lessons.length} lessons)`,
      missing.length === 0 && lessons.length >= 8, missing.length ? `missing: ${missing.join(', ')}` : '');
    const shipped = NOT_SHIPPED.filter((n) => have.has(n));
    check('maintainer-only files left out', shipped.length === 0, shipped.length ? `shipped: ${shipped.join(', ')}` : NOT_SHIPPED.join(', '));
    const packed = JSON.parse(zip.read('extension/package.json').toString('utf8'));
    const c = packed.contributes || {};
    const refs = [packed.main, packed.browser, packed.icon,
      ...(c.languages || []).map((l) => l.configuration),
      ...(c.grammars || []).map((g) => g.path),
      ...(c.yamlValidation || []).map((v) => v.url),
      ...(c.walkthroughs || []).flatMap((w) => w.steps.flatMap((s) => [s.media?.markdown, s.media?.image, s.media?.svg])),
    ].filter((r) => typeof r === 'string' && !/^[a-z]+:/i.test(r)).map((r) => path.posix.normalize(r.replace(/^\.\//, '')));
    const dangling = refs.filter((r) => !have.has(r));
    check('every file the packaged package.json references is in the vsix', dangling.length === 0,
      dangling.length ? `missing: ${dangling.join(', ')}` : `${refs.length} references`);
    check('no source maps in the vsix', !ext.some((n) => n.endsWith('.map')));

    // 3. install into a fresh extensions dir of the test VS Code
    const t3 = Date.now();
    const dirs = ['--extensions-dir', path.join(tmp, 'ext'), '--server-data-dir', path.join(tmp, 'data'),
      '--user-data-dir', path.join(tmp, 'user'), '--accept-server-license-terms'];
    const inst = run(NODE_BIN, [SERVER_MAIN, '--install-extension', VSIX, ...dirs], { cwd: tmp });
    check('VS Code server installs the vsix', inst.code === 0 && /successfully installed/i.test(inst.out),
      `${secs(t3)}${inst.code === 0 ? '' : `: ${inst.out.trim().split('\n').slice(-5).join(' | ')}`}`);
    const list = run(NODE_BIN, [SERVER_MAIN, '--list-extensions', '--show-versions', ...dirs], { cwd: tmp });
    const want = `${id}@${pkg.version}`;
    check(`--list-extensions shows ${want}`, list.out.split('\n').map((l) => l.trim()).includes(want),
      list.out.trim().replace(/\n/g, ', '));
    const installed = path.join(tmp, 'ext', `${id}-${pkg.version}`);
    const installedServer = path.join(installed, 'server', 'out', 'server.js');
    if (!check('installed folder has server/out/server.js', fs.existsSync(installedServer), path.relative(tmp, installed))) return 1;

    // 4. the installed server runs on its own
    await lspCheck(installed, tmp);

    // 5. the npm package: pack, install offline into an empty folder, CLI and server
    if (!process.env.TOPOLOGY_PACKAGE_VSIX) {
      const devBuild = fs.existsSync(path.join(ROOT, 'client', 'out', 'extension.js.map')) || fs.existsSync(path.join(ROOT, 'out', 'server'));
      await npmCheck(tmp);
      if (devBuild) {
        const b = run('npm', ['run', 'bundle'], { cwd: ROOT });
        if (b.code !== 0) console.error(`[package] warning: restoring the development bundle failed:\n${b.out}`);
      }
    }

    // 6. the Open VSX publisher the `publish:ovsx` script uses (nothing is published)
    const ovsx = run(path.join(ROOT, 'node_modules', '.bin', 'ovsx'), ['--version'], { cwd: ROOT });
    check('ovsx is installed for `npm run publish:ovsx`', ovsx.code === 0 && /\d+\.\d+\.\d+/.test(ovsx.out), ovsx.out.trim());
  } finally {
    if (!process.env.TOPOLOGY_VSCODE_KEEP) fs.rmSync(tmp, { recursive: true, force: true });
    else log(`kept ${tmp}`);
  }
  const failed = results.filter((r) => !r.ok);
  log(`${failed.length === 0 ? 'PASS' : 'FAIL'}: ${results.length - failed.length}/${results.length} checks passed in ${secs(T0)}`);
  return failed.length === 0 ? 0 : 1;
}

main().then((c) => process.exit(c), (e) => { console.error(`[package] ERROR: ${e.stack || e}`); process.exit(1); });
