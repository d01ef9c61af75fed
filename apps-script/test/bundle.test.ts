/**
 * What `npm run build:sheets` produces, tested as Apps Script will run it: Code.js parsed as an ES2020 classic
 * script and loaded into a bare vm context (no Node, no eval) with the SpreadsheetApp stand-in as its globals;
 * every menu item and every function the sidebar calls must exist at top level and reach the spreadsheet.
 */
import { parse } from 'acorn';
import type { Context } from 'node:vm';
import { sheetsBundle, loadCode, type Built } from './build';
import { createFakeSheets, type FakeSheets, type MenuItemRecord } from './fakeSheets/index';
import { MENU_FUNCTIONS, RPC_FUNCTIONS } from '../src/protocol';
import { buildTemplate } from '../../shared/src/templates/build';
import { TASKS } from '../../shared/ui/test/sampleGrids';

let built: Built;

beforeAll(() => {
  built = sheetsBundle();
}, 300_000);

function spreadsheet(): FakeSheets {
  return createFakeSheets({
    sheets: [
      { name: TASKS.name, values: TASKS.values as (string | number)[][], merges: TASKS.merges as string[] },
    ],
    htmlFiles: { sidebar: built.sidebar },
    addonName: 'Kiểm tra phụ lục CCHC',
  });
}

function menuFunctions(items: MenuItemRecord[]): string[] {
  return items.flatMap((i) =>
    i === 'separator' ? [] : 'functionName' in i ? [i.functionName] : menuFunctions(i.items),
  );
}

describe('Code.js', () => {
  it('is one ES2020 classic script: no import or export, @OnlyCurrentDoc kept', () => {
    expect(() => parse(built.code, { ecmaVersion: 2020, sourceType: 'script' })).not.toThrow();
    expect(built.code.startsWith('/** @OnlyCurrentDoc */')).toBe(true);
    expect(built.code).not.toMatch(/\brequire\(|import\.meta|\bimport\(/);
    // Nothing that fetches: a ward's data stays in its spreadsheet.
    expect(built.code).not.toMatch(/UrlFetchApp|XMLHttpRequest|\bfetch\(/);
  });

  it('declares every menu, trigger and sidebar function at top level', () => {
    const program = parse(built.code, { ecmaVersion: 2020, sourceType: 'script' });
    const declared = program.body.flatMap((n) =>
      n.type === 'FunctionDeclaration' && n.id ? [n.id.name] : [],
    );
    for (const name of ['onOpen', 'onInstall', ...MENU_FUNCTIONS, ...RPC_FUNCTIONS])
      expect(declared).toContain(name);
  });

  it('builds the add-on menu in onOpen, each item naming a function that exists', () => {
    const fake = spreadsheet();
    const code = loadCode(built.code, fake.globals());
    fake.resetLog();
    code.onOpen({ authMode: 'NONE' });
    // Before authorisation (AuthMode.NONE) only the menu may be built: nothing of the spreadsheet is touched.
    expect(new Set(fake.log)).toEqual(
      new Set([
        'SpreadsheetApp.getUi',
        'Ui.createAddonMenu',
        'Menu.addItem',
        'Menu.addSeparator',
        'Menu.addToUi',
        'Session.getActiveUserLocale',
      ]),
    );
    expect(fake.ui.menus).toHaveLength(1);
    const menu = fake.ui.menus[0];
    expect(menu.addon).toBe(true);
    const named = menuFunctions(menu.items);
    expect(named).toEqual([...MENU_FUNCTIONS]);
    for (const name of named) expect(typeof code[name]).toBe('function');
    // Vietnamese first.
    expect(menu.items[0]).toEqual({ caption: 'Mở ngăn kiểm tra', functionName: 'showSidebar' });
    // onInstall builds the same menu.
    code.onInstall({ authMode: 'FULL' });
    expect(fake.ui.menus).toHaveLength(2);
    expect(fake.ui.menus[1]).toEqual(menu);
  });

  it('shows the menu in English for a user whose Google language is English', () => {
    const fake = createFakeSheets({ sheets: [{ name: 'A', values: [] }], userLocale: 'en_GB' });
    loadCode(built.code, fake.globals()).onOpen({});
    expect(fake.ui.menus[0].items[0]).toEqual({ caption: 'Open the checker', functionName: 'showSidebar' });
  });

  it('builds the Vietnamese menu when the user’s language cannot be read', () => {
    const fake = createFakeSheets({ sheets: [{ name: 'A', values: [] }], userLocale: 'en' });
    fake.failOn('Session.getActiveUserLocale', { message: 'Exception: You do not have permission' });
    loadCode(built.code, fake.globals()).onOpen({ authMode: 'NONE' });
    expect(fake.ui.menus[0].items[0]).toEqual({ caption: 'Mở ngăn kiểm tra', functionName: 'showSidebar' });
  });

  describe('every menu item reaches the spreadsheet', () => {
    let fake: FakeSheets;
    let code: Context;
    beforeEach(() => {
      fake = spreadsheet();
      code = loadCode(built.code, fake.globals());
    });

    it.each([
      ['showSidebar', ''],
      ['menuCheckAll', 'check-all'],
      ['menuCheck', 'check'],
      ['menuInsertTasks', 'insert:tasks'],
      ['menuInsertKpis', 'insert:kpis'],
      ['menuInsertUnits', 'insert:units'],
    ])('%s opens the sidebar with command "%s"', (fn, command) => {
      code[fn]();
      expect(fake.ui.sidebars).toHaveLength(1);
      const { title, html } = fake.ui.sidebars[0];
      expect(title).toBe('Kiểm tra phụ lục CCHC');
      expect(html).toContain(`<body data-command="${command}">`);
      expect(html.length).toBe(built.sidebar.length + command.length);
    });

    it('menuClearHighlights clears the active sheet and says how many went', () => {
      code.applyHighlights(TASKS.name, [{ sheet: TASKS.name, cell: 'C8', kind: 'error' }]);
      expect(fake.snapshot().sheets[TASKS.name].conditionalRules).toHaveLength(1);
      code.menuClearHighlights();
      expect(fake.snapshot().sheets[TASKS.name].conditionalRules).toHaveLength(0);
      expect(fake.ui.toasts).toEqual([{ msg: 'Đã xóa 1 đánh dấu.', title: 'Kiểm tra phụ lục CCHC' }]);
    });
  });

  it('answers every function the sidebar calls, with JSON-safe values, by calling the spreadsheet', () => {
    const fake = spreadsheet();
    const code = loadCode(built.code, fake.globals());
    const template = buildTemplate(['units'], {
      lang: 'vi',
      year: 2026,
      unit: 'Phường 5',
      exampleTargets: false,
    });
    const calls: Record<(typeof RPC_FUNCTIONS)[number], unknown[]> = {
      readSheet: ['sheet'],
      readWorkbook: [],
      applyHighlights: [TASKS.name, [{ sheet: TASKS.name, cell: 'C8', kind: 'error' }]],
      applyWorkbookHighlights: [[TASKS.name], [{ sheet: TASKS.name, cell: 'C9', kind: 'missed' }]],
      clearHighlights: [null],
      activeSheetName: [],
      insertTemplate: [JSON.parse(JSON.stringify(template))],
      selectCell: [TASKS.name, 'B7'],
    };
    for (const name of RPC_FUNCTIONS) {
      fake.resetLog();
      const result = code[name](...calls[name]);
      expect([name, fake.count()]).toEqual([name, expect.any(Number)]);
      expect(fake.count()).toBeGreaterThan(0);
      // google.script.run carries JSON; a Date or a function in the answer would fail the call.
      if (result !== undefined) expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    }
    const snap = fake.snapshot();
    expect(Object.keys(snap.sheets)).toEqual([TASKS.name, 'Đơn vị']);
    expect(snap.activeSheet).toBe(TASKS.name);
    expect(snap.sheets[TASKS.name].selection).toBe('B7');
  });
});

describe('sidebar.html', () => {
  it('is one self-contained page: the pane inlined, nothing loaded from anywhere', () => {
    expect(built.sidebar).toMatch(/^<!doctype html>/i);
    expect(built.sidebar).toContain('<body data-command="">');
    expect(built.sidebar).toContain('id="check-form"');
    expect(built.sidebar).not.toMatch(
      /<script[^>]+src=|<link[^>]+href=|@import|url\(\s*['"]?(https?:)?\/\//i,
    );
    // No way to reach the network in the bundle (zod names JSON-schema URLs as strings, which is harmless).
    expect(built.sidebar).not.toMatch(
      /\bfetch\(|XMLHttpRequest|WebSocket|sendBeacon|EventSource|importScripts/,
    );
    const scripts = built.sidebar.match(/<script>/g) ?? [];
    expect(scripts).toHaveLength(1);
    // The bundle cannot close its own script element early.
    const body = built.sidebar.slice(
      built.sidebar.indexOf('<script>') + 8,
      built.sidebar.lastIndexOf('</script>'),
    );
    expect(body).not.toMatch(/<\/script/i);
    expect(body.length).toBeGreaterThan(50_000);
  });

  it('is the only HTML file, beside Code.js and the manifest', () => {
    const { readdirSync } = jest.requireActual<typeof import('node:fs')>('node:fs');
    expect(readdirSync(built.dir).sort()).toEqual(['Code.js', 'appsscript.json', 'sidebar.html']);
  });
});

describe('appsscript.json', () => {
  it('runs on V8 with exactly the two narrowest scopes that work', () => {
    const manifest = JSON.parse(built.manifest);
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.oauthScopes).toEqual([
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      'https://www.googleapis.com/auth/script.container.ui',
    ]);
    expect(manifest.timeZone).toBe('Asia/Ho_Chi_Minh');
  });
});
