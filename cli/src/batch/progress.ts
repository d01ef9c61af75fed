/**
 * The progress line of a long batch, on a terminal only: "Đã đọc 120/1.000 tệp · còn khoảng 3 giây". Redrawn
 * in place at most ten times a second; cleared at the end so the closing lines stand alone.
 */
import type { Lang } from '../../../shared/src/index';
import { formatCount } from '../../../shared/src/text/numbers';
import { cliText } from '../../../shared/src/words/cli';

export function progressText(done: number, total: number, elapsedMs: number, lang: Lang): string {
  const left = done > 0 ? Math.ceil(((total - done) * elapsedMs) / done / 1000) : null;
  const head = cliText(lang, 'progressRead', {
    done: formatCount(done, lang),
    total: formatCount(total, lang),
  });
  if (left === null || done === total) return head;
  return `${head} · ${cliText(lang, 'progressLeft', { seconds: left })}`;
}

export class Progress {
  private readonly started = Date.now();
  private last = 0;
  private drawn = false;

  /** `write` is the terminal's raw stream (our own text only: no cell text goes through it). */
  constructor(
    private readonly write: ((s: string) => void) | undefined,
    private readonly total: number,
    private readonly lang: Lang,
  ) {}

  /** `redraw` after the line was cleared for other output, which must not wait for the next slot. */
  tick(done: number, redraw = false): void {
    if (!this.write) return;
    const now = Date.now();
    if (!redraw && now - this.last < 100 && done < this.total) return;
    this.last = now;
    this.write(`\r${progressText(done, this.total, now - this.started, this.lang)}\x1b[K`);
    this.drawn = true;
  }

  end(): void {
    if (this.write && this.drawn) this.write('\r\x1b[K');
  }
}
