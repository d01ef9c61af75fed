/**
 * The version of this build, as package.json gives it: shown in every pane's footer, by `cchc --version`, in the
 * summary workbook's properties and on a checked copy's results sheet, so a province can tell which build a ward
 * used. A constant, not a read of package.json, because the core runs where there is no file system (the panes)
 * and bundles must not carry package.json; shared/test/version.test.ts fails when the two differ.
 */
export const VERSION = '0.1.0';

/** The product as it names itself beside its version: the npm package's name. */
export const PRODUCT = 'cchc-appendix';
