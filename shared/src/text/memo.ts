/**
 * A pure function of a text, remembered for the texts seen lately. Headings, units, progress words and indicator
 * names repeat down a column and in every file of a batch, so most calls become one lookup. The map is emptied
 * when it holds `limit` entries: unique text (a sheet of 100,000 distinct tasks) costs one entry each, and the
 * memory stays bounded whatever comes in.
 */
export function memoByText<T>(limit: number, work: (text: string) => T): (text: string) => T {
  const seen = new Map<string, T>();
  return (text) => {
    const hit = seen.get(text);
    if (hit !== undefined || seen.has(text)) return hit as T;
    const out = work(text);
    if (seen.size >= limit) seen.clear();
    seen.set(text, out);
    return out;
  };
}
