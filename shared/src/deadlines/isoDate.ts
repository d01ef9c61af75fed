/** Dates typed on the command line (--as-of): ISO as scripts write them, dd/mm/yyyy as officers do. */
import { validIso } from './calendar';

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
// Day first, as in every Vietnamese document; never month first.
const VI = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/** "2025-06-30" or "30/6/2025" → "2025-06-30"; null when malformed or the day does not exist. */
export function parseIsoDate(s: string): string | null {
  if (typeof s !== 'string') return null;
  const t = s.trim();
  const iso = ISO.exec(t);
  if (iso) return validIso(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const vi = VI.exec(t);
  if (vi) return validIso(Number(vi[3]), Number(vi[2]), Number(vi[1]));
  return null;
}
