#!/usr/bin/env node
'use strict';
require('../dist/cli.js')
  .main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr })
  .then((code) => {
    process.exitCode = code;
  });
