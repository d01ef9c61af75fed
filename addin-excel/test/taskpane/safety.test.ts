/**
 * Guards on the pane's sources: cell text is never parsed as HTML, nothing is fetched from another origin, and
 * the page's Content-Security-Policy is the strict one the product promises.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(__dirname, '../../src/taskpane');
const files = readdirSync(dir).map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
const html = readFileSync(join(dir, 'taskpane.html'), 'utf8');

describe('task pane sources', () => {
  it('never parse strings as HTML or code', () => {
    for (const f of files.filter((x) => x.name.endsWith('.ts'))) {
      expect([f.name, f.text]).not.toEqual([f.name, expect.stringMatching(/innerHTML|outerHTML/)]);
      expect([f.name, f.text]).not.toEqual([
        f.name,
        expect.stringMatching(
          /insertAdjacentHTML|document\.write|\beval\(|new Function|createContextualFragment/,
        ),
      ]);
    }
  });

  it('name no other origin', () => {
    for (const f of files) {
      expect([f.name, f.text]).not.toEqual([
        f.name,
        expect.stringMatching(/https?:\/\/|\/\/[a-z0-9.-]+\.[a-z]{2,}\//i),
      ]);
      expect([f.name, f.text]).not.toEqual([
        f.name,
        expect.stringMatching(/\bfetch\(|XMLHttpRequest|WebSocket/),
      ]);
    }
  });

  it('set the strict CSP first and load office.js from the own origin, before any other script', () => {
    const csp = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
    expect(csp?.[1]).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'",
    );
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts).toEqual(['<script src="office-js/office.js">']);
    expect(html).toContain('<link rel="stylesheet" href="taskpane.css" />');
    expect(html).not.toMatch(/\sstyle=|<style|\son[a-z]+=/i);
  });
});
