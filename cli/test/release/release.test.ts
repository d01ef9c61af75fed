/**
 * `npm run release` as a province's IT staff would use it: the folder it writes, its checksums and manifest, and
 * the command line installed from the tarball alone into an empty prefix (no network: `--offline`, and the
 * package has nothing to fetch), run from another folder on the bundled sample, as the repository's CLI runs it.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { unzipSync } from 'fflate';
import { VERSION } from '../../../shared/src/version';
import { testBundle } from '../../../shared/ui/test/testBundles';
import { CCHC, ensureBuilt, ROOT } from '../built';

const ORIGIN = 'https://cchc.example.org/phu-luc';
const SAMPLE = join(ROOT, 'cli/sample/phu-luc-mau.xlsx');
const TARBALL = `cchc-appendix-${VERSION}.tgz`;

function files(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}

const sizeOf = (dir: string) => files(dir).reduce((n, f) => n + statSync(join(dir, f)).size, 0);

function release(...args: string[]) {
  return spawnSync('npm', ['run', '-s', 'release', '--', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 600_000,
  });
}

describe('npm run release', () => {
  let tmp = '';
  let out = '';
  let seconds = 0;

  let bundles = { web: '', sheets: '' };
  beforeAll(() => {
    // The compiled CLI up to date first (under the tests' build lock), so the release's own build changes nothing.
    ensureBuilt();
    tmp = mkdtempSync(join(tmpdir(), 'cchc-release-test-'));
    out = join(tmp, 'release');
    const started = Date.now();
    const run = release('--origin', `${ORIGIN}/`, '--out', out);
    seconds = (Date.now() - started) / 1000;
    if (run.status !== 0) throw new Error(`release failed (${run.status}):\n${run.stdout}\n${run.stderr}`);
    console.info(`npm run release: ${seconds.toFixed(0)} s; ${run.stdout.trim().split('\n').at(-1)}`);
    // The tests' own build of the same configurations, to compare with (waited for here, not in a test).
    bundles = { web: testBundle('web'), sheets: testBundle('sheets') };
  }, 660_000);

  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('writes the page, the Sheets files, the add-in, the tarball, a note and the checksums', () => {
    const all = files(out);
    for (const f of [
      'cchc.html',
      'sheets/Code.js',
      'sheets/sidebar.html',
      'sheets/appsscript.json',
      'sheets/INSTALL.md',
      'addin/manifest.xml',
      'addin/taskpane.html',
      'addin/taskpane.css',
      'addin/INSTALL.md',
      TARBALL,
      'RELEASE.md',
      'SHA256SUMS',
    ])
      expect(all).toContain(f);
    expect(all.some((f) => /^addin\/taskpane\.[0-9a-f]{8}\.js$/.test(f))).toBe(true);
    expect(all.some((f) => f.startsWith('addin/office-js/'))).toBe(true);
    const note = readFileSync(join(out, 'RELEASE.md'), 'utf8');
    expect(note).toContain(`# cchc-appendix ${VERSION} (`);
    expect(note).toContain(`npm install -g ${TARBALL}`);
    expect(readFileSync(join(out, 'addin/INSTALL.md'), 'utf8')).toContain(`${ORIGIN}/taskpane.html`);
  });

  it('has the same page and sidebar as npm run build:web and build:sheets', () => {
    // The tests' own build of the same configurations (as those scripts make them), a separate webpack run.
    const { web, sheets } = bundles;
    expect(readFileSync(join(out, 'cchc.html')).equals(readFileSync(join(web, 'cchc.html')))).toBe(true);
    for (const f of ['Code.js', 'sidebar.html', 'appsscript.json'])
      expect(readFileSync(join(out, 'sheets', f)).equals(readFileSync(join(sheets, f)))).toBe(true);
  });

  it('points every URL of the manifest at the origin, none at localhost', () => {
    const xml = readFileSync(join(out, 'addin/manifest.xml'), 'utf8');
    expect(xml).not.toMatch(/localhost|127\.0\.0\.1/);
    const urls = [...xml.matchAll(/DefaultValue="(https?:\/\/[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(10);
    expect(urls.filter((u) => !u.startsWith(`${ORIGIN}/`))).toEqual([]);
    // Each URL names a file the release holds.
    const held = new Set(files(join(out, 'addin')));
    expect(urls.map((u) => u.slice(ORIGIN.length + 1)).filter((f) => !held.has(f))).toEqual([]);
  });

  it('lists every file with its SHA-256, as sha256sum -c reads it', () => {
    const lines = readFileSync(join(out, 'SHA256SUMS'), 'utf8').trim().split('\n');
    const listed = lines.map((l) => {
      const m = /^([0-9a-f]{64}) {2}(.+)$/.exec(l);
      if (!m) throw new Error(`not a checksum line: ${l}`);
      return [m[2], m[1]];
    });
    expect(listed.map(([f]) => f)).toEqual(files(out).filter((f) => f !== 'SHA256SUMS'));
    for (const [f, hash] of listed)
      expect([
        f,
        createHash('sha256')
          .update(readFileSync(join(out, f)))
          .digest('hex'),
      ]).toEqual([f, hash]);
    const check = spawnSync('sha256sum', ['-c', '--quiet', 'SHA256SUMS'], { cwd: out, encoding: 'utf8' });
    if (!check.error) expect(check.status).toBe(0);
  });

  it('installs offline into an empty prefix and runs cchc from any folder as the repository’s does', () => {
    const prefix = join(tmp, 'prefix');
    const elsewhere = join(tmp, 'phuong-5');
    mkdirSync(prefix);
    mkdirSync(join(elsewhere, 'ho-so'), { recursive: true });
    const install = spawnSync(
      'npm',
      ['install', '-g', '--offline', '--no-audit', '--no-fund', '--prefix', prefix, join(out, TARBALL)],
      { cwd: elsewhere, encoding: 'utf8', timeout: 120_000 },
    );
    expect([install.status, install.stderr]).toEqual([0, expect.any(String)]);
    const installed = join(prefix, 'lib/node_modules/cchc-appendix');
    // Nothing but our package: the command line needs no dependency at run time.
    expect(readdirSync(join(prefix, 'lib/node_modules'))).toEqual(['cchc-appendix']);
    const bytes = sizeOf(installed);
    console.info(
      `installed command line: ${(bytes / 1e6).toFixed(1)} MB; tarball ${(statSync(join(out, TARBALL)).size / 1e6).toFixed(2)} MB`,
    );
    expect(bytes).toBeLessThan(15e6);

    const cchc = (...args: string[]) =>
      spawnSync(join(prefix, 'bin/cchc'), args, { cwd: elsewhere, encoding: 'utf8', timeout: 120_000 });
    expect(cchc('--version').stdout).toBe(`cchc-appendix ${VERSION}\n`);

    copyFileSync(SAMPLE, join(elsewhere, 'phu-luc-mau.xlsx'));
    const args = ['validate', 'phu-luc-mau.xlsx', '--as-of', '2025-10-15', '--format', 'json'];
    const ours = cchc(...args);
    const repo = spawnSync(process.execPath, [CCHC, ...args], { cwd: elsewhere, encoding: 'utf8' });
    // The sample has deliberate errors: exit 1, as the repository's CLI says.
    expect([ours.status, repo.status]).toEqual([1, 1]);
    expect(ours.stdout).toBe(repo.stdout);
    expect(JSON.parse(ours.stdout).sheets.length).toBe(2);

    // A province's inbox: two wards' files, one summary workbook (the batch runs on worker threads).
    copyFileSync(SAMPLE, join(elsewhere, 'ho-so', 'phuong-1.xlsx'));
    copyFileSync(SAMPLE, join(elsewhere, 'ho-so', 'phuong-2.xlsx'));
    const sum = (run: (...a: string[]) => ReturnType<typeof spawnSync>, name: string) => {
      const r = run('summary', 'ho-so', '--as-of', '2025-10-15', '--out', name);
      return { status: r.status, stdout: String(r.stdout).split(name).join('…'), stderr: String(r.stderr) };
    };
    const repoRun = (...a: string[]) =>
      spawnSync(process.execPath, [CCHC, ...a], { cwd: elsewhere, encoding: 'utf8' });
    const summary = sum(cchc, 'tong-hop.xlsx');
    expect(summary).toEqual(sum(repoRun, 'tong-hop-repo.xlsx'));
    expect(summary.stdout).toContain('Đã ghi');
    const parts = unzipSync(new Uint8Array(readFileSync(join(elsewhere, 'tong-hop.xlsx'))));
    expect(Object.keys(parts)).toContain('xl/workbook.xml');

    // The bundled sample is in the package too.
    const demo = cchc('demo');
    expect(demo.status).toBe(0);
  });

  it('refuses an origin Office would not load, or one on this machine, in one line', () => {
    for (const origin of ['http://cchc.example.org/', 'https://localhost:3000', 'not a url']) {
      const run = release('--origin', origin, '--out', join(tmp, 'never'));
      expect(run.status).not.toBe(0);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(/^release: /);
    }
    expect(() => statSync(join(tmp, 'never'))).toThrow();
  });

  it('never writes into a folder that holds something', () => {
    const run = release('--origin', ORIGIN, '--out', out);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('is not empty');
  });
});
