/**
 * The one platform API the core uses beyond ECMAScript itself: WHATWG TextDecoder, which every place the core
 * runs has (browsers and their workers, Node). Declared here, not taken from the DOM or Node types, so that the
 * core's own type check (shared/tsconfig.json: no DOM, no Node) proves it needs nothing else.
 */
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: Uint8Array): string;
}
