#!/usr/bin/env node
'use strict';
// Pipeline regexes are untrusted: V8 falls back to its linear engine instead of backtracking forever.
require('node:v8').setFlagsFromString('--enable-experimental-regexp-engine-on-excessive-backtracks');
require('../dist/cli.js')
  .main(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env })
  .then((code) => {
    process.exitCode = code;
  });
