'use strict';
/**
 * Test runs leave nothing in the system's temporary directory: jest's global setup points TMPDIR (which
 * os.tmpdir(), LibreOffice, Chromium and tsx all follow) at test-output/tmp, and the teardown removes it.
 */
const { mkdirSync, rmSync } = require('node:fs');
const { join } = require('node:path');

const TMP = join(__dirname, '..', 'test-output', 'tmp');

async function setup() {
  rmSync(TMP, { recursive: true, force: true });
  mkdirSync(TMP, { recursive: true });
  process.env.TMPDIR = TMP;
  process.env.TMP = TMP;
  process.env.TEMP = TMP;
}

async function teardown() {
  rmSync(TMP, { recursive: true, force: true, maxRetries: 3 });
}

module.exports = { TMP, setup, teardown };
