/**
 * The command line's inflater for the core's reader: Node's zlib, about twice as fast as fflate's JavaScript on
 * ward files, which a summary of thousands of them feels. It may produce no more than the size the zip directory
 * declares (the reader has checked that size against its bounds): more is a broken or hostile part.
 */
import { inflateRawSync } from 'node:zlib';
import type { InflateRaw } from '../../../shared/src/xlsx/index';

/** Output chunks of the declared size (one allocation for a ward file's part), at most 16 MiB each. */
const MAX_CHUNK = 16 * 1024 * 1024;

export const zlibInflateRaw: InflateRaw = (data, size) => {
  const out = inflateRawSync(data, {
    maxOutputLength: Math.max(1, size),
    chunkSize: Math.min(MAX_CHUNK, Math.max(64, size)),
  });
  if (out.length > size) throw new RangeError(`inflates to more than the ${size} bytes declared`);
  return out;
};
