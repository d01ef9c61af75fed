/**
 * Guards on the pane's sources: cell text is never parsed as HTML, nothing is fetched from another origin, and
 * the markup has no script, inline style or inline handler (each host's page adds its own policy).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(__dirname, '..');
const files = readdirSync(dir)
  .filter((name) => /\.(ts|html|css)$/.test(name))
  .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
const html = readFileSync(join(dir, 'pane.html'), 'utf8');

describe('shared pane sources', () => {
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

  it('hold no script, inline style or inline handler in the markup', () => {
    expect(html).not.toMatch(/<script|<link|\sstyle=|<style|\son[a-z]+=/i);
  });
});
