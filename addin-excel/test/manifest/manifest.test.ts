/**
 * Offline checks of manifest.xml, the icons and the build's origin setting: what Office would reject or
 * silently ignore (a resid that resolves nowhere, a wrong icon size, an http URL, a missing en-US string)
 * fails here instead of at sideloading. `npm run validate:manifest` asks Microsoft's online service too.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { REQUIREMENTS } from '../../src/host/excelHost';
import { DEV_ORIGIN, parseOrigin, substituteOrigin } from '../../scripts/manifest-origin';
import {
  ASSETS_DIR,
  ICON_SIZES,
  PNG_SIGNATURE,
  crc32,
  iconFileName,
  iconLayers,
  render,
  type IconName,
} from '../../scripts/make-icons';

const ROOT = path.join(__dirname, '..', '..', '..');
const MANIFEST_XML = readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');

/** An element: its attributes under '@_name', its text under '#text', its child elements as arrays. */
type XNode = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  alwaysCreateTextNode: true,
  parseTagValue: false,
  parseAttributeValue: false,
  // Every element is an array, so a repeated element never changes the shape the checks walk.
  isArray: (_name, _jpath, _isLeaf, isAttribute) => !isAttribute,
});

function parse(xml: string): XNode {
  return parser.parse(xml) as XNode;
}

function kids(node: XNode, name: string): XNode[] {
  const value = node[name];
  return Array.isArray(value) ? (value as XNode[]) : [];
}

function one(node: XNode, name: string): XNode {
  const list = kids(node, name);
  if (list.length !== 1) throw new Error(`expected one <${name}>, found ${list.length}`);
  return list[0];
}

function at(node: XNode, ...names: string[]): XNode {
  return names.reduce(one, node);
}

function attr(node: XNode, name: string): string | undefined {
  const value = node[`@_${name}`];
  return typeof value === 'string' ? value : undefined;
}

function text(node: XNode): string {
  const value = node['#text'];
  return typeof value === 'string' ? value : '';
}

function elementNames(node: XNode): string[] {
  return Object.keys(node).filter((k) => !k.startsWith('@_') && k !== '#text');
}

/** Calls `visit` for every element below `node`, with the name of the element and of its parent. */
function walk(
  node: XNode,
  visit: (name: string, element: XNode, parent: string) => void,
  parentName = '',
): void {
  for (const name of elementNames(node)) {
    for (const child of kids(node, name)) {
      visit(name, child, parentName);
      walk(child, visit, name);
    }
  }
}

function enUsOverride(node: XNode, prefix = ''): string | undefined {
  const overrides = kids(node, `${prefix}Override`).filter(
    (o) => attr(o, 'Locale')?.toLowerCase() === 'en-us',
  );
  return overrides.length === 1 ? attr(overrides[0], 'Value') : undefined;
}

const doc = parse(MANIFEST_XML);
const app = one(doc, 'OfficeApp');
const overrides = one(app, 'VersionOverrides');
const resources = one(overrides, 'Resources');
const workbookHost = one(one(overrides, 'Hosts'), 'Host');
const formFactor = one(workbookHost, 'DesktopFormFactor');
const group = at(formFactor, 'ExtensionPoint', 'OfficeTab', 'Group');

type ResourceKind = 'bt:Images' | 'bt:Urls' | 'bt:ShortStrings' | 'bt:LongStrings';
const ENTRY: Record<ResourceKind, string> = {
  'bt:Images': 'bt:Image',
  'bt:Urls': 'bt:Url',
  'bt:ShortStrings': 'bt:String',
  'bt:LongStrings': 'bt:String',
};

function resourceTable(kind: ResourceKind): Map<string, XNode> {
  const table = new Map<string, XNode>();
  for (const entry of kids(one(resources, kind), ENTRY[kind])) {
    const id = attr(entry, 'id') ?? '';
    if (table.has(id)) throw new Error(`resource id "${id}" is declared twice in ${kind}`);
    table.set(id, entry);
  }
  return table;
}

const images = resourceTable('bt:Images');
const urls = resourceTable('bt:Urls');
const shortStrings = resourceTable('bt:ShortStrings');
const longStrings = resourceTable('bt:LongStrings');

function resolve(kind: ResourceKind, resid: string | undefined): XNode {
  const table = {
    'bt:Images': images,
    'bt:Urls': urls,
    'bt:ShortStrings': shortStrings,
    'bt:LongStrings': longStrings,
  }[kind];
  const entry = resid === undefined ? undefined : table.get(resid);
  if (!entry) throw new Error(`resid "${resid}" is not in ${kind}`);
  return entry;
}

function stringValue(node: XNode, kind: 'bt:ShortStrings' | 'bt:LongStrings'): string {
  return attr(resolve(kind, attr(node, 'resid')), 'DefaultValue') ?? '';
}

function itemsOf(control: XNode): XNode[] {
  return kids(control, 'Items').flatMap((items) => kids(items, 'Item'));
}

/** Every control the ribbon shows: the group, its buttons and menu, and the menu's items. */
function controls(): XNode[] {
  return [group, ...kids(group, 'Control').flatMap((control) => [control, ...itemsOf(control)])];
}

function executeFunctions(): string[] {
  const names: string[] = [];
  walk(overrides, (name, element) => {
    if (name === 'Action' && attr(element, 'xsi:type') === 'ExecuteFunction') {
      names.push(text(one(element, 'FunctionName')));
    }
  });
  return names;
}

/** Every absolute URL in the manifest's attributes and text, namespaces and comments aside. */
function urlsIn(xml: string): string[] {
  const withoutComments = xml.replace(/<!--[\s\S]*?-->/g, '');
  const withoutNamespaces = withoutComments.replace(/\sxmlns(:\w+)?="[^"]*"/g, '');
  return [...withoutNamespaces.matchAll(/[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]*/gi)].map((m) => m[0]);
}

interface Png {
  width: number;
  height: number;
  rgba: Uint8Array;
}

/** Decodes the PNGs make-icons writes (8-bit RGBA, filter 0), checking signature and every chunk's CRC. */
function readPng(file: string): Png {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  let offset = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  const types: string[] = [];
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    expect(bytes.readUInt32BE(offset + 8 + length)).toBe(
      crc32(bytes.subarray(offset + 4, offset + 8 + length)),
    );
    types.push(type);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect([...data.subarray(8)]).toEqual([8, 6, 0, 0, 0]);
    }
    if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  expect(types[0]).toBe('IHDR');
  expect(types[types.length - 1]).toBe('IEND');
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  expect(raw.length).toBe((stride + 1) * height);
  const rgba = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    expect(raw[y * (stride + 1)]).toBe(0);
    rgba.set(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)), y * stride);
  }
  return { width, height, rgba };
}

function assetFile(url: string): string {
  expect(url.startsWith(`${DEV_ORIGIN}/assets/`)).toBe(true);
  return path.join(ASSETS_DIR, url.slice(`${DEV_ORIGIN}/assets/`.length));
}

describe('manifest.xml', () => {
  test('is well-formed XML with the add-in only manifest root', () => {
    expect(XMLValidator.validate(MANIFEST_XML)).toBe(true);
    expect(attr(app, 'xmlns')).toBe('http://schemas.microsoft.com/office/appforoffice/1.1');
    expect(attr(app, 'xsi:type')).toBe('TaskPaneApp');
  });

  test('has the base elements in the order the schema requires', () => {
    expect(elementNames(app)).toEqual([
      'Id',
      'Version',
      'ProviderName',
      'DefaultLocale',
      'DisplayName',
      'Description',
      'IconUrl',
      'HighResolutionIconUrl',
      'SupportUrl',
      'Hosts',
      'Requirements',
      'DefaultSettings',
      'Permissions',
      'VersionOverrides',
    ]);
  });

  test('identifies the add-in: fixed GUID, four-part version of package.json, provider, locale', () => {
    expect(text(one(app, 'Id'))).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const version = text(one(app, 'Version'));
    expect(version).toMatch(/^\d{1,5}(\.\d{1,5}){3}$/);
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(version).toBe(`${pkg.version}.0`);
    expect(text(one(app, 'ProviderName')).length).toBeGreaterThan(0);
    expect(text(one(app, 'DefaultLocale'))).toBe('vi-VN');
  });

  test('names and describes itself in Vietnamese with en-US overrides, within the schema lengths', () => {
    for (const [name, max] of [
      ['DisplayName', 125],
      ['Description', 250],
    ] as const) {
      const element = one(app, name);
      const vi = attr(element, 'DefaultValue') ?? '';
      const en = enUsOverride(element) ?? '';
      expect(vi.length).toBeGreaterThan(0);
      expect(en.length).toBeGreaterThan(0);
      expect(en).not.toBe(vi);
      expect(vi.length).toBeLessThanOrEqual(max);
      expect(en.length).toBeLessThanOrEqual(max);
    }
  });

  test("runs in Excel with a shared runtime and the adapter's ExcelApi, asking for read/write access only", () => {
    expect(kids(one(app, 'Hosts'), 'Host').map((h) => attr(h, 'Name'))).toEqual(['Workbook']);
    const sets = new Map(
      kids(at(app, 'Requirements', 'Sets'), 'Set').map((s) => [attr(s, 'Name'), attr(s, 'MinVersion')]),
    );
    expect(sets.get('SharedRuntime')).toBe('1.1');
    // Exactly the highest ExcelApi the adapter cannot do without; it degrades on its own below the others.
    const minor = (version: string | undefined) => Number(version?.split('.')[1]);
    const needed = Math.max(
      ...REQUIREMENTS.filter((r) => r.without === 'fails').map((r) => minor(r.version)),
    );
    expect(sets.get('ExcelApi')).toBe(`1.${needed}`);
    expect(attr(at(app, 'DefaultSettings', 'SourceLocation'), 'DefaultValue')).toBe(
      `${DEV_ORIGIN}/taskpane.html`,
    );
    expect(text(one(app, 'Permissions'))).toBe('ReadWriteDocument');
    expect(kids(app, 'AppDomains')).toEqual([]);
  });

  test('declares one long-lived runtime on taskpane.html, used by the commands and the pane', () => {
    expect(attr(overrides, 'xmlns')).toBe('http://schemas.microsoft.com/office/taskpaneappversionoverrides');
    expect(attr(overrides, 'xsi:type')).toBe('VersionOverridesV1_0');
    expect(attr(workbookHost, 'xsi:type')).toBe('Workbook');
    // The shared runtime docs: <Runtimes> first in the host.
    expect(elementNames(workbookHost)).toEqual(['Runtimes', 'DesktopFormFactor']);
    const runtime = at(workbookHost, 'Runtimes', 'Runtime');
    expect(attr(runtime, 'lifetime')).toBe('long');
    const runtimeUrl = attr(runtime, 'resid');
    expect(attr(resolve('bt:Urls', runtimeUrl), 'DefaultValue')).toBe(`${DEV_ORIGIN}/taskpane.html`);
    expect(elementNames(formFactor)).toEqual(['GetStarted', 'FunctionFile', 'ExtensionPoint']);
    expect(attr(one(formFactor, 'FunctionFile'), 'resid')).toBe(runtimeUrl);
    walk(overrides, (name, element) => {
      if (name === 'Action' && attr(element, 'xsi:type') === 'ShowTaskpane') {
        expect(attr(one(element, 'SourceLocation'), 'resid')).toBe(runtimeUrl);
        expect(text(one(element, 'TaskpaneId')).length).toBeGreaterThan(0);
      }
    });
  });

  test('puts the CCHC group on the Home tab: check, open the pane, and the "Chèn mẫu" menu', () => {
    expect(attr(at(formFactor, 'ExtensionPoint'), 'xsi:type')).toBe('PrimaryCommandSurface');
    expect(attr(at(formFactor, 'ExtensionPoint', 'OfficeTab'), 'id')).toBe('TabHome');
    expect(stringValue(one(group, 'Label'), 'bt:ShortStrings')).toBe('CCHC');

    const byType = (type: string) => kids(group, 'Control').filter((c) => attr(c, 'xsi:type') === type);
    const actionOf = (control: XNode) => one(control, 'Action');
    const buttons = byType('Button');
    expect(buttons).toHaveLength(2);
    const validate = buttons.find((b) => attr(actionOf(b), 'xsi:type') === 'ExecuteFunction');
    expect(text(one(actionOf(validate ?? {}), 'FunctionName'))).toBe('validateSheet');
    expect(buttons.filter((b) => attr(actionOf(b), 'xsi:type') === 'ShowTaskpane')).toHaveLength(1);

    const [menu] = byType('Menu');
    expect(byType('Menu')).toHaveLength(1);
    expect(stringValue(one(menu, 'Label'), 'bt:ShortStrings')).toBe('Chèn mẫu');
    const items = itemsOf(menu);
    expect(items.map((i) => attr(actionOf(i), 'xsi:type'))).toEqual([
      'ExecuteFunction',
      'ExecuteFunction',
      'ExecuteFunction',
    ]);
    expect(items.map((i) => text(one(actionOf(i), 'FunctionName')))).toEqual([
      'insertTasks',
      'insertKpis',
      'insertUnits',
    ]);

    expect(executeFunctions().sort()).toEqual(['insertKpis', 'insertTasks', 'insertUnits', 'validateSheet']);
  });

  test('gives every control unique ids, a label, a supertip and 16, 32 and 80 px icons', () => {
    const unique = new Map(controls().map((element) => [attr(element, 'id') ?? '', element]));
    expect(unique.size).toBe(7); // the group, two buttons, the menu and its three items
    for (const [id, element] of unique) {
      expect(id.length).toBeGreaterThan(0);
      expect(stringValue(one(element, 'Label'), 'bt:ShortStrings').length).toBeGreaterThan(0);
      if (element !== group) {
        expect(stringValue(at(element, 'Supertip', 'Description'), 'bt:LongStrings').length).toBeGreaterThan(
          0,
        );
      }
      const sizes = kids(one(element, 'Icon'), 'bt:Image').map((i) => attr(i, 'size'));
      expect(sizes).toEqual(['16', '32', '80']);
    }
  });

  test('resolves every resid to an entry of the right resource kind, and uses every resource', () => {
    const used = new Set<string>();
    walk(overrides, (name, element, parent) => {
      const resid = attr(element, 'resid');
      if (resid === undefined) return;
      expect(resid.length).toBeLessThanOrEqual(32);
      let kind: ResourceKind;
      if (name === 'bt:Image') kind = 'bt:Images';
      else if (name === 'Label' || name === 'Title') kind = 'bt:ShortStrings';
      else if (name === 'Description' && (parent === 'Supertip' || parent === 'GetStarted'))
        kind = 'bt:LongStrings';
      else kind = 'bt:Urls';
      resolve(kind, resid);
      used.add(`${kind}#${resid}`);
    });
    const declared = [
      ...[...images.keys()].map((id) => `bt:Images#${id}`),
      ...[...urls.keys()].map((id) => `bt:Urls#${id}`),
      ...[...shortStrings.keys()].map((id) => `bt:ShortStrings#${id}`),
      ...[...longStrings.keys()].map((id) => `bt:LongStrings#${id}`),
    ];
    expect([...used].sort()).toEqual(declared.sort());
    // Ids are unique across the four tables too, so that no resid is ambiguous.
    const ids = declared.map((key) => key.slice(key.indexOf('#') + 1));
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('has an en-US override for every string, within the schema lengths', () => {
    for (const [table, max] of [
      [shortStrings, 125],
      [longStrings, 250],
    ] as const) {
      for (const [id, entry] of table) {
        const vi = attr(entry, 'DefaultValue') ?? '';
        const en = enUsOverride(entry, 'bt:') ?? '';
        expect({ id, vi: vi.length > 0, en: en.length > 0 }).toEqual({ id, vi: true, en: true });
        expect(vi.length).toBeLessThanOrEqual(max);
        expect(en.length).toBeLessThanOrEqual(max);
      }
    }
  });

  test('puts every URL on the one https origin', () => {
    const all = urlsIn(MANIFEST_XML);
    expect(all.length).toBeGreaterThan(10);
    for (const url of all) expect(url.startsWith(`${DEV_ORIGIN}/`)).toBe(true);
  });

  test('points every image URL at a PNG in addin-excel/assets of the declared pixel size', () => {
    const expected = new Map<string, number>([
      [attr(one(app, 'IconUrl'), 'DefaultValue') ?? '', 32],
      [attr(one(app, 'HighResolutionIconUrl'), 'DefaultValue') ?? '', 64],
    ]);
    walk(overrides, (name, element) => {
      if (name !== 'bt:Image' || attr(element, 'size') === undefined) return;
      const url = attr(resolve('bt:Images', attr(element, 'resid')), 'DefaultValue') ?? '';
      const size = Number(attr(element, 'size'));
      expect(expected.get(url) ?? size).toBe(size);
      expected.set(url, size);
    });
    for (const [url, size] of expected) {
      const file = assetFile(url);
      expect(existsSync(file)).toBe(true);
      const png = readPng(file);
      expect([path.basename(file), png.width, png.height]).toEqual([path.basename(file), size, size]);
    }
    // Every icon drawn is used, and nothing else waits in the folder.
    const pngs = readdirSync(ASSETS_DIR).filter((f) => f.endsWith('.png'));
    expect([...expected.keys()].map((u) => path.basename(u)).sort()).toEqual(pngs.sort());
  });

  test('links its help page, which the build copies from addin-excel/assets', () => {
    const support = attr(one(app, 'SupportUrl'), 'DefaultValue') ?? '';
    expect(existsSync(assetFile(support))).toBe(true);
  });

  test('names only commands that the task pane registers', () => {
    const sourceDir = path.join(ROOT, 'addin-excel', 'src');
    const sources = readdirSync(sourceDir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .map((f) => readFileSync(path.join(sourceDir, f), 'utf8'))
      .join('\n');
    expect(sources).toContain('Office.actions.associate');
    for (const name of executeFunctions())
      expect({ name, found: new RegExp(`\\b${name}\\b`).test(sources) }).toEqual({ name, found: true });
  });
});

describe('icons', () => {
  test.each(
    (Object.keys(ICON_SIZES) as IconName[]).flatMap((name) =>
      ICON_SIZES[name].map((size) => [name, size] as const),
    ),
  )('%s at %i px is what make-icons draws (run `npm run icons:addin` after changing it)', (name, size) => {
    const png = readPng(path.join(ASSETS_DIR, iconFileName(name, size)));
    expect([png.width, png.height]).toEqual([size, size]);
    expect(Buffer.from(png.rgba).equals(Buffer.from(render(iconLayers(name, size), size)))).toBe(true);
  });

  test('are opaque inside the tile and transparent in the corners', () => {
    const { rgba, width } = readPng(path.join(ASSETS_DIR, iconFileName('icon', 32)));
    const alpha = (x: number, y: number) => rgba[(y * width + x) * 4 + 3];
    expect(alpha(16, 16)).toBe(255);
    expect(alpha(0, 0)).toBe(0);
    expect(alpha(31, 31)).toBe(0);
  });
});

describe('origin substitution (ADDIN_ORIGIN)', () => {
  const PROD = 'https://example.org/cchc';

  test('replaces every occurrence of the development origin, leaving a valid manifest', () => {
    const out = substituteOrigin(MANIFEST_XML, `${PROD}/`);
    expect(out).not.toContain('localhost');
    expect(out.split(PROD).length).toBe(MANIFEST_XML.split(DEV_ORIGIN).length);
    expect(XMLValidator.validate(out)).toBe(true);
    for (const url of urlsIn(out)) expect(url.startsWith(`${PROD}/`)).toBe(true);
    const prodApp = one(parse(out), 'OfficeApp');
    expect(attr(at(prodApp, 'DefaultSettings', 'SourceLocation'), 'DefaultValue')).toBe(
      `${PROD}/taskpane.html`,
    );
  });

  test('keeps the development origin when none is given', () => {
    expect(parseOrigin(undefined)).toBe(DEV_ORIGIN);
    expect(parseOrigin('  ')).toBe(DEV_ORIGIN);
    expect(substituteOrigin(MANIFEST_XML, undefined)).toBe(MANIFEST_XML);
  });

  test('normalises an origin to no trailing slash, with or without a path', () => {
    expect(parseOrigin('https://Example.org/')).toBe('https://example.org');
    expect(parseOrigin('https://example.org:8443/a/b//')).toBe('https://example.org:8443/a/b');
  });

  test.each([
    ['http://example.org/cchc', /https/],
    ['example.org/cchc', /not a URL/],
    ['ftp://example.org', /https/],
    ['https://user:secret@example.org', /without user/],
    ['https://example.org/cchc?v=1', /without user, query/],
    ['https://example.org/cchc#x', /without user, query or #/],
    ['https://example.org/a&b', /path may use only/],
    ['https://example.org/a%22b', /path may use only/],
  ])('rejects %s', (origin, message) => {
    expect(() => parseOrigin(origin)).toThrow(message);
    expect(() => substituteOrigin(MANIFEST_XML, origin)).toThrow(message);
  });

  test('refuses a manifest whose URLs are not on the development origin', () => {
    expect(() => substituteOrigin('<OfficeApp/>', PROD)).toThrow(/no https:\/\/localhost:3000/);
  });
});

describe('webpack.config.js', () => {
  interface CopyPattern {
    from: string;
    to?: string;
    context?: string;
    transform?: { transformer: (content: Buffer, file: string) => string };
  }
  interface Config {
    plugins: { constructor: { name: string }; patterns?: CopyPattern[] }[];
    devServer: {
      port: number;
      headers: (req: { url: string; headers: { origin?: string } }) => Record<string, string>;
      server: { type: string };
    };
    output: { path: string };
    name: string;
  }
  type ConfigFn = (env: Record<string, unknown>, argv: { mode?: string }) => Promise<Config[]>;
  const loadConfig = createRequire(__filename)(path.join(ROOT, 'webpack.config.js')) as ConfigFn;

  async function configFor(origin: string | undefined): Promise<Config> {
    const saved = process.env.ADDIN_ORIGIN;
    if (origin === undefined) delete process.env.ADDIN_ORIGIN;
    else process.env.ADDIN_ORIGIN = origin;
    try {
      // One configuration per host; the add-in's is the one named "addin".
      const configs = await loadConfig({ WEBPACK_BUILD: true }, { mode: 'production' });
      const addin = configs.find((c) => c.name === 'addin');
      if (!addin) throw new Error('webpack.config.js has no "addin" configuration');
      return addin;
    } finally {
      if (saved === undefined) delete process.env.ADDIN_ORIGIN;
      else process.env.ADDIN_ORIGIN = saved;
    }
  }

  function copyPatterns(config: Config): CopyPattern[] {
    return config.plugins.flatMap((p) => p.patterns ?? []);
  }

  test('writes the manifest with ADDIN_ORIGIN substituted', async () => {
    const config = await configFor('https://example.org/cchc');
    expect(config.output.path).toBe(path.join(ROOT, 'dist', 'addin'));
    const manifest = copyPatterns(config).find((p) => p.to === 'manifest.xml');
    const out = manifest?.transform?.transformer(Buffer.from(MANIFEST_XML), 'manifest.xml') ?? '';
    expect(out).toContain('<SourceLocation DefaultValue="https://example.org/cchc/taskpane.html"/>');
    expect(out).not.toContain(DEV_ORIGIN);
  });

  test('refuses to start with an http origin', async () => {
    await expect(configFor('http://example.org')).rejects.toThrow(/https/);
  });

  test('copies only office.js files that exist, office.js first, for the HTML that loads office-js/office.js', async () => {
    const config = await configFor(undefined);
    const office = copyPatterns(config).filter((p) => p.to?.startsWith('office-js/'));
    expect(office[0].from).toBe('office.js');
    for (const p of office) expect(existsSync(path.join(p.context ?? '', p.from))).toBe(true);
    const html = readFileSync(path.join(ROOT, 'addin-excel', 'src', 'taskpane', 'taskpane.html'), 'utf8');
    expect(html).toContain('src="office-js/office.js"');
  });

  test('serves https on the manifest port with the content security policy', async () => {
    const { devServer } = await configFor(undefined);
    expect(devServer.port).toBe(Number(new URL(DEV_ORIGIN).port));
    expect(devServer.server.type).toBe('https');
    const pane = devServer.headers({
      url: '/taskpane.html',
      headers: { origin: 'https://excel.officeapps.live.com' },
    });
    expect(pane).toEqual({
      'Content-Security-Policy':
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'",
    });
  });

  test('allows CORS only for the ribbon icons, and only to Office on the web, never to any origin', async () => {
    const { devServer } = await configFor(undefined);
    const icon = (origin?: string) => devServer.headers({ url: '/assets/icon-32.png', headers: { origin } });
    expect(icon('https://excel.officeapps.live.com')['Access-Control-Allow-Origin']).toBe(
      'https://excel.officeapps.live.com',
    );
    expect(icon('https://evil.example')['Access-Control-Allow-Origin']).toBeUndefined();
    expect(icon('https://officeapps.live.com.evil.example')['Access-Control-Allow-Origin']).toBeUndefined();
    expect(icon(undefined)['Access-Control-Allow-Origin']).toBeUndefined();
    const data = devServer.headers({
      url: '/taskpane.js',
      headers: { origin: 'https://excel.officeapps.live.com' },
    });
    expect(data['Access-Control-Allow-Origin']).toBeUndefined();
    for (const h of [icon('https://x.sharepoint.com'), data]) expect(Object.values(h)).not.toContain('*');
  });
});
