/** The call log and fault injection every stand-in method goes through. */

interface Fault {
  call: string;
  skip: number;
  message: string;
}

export class Calls {
  readonly log: string[] = [];
  private readonly faults: Fault[] = [];

  constructor(private readonly defaultMessage: string) {}

  /** Logs the call, then throws if a fault is due on it. */
  record(call: string): void {
    this.log.push(call);
    let due: Fault | undefined;
    for (const f of this.faults) {
      if (f.call !== call) continue;
      if (f.skip === 0 && !due) due = f;
      else if (f.skip > 0) f.skip--;
    }
    if (due) {
      this.faults.splice(this.faults.indexOf(due), 1);
      throw new Error(due.message);
    }
  }

  failOn(call: string, opts: { skip?: number; message?: string } = {}): void {
    if (!KNOWN_CALLS.has(call)) throw new Error(`FakeSheets: ${call} is not a stand-in method`);
    this.faults.push({ call, skip: opts.skip ?? 0, message: opts.message ?? this.defaultMessage });
  }

  count(filter?: string | ((call: string) => boolean)): number {
    if (filter === undefined) return this.log.length;
    const test = typeof filter === 'string' ? (c: string) => c.startsWith(filter) : filter;
    return this.log.filter(test).length;
  }

  reset(): void {
    this.log.length = 0;
  }
}

/** Every 'Class.method' that instrument() wrapped, so failOn can refuse a misspelt one. */
export const KNOWN_CALLS = new Set<string>();

/** What every stand-in object carries: the log of the fake that made it. */
export interface Counted {
  readonly _calls: Calls;
}

/**
 * Wraps the public methods of a stand-in class (own prototype functions not starting with "_") so that each call
 * is logged as 'label.method' and checked against failOn before it runs. Internal helpers start with "_" and
 * are never logged, so a stand-in calling its own helpers does not inflate the counts.
 */
export function instrument(cls: { prototype: object }, label: string): void {
  const proto = cls.prototype as Record<string, unknown>;
  for (const key of Object.getOwnPropertyNames(proto)) {
    const desc = Object.getOwnPropertyDescriptor(proto, key);
    if (key === 'constructor' || key.startsWith('_') || !desc || typeof desc.value !== 'function') continue;
    const original = desc.value as (...args: unknown[]) => unknown;
    const name = `${label}.${key}`;
    KNOWN_CALLS.add(name);
    Object.defineProperty(proto, key, {
      ...desc,
      value: function (this: Counted, ...args: unknown[]) {
        this._calls.record(name);
        return original.apply(this, args);
      },
    });
  }
}
