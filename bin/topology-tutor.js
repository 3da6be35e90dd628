#!/usr/bin/env node
'use strict';
// The CLI lives in the bundled server (npm run build).
const { main } = require('../server/out/cli.js');
process.exitCode = main(process.argv.slice(2), (t) => process.stdout.write(t), (t) => process.stderr.write(t));
