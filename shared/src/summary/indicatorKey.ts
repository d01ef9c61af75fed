/**
 * One indicator, many spellings: wards copy the province's indicators but retype them ("Tỷ lệ" / "Tỉ lệ",
 * "hoà" / "hòa", a trailing "(%)", a dash or two spaces). The key keeps the words and drops everything else.
 */
import { memoByText } from '../text/memo';
import { wordsKey } from '../text/normalize';

// A syllable that ends in "y" after a consonant is also written with "i" (tỷ/tỉ, kỹ/kĩ, lý/lí, mỹ/mĩ, sỹ/sĩ);
// "quy", "uy" and "ay" are different words and keep their "y".
const Y_SYLLABLE = /\b(b|c|d|g|h|k|l|m|n|p|r|s|t|v|x|ch|gh|kh|ng|nh|ph|th|tr)y\b/g;

/** The matching key of an indicator's name: "Tỷ lệ hồ sơ … toàn trình (%)" → "ti le ho so … toan trinh". */
export function indicatorKey(name: string): string {
  return name.length > 400 ? keyOf(name) : keyMemo(name);
}

const keyOf = (name: string) =>
  wordsKey(name).replace(Y_SYLLABLE, '$1i').replace(/%/g, ' ').replace(/\s+/g, ' ').trim();
// A province's wards copy the same indicators: in a summary each name comes once per file.
const keyMemo = memoByText(8192, keyOf);
