/**
 * The few DOM operations the pane's views need, behind an interface so the views can be unit-tested with a tiny
 * fake document (jsdom is not installed). Text always goes in as a text node: cell contents from a ward's sheet
 * are data, never markup, so nothing here can parse HTML.
 */

export type AttrValue = string | number | boolean | null | undefined;
export type Attrs = Record<string, AttrValue>;
export type Child<N> = N | string | number | null | undefined | false;

export interface Dom<N> {
  /** An element with attributes (false/null/undefined ones left out, true ones present and empty) and children. */
  el(tag: string, attrs?: Attrs | null, children?: readonly Child<N>[]): N;
  on(node: N, type: 'click', listener: () => void): void;
  /** One CSS property through the CSSOM, which the pane's CSP (style-src 'self') allows, unlike style="…". */
  style(node: N, property: string, value: string): void;
  append(parent: N, children: readonly Child<N>[]): void;
  remove(node: N): void;
  focus(node: N): void;
}

/** The minimal document the browser implementation needs. */
export interface DocumentLike {
  createElement(tag: string): HTMLElement;
  createTextNode(text: string): Text;
}

export function browserDom(doc: DocumentLike): Dom<HTMLElement> {
  const append = (parent: HTMLElement, children: readonly Child<HTMLElement>[]) => {
    for (const c of children) {
      if (c === null || c === undefined || c === false) continue;
      parent.appendChild(typeof c === 'string' || typeof c === 'number' ? doc.createTextNode(String(c)) : c);
    }
  };
  return {
    el(tag, attrs, children = []) {
      const node = doc.createElement(tag);
      for (const [name, value] of Object.entries(attrs ?? {})) {
        if (value === false || value === null || value === undefined) continue;
        node.setAttribute(name, value === true ? '' : String(value));
      }
      append(node, children);
      return node;
    },
    on(node, type, listener) {
      node.addEventListener(type, listener);
    },
    style(node, property, value) {
      node.style.setProperty(property, value);
    },
    append,
    remove(node) {
      node.remove();
    },
    focus(node) {
      // A list item is not focusable by itself; focus its button.
      const target = node.matches('button') ? node : node.querySelector('button');
      target?.focus();
    },
  };
}

/** Removes every child of a node (instead of assigning markup, which the pane never does). */
export function clear(node: Node): void {
  while (node.firstChild) node.removeChild(node.firstChild);
}
