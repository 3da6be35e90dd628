#!/usr/bin/env node
'use strict';
// The CLI lives in the bundled server (server/out/cli.js: npm run build, or the published package).
const { main } = require('../server/out/cli.js');
main(process.argv.slice(2), (t) => process.stdout.write(t), (t) => process.stderr.write(t)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`topology-tutor: internal error: ${(error && error.stack) || error}\n`);
    process.exitCode = 2;
  },
);
