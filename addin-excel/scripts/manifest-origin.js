// @ts-check
'use strict';

/**
 * The one build-time setting behind every URL of the add-in manifest. The committed manifest.xml points at
 * the development server; a production build replaces that origin everywhere with ADDIN_ORIGIN, so no URL
 * can be left pointing somewhere else.
 */

const { URL } = require('node:url');

const DEV_ORIGIN = 'https://localhost:3000';

/**
 * Checks an origin given by a person (an env var) and returns it without a trailing slash, so that
 * `origin + '/taskpane.html'` joins cleanly. Empty means the development origin.
 * @param {string | undefined} raw
 * @returns {string}
 */
function parseOrigin(raw) {
  const text = (raw ?? '').trim();
  if (text === '') return DEV_ORIGIN;
  /** @type {URL} */
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`ADDIN_ORIGIN is not a URL: "${text}". Give one like https://example.org/cchc`);
  }
  if (url.protocol !== 'https:') {
    // Office loads add-in pages, icons and commands only over HTTPS.
    throw new Error(`ADDIN_ORIGIN must be an https:// URL; got "${text}". Office refuses add-ins over http.`);
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new Error(
      `ADDIN_ORIGIN must be an origin with an optional path, without user, query or #: "${text}"`,
    );
  }
  // The value lands inside XML attributes and URLs: keep to characters that need no escaping in either.
  if (!/^[A-Za-z0-9._~/-]*$/.test(url.pathname)) {
    throw new Error(`ADDIN_ORIGIN's path may use only letters, digits and . _ ~ - /: "${text}"`);
  }
  return (url.origin + url.pathname).replace(/\/+$/, '');
}

/**
 * Returns the manifest with every occurrence of the development origin replaced by `origin`.
 * @param {string} xml
 * @param {string | undefined} origin
 * @returns {string}
 */
function substituteOrigin(xml, origin) {
  const target = parseOrigin(origin);
  if (!xml.includes(DEV_ORIGIN)) {
    throw new Error(`The manifest has no ${DEV_ORIGIN} URL to replace; its URLs must start with it.`);
  }
  return xml.split(DEV_ORIGIN).join(target);
}

module.exports = { DEV_ORIGIN, parseOrigin, substituteOrigin };
