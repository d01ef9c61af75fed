/**
 * The Excel adapter: the only code of the add-in that speaks Office.js, one module per concern, gathered here.
 * Each function takes the request context of the caller's Excel.run, queues its work in batches and syncs as few
 * times as the work allows; everything that is not about Office.js (what to read, how to group highlights, how to
 * lay out a template, what to say when Excel refuses) comes from the core (shared/src/hosts, shared/src/words).
 *
 * Reading the whole workbook is three syncs for a typical file whatever its number of sheets; highlighting it is
 * two, as for one sheet. Checking never changes a cell: highlights are conditional formats the add-in owns.
 */
export * from './requirements';
export * from './reads';
export * from './highlights';
export * from './templates';
export * from './selection';
export * from './errors';
