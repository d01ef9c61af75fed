// Types for the CommonJS module shared by webpack.config.js and the manifest tests.
export declare const DEV_ORIGIN: 'https://localhost:3000';
export declare function parseOrigin(raw: string | undefined): string;
export declare function substituteOrigin(xml: string, origin: string | undefined): string;
