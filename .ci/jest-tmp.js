'use strict';
/**
 * Test runs leave nothing in the system's temporary directory: jest's global setup points TMPDIR (which
 * os.tmpdir(), LibreOffice, Chromium and tsx all follow) at test-output/tmp, and the teardown removes it. A jest
 * started by a test (the reporter's test runs one) finds the folder already set up and leaves it to its owner.
 */
const { mkdirSync, rmSync } = require('node:fs');
const { join } = require('node:path');

const TMP = join(__dirname, '..', 'test-output', 'tmp');
const OWNER = 'CCHC_TEST_TMP_OWNER';

async function setup() {
  if (process.env[OWNER]) return;
  rmSync(TMP, { recursive: true, force: true });
  mkdirSync(TMP, { recursive: true });
  process.env[OWNER] = String(process.pid);
  process.env.TMPDIR = TMP;
  process.env.TMP = TMP;
  process.env.TEMP = TMP;
}

async function teardown() {
  if (process.env[OWNER] !== String(process.pid)) return;
  rmSync(TMP, { recursive: true, force: true, maxRetries: 3 });
}

module.exports = { TMP, setup, teardown };
