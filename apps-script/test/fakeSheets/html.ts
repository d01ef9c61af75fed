/** HtmlService, HtmlOutput, and the spreadsheet Ui with its menus; what is shown is recorded in `ui`. */
import { instrument } from './calls';
import { type MenuRecord, Stub, exception, isInteger, signatureError, unwrap } from './context';
import { Button, ButtonSet, SandboxMode, XFrameOptionsMode, memberName } from './enums';

/** The only meta tags HtmlOutput.addMetaTag accepts. */
const META_TAGS = [
  'apple-mobile-web-app-capable',
  'google-site-verification',
  'mobile-web-app-capable',
  'viewport',
];

const outSig = (method: string) => `HtmlService.HtmlOutput.${method}`;

export class HtmlOutput extends Stub {
  readonly _kind = 'HtmlOutput';
  _content = '';
  _title = '';
  _width?: number;
  _height?: number;
  _meta: { name: string; content: string }[] = [];

  _text(x: unknown, method: string): string {
    if (typeof x !== 'string') throw signatureError(outSig(method), [x]);
    return x;
  }

  getContent(): string {
    return this._content;
  }
  setContent(content: string): HtmlOutput {
    this._content = this._text(content, 'setContent');
    return this;
  }
  append(addedContent: string): HtmlOutput {
    this._content += this._text(addedContent, 'append');
    return this;
  }
  clear(): HtmlOutput {
    this._content = '';
    return this;
  }
  getTitle(): string {
    return this._title;
  }
  setTitle(title: string): HtmlOutput {
    this._title = this._text(title, 'setTitle');
    return this;
  }
  getWidth(): number {
    return this._width ?? 0;
  }
  setWidth(width: number): HtmlOutput {
    if (!isInteger(width)) throw signatureError(outSig('setWidth'), [width]);
    this._width = width;
    return this;
  }
  getHeight(): number {
    return this._height ?? 0;
  }
  setHeight(height: number): HtmlOutput {
    if (!isInteger(height)) throw signatureError(outSig('setHeight'), [height]);
    this._height = height;
    return this;
  }
  setXFrameOptionsMode(mode: unknown): HtmlOutput {
    if (!memberName(XFrameOptionsMode, mode)) throw signatureError(outSig('setXFrameOptionsMode'), [mode]);
    return this;
  }
  setSandboxMode(mode: unknown): HtmlOutput {
    if (!memberName(SandboxMode, mode)) throw signatureError(outSig('setSandboxMode'), [mode]);
    return this;
  }
  addMetaTag(name: string, content: string): HtmlOutput {
    if (typeof name !== 'string' || typeof content !== 'string') {
      throw signatureError(outSig('addMetaTag'), [name, content]);
    }
    if (!META_TAGS.includes(name))
      throw exception(`Invalid argument: meta tag name "${name}" is not allowed.`);
    this._meta.push({ name, content });
    return this;
  }
}
instrument(HtmlOutput, 'HtmlOutput');

export class HtmlService extends Stub {
  readonly XFrameOptionsMode = XFrameOptionsMode;
  readonly SandboxMode = SandboxMode;

  createHtmlOutput(html?: string): HtmlOutput {
    if (html !== undefined && typeof html !== 'string')
      throw signatureError('HtmlService.createHtmlOutput', [html]);
    const out = new HtmlOutput(this._ctx);
    out._content = html ?? '';
    return out;
  }
  /** By file name, with or without ".html". */
  createHtmlOutputFromFile(filename: string): HtmlOutput {
    if (typeof filename !== 'string')
      throw signatureError('HtmlService.createHtmlOutputFromFile', [filename]);
    const name = filename.replace(/\.html$/, '');
    const html = Object.prototype.hasOwnProperty.call(this._ctx.htmlFiles, name)
      ? this._ctx.htmlFiles[name]
      : undefined;
    if (html === undefined) throw exception(`No HTML file named ${name} was found.`);
    const out = new HtmlOutput(this._ctx);
    out._content = html;
    return out;
  }
}
instrument(HtmlService, 'HtmlService');

type MenuItem = { caption: string; functionName: string } | 'separator' | Menu;

export class Menu extends Stub {
  readonly _kind = 'Menu';
  _caption = '';
  _addon = false;
  _items: MenuItem[] = [];

  _record(): MenuRecord {
    const items = this._items.map((i): MenuRecord['items'][number] =>
      i === 'separator' ? i : 'functionName' in i ? { ...i } : i._record(),
    );
    return { caption: this._caption, addon: this._addon, items };
  }

  addItem(caption: string, functionName: string): Menu {
    if (typeof caption !== 'string' || typeof functionName !== 'string' || !functionName) {
      throw signatureError('Ui.Menu.addItem', [caption, functionName]);
    }
    this._items.push({ caption, functionName });
    return this;
  }
  addSeparator(): Menu {
    this._items.push('separator');
    return this;
  }
  addSubMenu(menu: Menu): Menu {
    this._items.push(unwrap<Menu>(menu, 'Menu', 'Ui.Menu.addSubMenu', [menu]));
    return this;
  }
  /** Records the menu as it is now, submenus included. */
  addToUi(): void {
    this._ctx.ui.menus.push(this._record());
  }
}
instrument(Menu, 'Menu');

export class Ui extends Stub {
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;

  _output(x: unknown, method: string, args: unknown[]): HtmlOutput {
    return unwrap<HtmlOutput>(x, 'HtmlOutput', `Ui.${method}`, args);
  }

  /** alert(prompt), alert(prompt, buttons), alert(title, prompt, buttons): records the prompt; answers OK or YES. */
  alert(...args: unknown[]): unknown {
    const prompt = args.length === 3 ? args[1] : args[0];
    const buttons = args.length === 1 ? ButtonSet.OK : args[args.length - 1];
    if (typeof prompt !== 'string' || !memberName(ButtonSet, buttons)) throw signatureError('Ui.alert', args);
    this._ctx.ui.alerts.push(prompt);
    return buttons === ButtonSet.YES_NO || buttons === ButtonSet.YES_NO_CANCEL ? Button.YES : Button.OK;
  }
  /** The add-on's menu (under Extensions), captioned with the add-on's name. */
  createAddonMenu(): Menu {
    const m = new Menu(this._ctx);
    m._caption = this._ctx.addonName;
    m._addon = true;
    return m;
  }
  createMenu(caption: string): Menu {
    if (typeof caption !== 'string') throw signatureError('Ui.createMenu', [caption]);
    const m = new Menu(this._ctx);
    m._caption = caption;
    return m;
  }
  showSidebar(userInterface: HtmlOutput): void {
    const out = this._output(userInterface, 'showSidebar', [userInterface]);
    this._ctx.ui.sidebars.push({ title: out._title, html: out._content });
  }
  showModalDialog(userInterface: HtmlOutput, title: string): void {
    this._dialog(userInterface, title, true, 'showModalDialog');
  }
  showModelessDialog(userInterface: HtmlOutput, title: string): void {
    this._dialog(userInterface, title, false, 'showModelessDialog');
  }
  _dialog(x: unknown, title: unknown, modal: boolean, method: string): void {
    const out = this._output(x, method, [x, title]);
    if (typeof title !== 'string') throw signatureError(`Ui.${method}`, [x, title]);
    this._ctx.ui.dialogs.push({
      title,
      html: out._content,
      modal,
      ...(out._width === undefined ? {} : { width: out._width }),
      ...(out._height === undefined ? {} : { height: out._height }),
    });
  }
}
instrument(Ui, 'Ui');
