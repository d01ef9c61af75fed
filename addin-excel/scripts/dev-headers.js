'use strict';
/**
 * The headers the development server sends: a Content-Security-Policy on everything, and CORS only where Excel on
 * the web needs it (the ribbon icons under /assets/, fetched from Office's own origins), for that origin alone. A
 * blanket `Access-Control-Allow-Origin: *` would let any web page the officer opens read what the server serves.
 */

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  // A <base> or a <form> injected into the pane could send the ward's data elsewhere.
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Origins of Office on the web (Excel Online, Microsoft 365, SharePoint-hosted workbooks). */
const OFFICE_ORIGIN =
  /^https:\/\/([a-z0-9-]+\.)*(officeapps\.live\.com|office\.com|office365\.com|sharepoint\.com|cloud\.microsoft|live\.com)$/i;

/** Headers for one request: `url` is the request path, `origin` its Origin header (if any). */
function devHeaders(url, origin) {
  const headers = { 'Content-Security-Policy': CONTENT_SECURITY_POLICY };
  if (
    typeof url === 'string' &&
    url.startsWith('/assets/') &&
    typeof origin === 'string' &&
    OFFICE_ORIGIN.test(origin)
  ) {
    headers['Access-Control-Allow-Origin'] = origin;
    headers.Vary = 'Origin';
  }
  return headers;
}

module.exports = { CONTENT_SECURITY_POLICY, devHeaders };
