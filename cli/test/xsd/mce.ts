/**
 * Markup compatibility (ECMA-376 Part 3) as a consumer that understands only the namespaces it is given applies
 * it, so that an Office Open XML part can be checked against the 2006 transitional schemas as Office reads it:
 *
 * - `mc:AlternateContent` becomes the content of its first `mc:Choice` whose `Requires` prefixes all name
 *   understood namespaces, else of its `mc:Fallback`, else nothing;
 * - an element in a namespace that `mc:Ignorable` (on it or an ancestor) declares ignorable and that is not
 *   understood is removed with its content, or, if `mc:ProcessContent` names it, replaced by its content;
 * - an attribute in such a namespace is removed;
 * - the `mc:Ignorable`, `mc:ProcessContent`, `mc:MustUnderstand`, `mc:PreserveElements` and
 *   `mc:PreserveAttributes` attributes themselves are removed (a `mc:MustUnderstand` naming a namespace that is
 *   not understood is an error, as it is for Office);
 * - an element or attribute in a namespace that is neither understood nor ignorable is left where it is, for the
 *   schema to judge (inside an `extLst` the schema allows anything; anywhere else it is an error).
 *
 * The part is parsed with saxes (the strict, namespace-aware parser exceljs uses) into a small tree, rewritten,
 * and written back out. Comments and processing instructions are dropped (a schema does not look at them), a
 * document type declaration is refused (OPC forbids them), and every start and end tag ends with a line break
 * before its `>` — insignificant whitespace that puts each element on a line of its own, so a validator's line
 * number points at one element.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';

export const MC_NS = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';

/** A failure of the markup itself (not of a schema): the part cannot be read as Office would read it. */
export class McError extends Error {}

interface Attribute {
  /** As written: `prefix:local` or `local`. */
  name: string;
  prefix: string;
  local: string;
  uri: string;
  value: string;
}

interface Element {
  kind: 'element';
  name: string;
  prefix: string;
  local: string;
  uri: string;
  /** Namespace declarations written on this element: prefix ('' for the default namespace) → URI. */
  declarations: Map<string, string>;
  attributes: Attribute[];
  children: Node[];
}

type Node = Element | { kind: 'text'; text: string };

const isDeclaration = (a: { name: string }) => a.name === 'xmlns' || a.name.startsWith('xmlns:');

function parse(xml: string): Element {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: Element[] = [];
  let root: Element | undefined;
  parser.on('doctype', () => {
    throw new McError('a document type declaration (OPC forbids them in a part)');
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    const declarations = new Map<string, string>();
    const attributes: Attribute[] = [];
    for (const a of Object.values(tag.attributes)) {
      if (isDeclaration(a)) declarations.set(a.name === 'xmlns' ? '' : a.local, a.value);
      else attributes.push({ name: a.name, prefix: a.prefix, local: a.local, uri: a.uri, value: a.value });
    }
    const element: Element = {
      kind: 'element',
      name: tag.name,
      prefix: tag.prefix,
      local: tag.local,
      uri: tag.uri,
      declarations,
      attributes,
      children: [],
    };
    if (stack.length) stack[stack.length - 1].children.push(element);
    else root = element;
    stack.push(element);
  });
  parser.on('closetag', () => void stack.pop());
  const text = (t: string) => {
    // Whitespace around the root element is not content.
    if (stack.length) stack[stack.length - 1].children.push({ kind: 'text', text: t });
  };
  parser.on('text', text);
  parser.on('cdata', text);
  try {
    parser.write(xml).close();
  } catch (e) {
    if (e instanceof McError) throw e;
    throw new McError(`not well-formed XML: ${(e as Error).message}`);
  }
  if (!root) throw new McError('no root element');
  return root;
}

/** What is in scope at an element: the namespace bindings, and what markup compatibility has declared so far. */
interface Scope {
  bindings: Map<string, string>;
  /** Namespace URIs declared ignorable. */
  ignorable: Set<string>;
  /** Elements whose content is processed where an ignored one stands: `uri local`, or `uri *`. */
  processContent: Set<string>;
}

function qnames(value: string): string[] {
  return value.split(/[ \t\r\n]+/).filter(Boolean);
}

/**
 * An attribute that the schemas do not declare on an element but that Office writes and reads there, by its
 * implementer notes; removed after markup compatibility (it is not part of it), each time counted.
 */
export interface Allowance {
  element: [uri: string, local: string];
  attribute: [uri: string, local: string];
  /** The values it may have; another value is left for the schema to reject. */
  values: readonly string[];
}

class Consumer {
  /** How many attributes the allowances removed. */
  allowed = 0;

  constructor(
    private readonly understood: ReadonlySet<string>,
    private readonly allowances: readonly Allowance[],
  ) {}

  private allows(element: Element, a: Attribute): boolean {
    const hit = this.allowances.some(
      (w) =>
        w.element[0] === element.uri &&
        w.element[1] === element.local &&
        w.attribute[0] === a.uri &&
        w.attribute[1] === a.local &&
        w.values.includes(a.value),
    );
    if (hit) this.allowed++;
    return hit;
  }

  private understands(uri: string): boolean {
    return uri === MC_NS || uri === XML_NS || uri === XSI_NS || this.understood.has(uri);
  }

  /** The URI a prefix of an mc attribute's value names, in scope at the element that carries it. */
  private resolve(prefix: string, scope: Scope, where: string): string {
    const uri = scope.bindings.get(prefix);
    if (uri === undefined || prefix === '')
      throw new McError(`${where} names the prefix "${prefix}", which is not declared there`);
    return uri;
  }

  /** The element's own scope: its declarations and its mc attributes (which apply to it and its content). */
  private scopeOf(element: Element, outer: Scope): Scope {
    const bindings = new Map(outer.bindings);
    for (const [prefix, uri] of element.declarations) bindings.set(prefix, uri);
    const scope: Scope = {
      bindings,
      ignorable: new Set(outer.ignorable),
      processContent: new Set(outer.processContent),
    };
    const where = (a: Attribute) => `<${element.name}> ${a.name}`;
    for (const a of element.attributes) {
      if (a.uri !== MC_NS) continue;
      if (a.local === 'Ignorable') {
        for (const p of qnames(a.value)) scope.ignorable.add(this.resolve(p, scope, where(a)));
      } else if (a.local === 'MustUnderstand') {
        for (const p of qnames(a.value)) {
          const uri = this.resolve(p, scope, where(a));
          if (!this.understands(uri)) throw new McError(`${where(a)}: must understand ${uri}`);
        }
      } else if (a.local === 'ProcessContent') {
        for (const q of qnames(a.value)) {
          const [p, local] = q.includes(':') ? q.split(':', 2) : ['', q];
          scope.processContent.add(`${this.resolve(p, scope, where(a))} ${local}`);
        }
      }
    }
    return scope;
  }

  private ignorable(uri: string, scope: Scope): boolean {
    return !this.understands(uri) && scope.ignorable.has(uri);
  }

  /** The nodes that stand where `element` stood once markup compatibility is applied. */
  process(element: Element, outer: Scope): Node[] {
    const scope = this.scopeOf(element, outer);
    if (element.uri === MC_NS) {
      if (element.local !== 'AlternateContent')
        throw new McError(`<${element.name}> outside an mc:AlternateContent`);
      return this.hoist(element, this.alternate(element, scope));
    }
    if (this.ignorable(element.uri, scope)) {
      const processed =
        scope.processContent.has(`${element.uri} ${element.local}`) ||
        scope.processContent.has(`${element.uri} *`);
      return processed ? this.hoist(element, this.content(element, scope)) : [];
    }
    const attributes = element.attributes.filter((a) => {
      if (a.uri === MC_NS)
        return ![
          'Ignorable',
          'ProcessContent',
          'MustUnderstand',
          'PreserveElements',
          'PreserveAttributes',
        ].includes(a.local);
      if (a.uri && this.ignorable(a.uri, scope)) return false;
      return !this.allows(element, a);
    });
    return [{ ...element, attributes, children: this.content(element, scope) }];
  }

  private content(element: Element, scope: Scope): Node[] {
    return element.children.flatMap((c) => (c.kind === 'element' ? this.process(c, scope) : [c]));
  }

  /** The chosen branch of an mc:AlternateContent, processed. */
  private alternate(element: Element, scope: Scope): Node[] {
    const branches = element.children.filter((c): c is Element => c.kind === 'element');
    for (const branch of branches) {
      if (branch.uri !== MC_NS || !['Choice', 'Fallback'].includes(branch.local))
        throw new McError(`<${branch.name}> in an mc:AlternateContent`);
    }
    for (const branch of branches) {
      const inner = this.scopeOf(branch, scope);
      if (branch.local === 'Choice') {
        const requires = branch.attributes.find((a) => a.uri === '' && a.local === 'Requires');
        if (!requires) throw new McError('an mc:Choice without Requires');
        const needs = qnames(requires.value).map((p) => this.resolve(p, inner, '<mc:Choice> Requires'));
        if (needs.every((uri) => this.understands(uri)))
          return this.hoist(branch, this.content(branch, inner));
      } else {
        return this.hoist(branch, this.content(branch, inner));
      }
    }
    return [];
  }

  /**
   * Nodes lifted out of `from` (which is removed) keep the namespace declarations they were written under: each
   * lifted element gets those of `from` it does not declare itself.
   */
  private hoist(from: Element, nodes: Node[]): Node[] {
    if (!from.declarations.size) return nodes;
    return nodes.map((n) => {
      if (n.kind !== 'element') return n;
      const declarations = new Map(from.declarations);
      for (const [p, uri] of n.declarations) declarations.set(p, uri);
      return { ...n, declarations };
    });
  }
}

const escapeText = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
/** Attribute values as parsed: line breaks and tabs written as references, so parsing again keeps them. */
const escapeAttribute = (s: string) =>
  escapeText(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');

function serialize(node: Node, out: string[]): void {
  if (node.kind === 'text') {
    out.push(escapeText(node.text));
    return;
  }
  out.push(`<${node.name}`);
  for (const [prefix, uri] of node.declarations)
    out.push(` ${prefix ? `xmlns:${prefix}` : 'xmlns'}="${escapeAttribute(uri)}"`);
  for (const a of node.attributes) out.push(` ${a.name}="${escapeAttribute(a.value)}"`);
  if (!node.children.length) {
    out.push('\n/>');
    return;
  }
  out.push('\n>');
  for (const c of node.children) serialize(c, out);
  out.push(`</${node.name}\n>`);
}

/** The root element of a part once markup compatibility is applied: its namespace URI and local name. */
export interface Processed {
  xml: string;
  root: { uri: string; local: string };
  /** How many attributes the allowances removed. */
  allowed: number;
}

/**
 * Applies markup compatibility to one XML part for a consumer that understands the namespaces `understood`
 * (plus mc itself, xml and xsi), then removes the attributes `allowances` name. Throws McError when the part
 * cannot be read that way.
 */
export function applyMarkupCompatibility(
  xml: string,
  understood: ReadonlySet<string>,
  allowances: readonly Allowance[] = [],
): Processed {
  const consumer = new Consumer(understood, allowances);
  const nodes = consumer.process(parse(xml), {
    bindings: new Map([['xml', XML_NS]]),
    ignorable: new Set(),
    processContent: new Set(),
  });
  const roots = nodes.filter((n): n is Element => n.kind === 'element');
  if (roots.length !== 1)
    throw new McError(`${roots.length} root elements once markup compatibility is applied`);
  const out = ['<?xml version="1.0" encoding="UTF-8"?>\n'];
  serialize(roots[0], out);
  return { xml: out.join(''), root: { uri: roots[0].uri, local: roots[0].local }, allowed: consumer.allowed };
}
