#!/usr/bin/env node
// Draws media/icon.png (128×128, the Marketplace / Open VSX icon): a spine-leaf mesh — two spines,
// four leaves, every leaf linked to every spine — on a rounded dark tile. The SVG below is the
// source; headless Chromium (Debian's, through playwright-core) renders it and takes the screenshot.
// Run `npm run icon` after changing the drawing, and commit the PNG.
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, ROOT } from './vscode/paths.mjs';

const SIZE = 128;
const OUT = path.join(ROOT, 'media', 'icon.png');

function svg() {
  const spines = [44, 84].map((x) => ({ x, y: 34 }));
  const leaves = [22, 50, 78, 106].map((x) => ({ x, y: 92 }));
  const links = spines.flatMap((s) => leaves.map((l) => `<line x1="${s.x}" y1="${s.y}" x2="${l.x}" y2="${l.y}"/>`)).join('');
  const node = (p, w, h, fill) => `<rect x="${p.x - w / 2}" y="${p.y - h / 2}" width="${w}" height="${h}" rx="4" fill="${fill}"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 ${SIZE} ${SIZE}">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#1d3461"/>
      <stop offset="1" stop-color="#14213d"/>
    </linearGradient>
  </defs>
  <rect x="2" y="2" width="124" height="124" rx="22" fill="url(#bg)"/>
  <g stroke="#7fd1ff" stroke-width="3" stroke-linecap="round" opacity="0.9">${links}</g>
  ${spines.map((s) => node(s, 30, 16, '#fca311')).join('\n  ')}
  ${leaves.map((l) => node(l, 20, 14, '#e5e5e5')).join('\n  ')}
</svg>`;
}

const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE }, deviceScaleFactor: 1 });
  await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${svg()}</body></html>`);
  const png = await page.locator('svg').screenshot({ omitBackground: true });
  fs.writeFileSync(OUT, png);
  console.log(`wrote ${path.relative(ROOT, OUT)} (${png.length} bytes, ${SIZE}×${SIZE})`);
} finally {
  await browser.close();
}
