/**
 * A tiny document for testing the pane's views without jsdom: elements with attributes, text nodes, listeners and
 * CSSOM styles. `html()` serialises it the way a browser would, escaping text, so a test can see what the user
 * would see and prove that no cell text became markup.
 */
import type { Attrs, Child, Dom } from '../dom';

export type FakeNode = FakeElement | FakeText;

export class FakeText {
  readonly kind = 'text';
  parent: FakeElement | null = null;
  constructor(readonly text: string) {}
}

export class FakeElement {
  readonly kind = 'element';
  parent: FakeElement | null = null;
  readonly attrs = new Map<string, string>();
  readonly children: FakeNode[] = [];
  readonly listeners = new Map<string, (() => void)[]>();
  readonly styles = new Map<string, string>();
  focused = false;
  constructor(readonly tag: string) {}

  get textContent(): string {
    return this.children.map((c) => (c instanceof FakeText ? c.text : c.textContent)).join('');
  }

  click(): void {
    for (const l of this.listeners.get('click') ?? []) l();
  }

  /** Every element below (and including) this one, depth first. */
  all(): FakeElement[] {
    const out: FakeElement[] = [this];
    for (const c of this.children) if (c instanceof FakeElement) out.push(...c.all());
    return out;
  }

  find(pred: (e: FakeElement) => boolean): FakeElement[] {
    return this.all().filter(pred);
  }

  byClass(name: string): FakeElement[] {
    return this.find((e) => (e.attrs.get('class') ?? '').split(/\s+/).includes(name));
  }

  byTag(tag: string): FakeElement[] {
    return this.find((e) => e.tag === tag);
  }

  html(): string {
    const attrs = [...this.attrs].map(([k, v]) => ` ${k}="${escapeHtml(v)}"`).join('');
    const style = this.styles.size
      ? ` style="${[...this.styles].map(([k, v]) => `${k}: ${v}`).join('; ')}"`
      : '';
    const inner = this.children.map((c) => (c instanceof FakeText ? escapeHtml(c.text) : c.html())).join('');
    return `<${this.tag}${attrs}${style}>${inner}</${this.tag}>`;
  }
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function fakeDom(): Dom<FakeElement> & { texts: FakeText[] } {
  const texts: FakeText[] = [];
  const append = (parent: FakeElement, children: readonly Child<FakeElement>[]) => {
    for (const c of children) {
      if (c === null || c === undefined || c === false) continue;
      let node: FakeNode;
      if (typeof c === 'string' || typeof c === 'number') {
        node = new FakeText(String(c));
        texts.push(node);
      } else node = c;
      node.parent = parent;
      parent.children.push(node);
    }
  };
  return {
    texts,
    el(tag: string, attrs?: Attrs | null, children: readonly Child<FakeElement>[] = []) {
      const e = new FakeElement(tag);
      for (const [k, v] of Object.entries(attrs ?? {})) {
        if (v === false || v === null || v === undefined) continue;
        e.attrs.set(k, v === true ? '' : String(v));
      }
      append(e, children);
      return e;
    },
    on(node, type, listener) {
      node.listeners.set(type, [...(node.listeners.get(type) ?? []), listener]);
    },
    style(node, property, value) {
      node.styles.set(property, value);
    },
    append,
    remove(node) {
      const p = node.parent;
      if (p) p.children.splice(p.children.indexOf(node), 1);
      node.parent = null;
    },
    focus(node) {
      node.focused = true;
    },
  };
}
