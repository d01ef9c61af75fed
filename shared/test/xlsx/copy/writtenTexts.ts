/**
 * Every text a written package holds where Excel counts its characters: each cell's value (read back with the
 * core's reader) and each note's whole text (the user's runs and ours), so that tests can hold them to Excel's
 * 32,767. And the sample appendix with hostile lengths put in, to write such packages from.
 */
import { readFileSync } from 'node:fs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { readXlsx } from '../../../src/xlsx';
import { decodeEscapes } from '../../../src/xlsx/xml';
import { SAMPLE } from './richPackage';

/** The sample's task sheet. */
export const SAMPLE_TASKS = 'Nhiệm vụ';

function replaced(text: string, find: string | RegExp, by: string): string {
  const out = text.replace(find, by);
  if (out === text) throw new Error(`the sample changed: ${String(find)} not found`);
  return out;
}

/**
 * The sample appendix with its task sheet renamed, its first deadline (E10) replaced, or its ward's name (the
 * "5" of "PHƯỜNG 5" in the heading and of "Phường 5" in the subtitle) replaced by `wardName`. Texts go in as
 * they are: give them without XML markup.
 */
export function sampleWith(change: { sheetName?: string; deadline?: string; wardName?: string }): Uint8Array {
  const files = unzipSync(new Uint8Array(readFileSync(SAMPLE)));
  const edit = (part: string, find: string | RegExp, by: string) =>
    (files[part] = strToU8(replaced(strFromU8(files[part]), find, by)));
  if (change.sheetName !== undefined)
    edit('xl/workbook.xml', new RegExp(SAMPLE_TASKS, 'g'), change.sheetName);
  if (change.deadline !== undefined)
    edit(
      'xl/worksheets/sheet1.xml',
      /<c r="E10" [^>]*?(?:\/>|>[\s\S]*?<\/c>)/,
      `<c r="E10" t="inlineStr"><is><t>${change.deadline}</t></is></c>`,
    );
  if (change.wardName !== undefined) edit('xl/sharedStrings.xml', /(phường) 5/giu, `$1 ${change.wardName}`);
  return zipSync(files);
}

export interface WrittenText {
  where: string;
  text: string;
}

function unentity(s: string): string {
  return s.replace(/&(?:#x([0-9A-Fa-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/g, (_all, hex, dec, named) => {
    if (named) return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[named];
    return String.fromCodePoint(hex ? parseInt(hex, 16) : Number(dec));
  });
}

/** Each cell's text, by sheet and A1 reference; `skipSheets` leaves out sheets named so (the user's own). */
export function cellTexts(bytes: Uint8Array, skipSheets: string[] = []): WrittenText[] {
  const out: WrittenText[] = [];
  for (const sheet of readXlsx(bytes)) {
    if (skipSheets.includes(sheet.name)) continue;
    sheet.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (typeof v === 'string')
          out.push({ where: `${sheet.name.slice(0, 40)}!R${r + 1}C${c + 1}`, text: v });
      }),
    );
  }
  return out;
}

/** Each note's whole text, phonetic runs left out, by comments part and cell. */
export function noteTexts(bytes: Uint8Array): WrittenText[] {
  const out: WrittenText[] = [];
  for (const [name, data] of Object.entries(unzipSync(bytes))) {
    if (!/^xl\/comments\d*\.xml$/.test(name)) continue;
    const xml = strFromU8(data);
    for (const m of xml.matchAll(/<(?:\w+:)?comment\b([^>]*)>([\s\S]*?)<\/(?:\w+:)?comment>/g)) {
      const ref = /ref="([^"]*)"/.exec(m[1])?.[1] ?? '?';
      const body = m[2].replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '');
      let text = '';
      for (const t of body.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g))
        text += decodeEscapes(unentity(t[1]));
      out.push({ where: `${name}!${ref}`, text });
    }
  }
  return out;
}

/** The texts over `limit` characters, as "where: length", for a readable failure. */
export function tooLong(texts: WrittenText[], limit: number): string[] {
  return texts.filter((t) => t.text.length > limit).map((t) => `${t.where}: ${t.text.length}`);
}
