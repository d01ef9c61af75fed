/**
 * Guards on the Sheets host's own sources, as shared/ui/test/safety.test.ts guards the pane's: cell text is never
 * parsed as HTML or run as code, and neither the sidebar nor the server has a way to reach the network.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const SRC = join(__dirname, '../../src');
const files = ['sidebar', 'server', '.'].flatMap((dir) =>
  readdirSync(join(SRC, dir))
    .filter((name) => /\.(ts|html)$/.test(name))
    .map((name) => ({ name: `${dir}/${name}`, text: readFileSync(join(SRC, dir, name), 'utf8') })),
);

describe('Sheets host sources', () => {
  it('are found', () => {
    expect(files.map((f) => f.name)).toEqual(
      expect.arrayContaining([
        'sidebar/index.ts',
        'sidebar/sidebar.html',
        'server/index.ts',
        './protocol.ts',
      ]),
    );
  });

  it('never parse strings as HTML or code', () => {
    for (const f of files) {
      expect([f.name, f.text]).not.toEqual([
        f.name,
        expect.stringMatching(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function/),
      ]);
    }
  });

  it('reach no network: no fetch, no UrlFetchApp, no external script or stylesheet', () => {
    for (const f of files) {
      expect([f.name, f.text]).not.toEqual([
        f.name,
        expect.stringMatching(
          /\bfetch\(|XMLHttpRequest|WebSocket|UrlFetchApp|sendBeacon|<script\s+src|<link\s/,
        ),
      ]);
    }
  });
});
