/**
 * The Excel task pane's own page (the shell around the shared pane's markup): the strict Content-Security-Policy
 * the product promises, office.js from the add-in's own origin, and no other script.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(__dirname, '../../src/taskpane');
const html = readFileSync(join(dir, 'taskpane.html'), 'utf8');

describe('Excel task pane page', () => {
  it('set the strict CSP first and load office.js from the own origin, before any other script', () => {
    const csp = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
    expect(csp?.[1]).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'",
    );
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts).toEqual(['<script src="office-js/office.js">']);
    expect(html).toContain('<link rel="stylesheet" href="taskpane.css" />');
    expect(html).not.toMatch(/\sstyle=|<style|\son[a-z]+=/i);
    // The shared markup goes in at build time (webpack.config.js).
    expect(html).toContain('<%= paneBody %>');
  });

  it('has host code that never parses strings as HTML and names no other origin', () => {
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
      const text = readFileSync(join(dir, name), 'utf8');
      expect([name, text]).not.toEqual([name, expect.stringMatching(/innerHTML|outerHTML|\beval\(/)]);
      expect([name, text]).not.toEqual([name, expect.stringMatching(/https?:\/\//)]);
    }
  });
});
