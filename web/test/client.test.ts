/**
 * The page's side of the worker, with stand-in workers that run the real worker code in this process or fail as
 * a browser's can: no answer in time, an uncaught error, an answer that cannot be received, a caught
 * out-of-memory. Each failure is an EngineFailure (never a raw message), the worker is replaced, the page is told
 * the file is gone, and the next file is read and checked by the fresh worker.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EngineFailure, workerEngine, type Engine, type Failure, type WorkerLike } from '../src/client';
import type { Request, Response } from '../src/protocol';
import { failureText } from '../src/webWorkbook';
import { serveWorker } from '../src/worker';

const SAMPLE = readFileSync(join(__dirname, '../../cli/sample/phu-luc-mau.xlsx'));
const OPTIONS = { lang: 'vi' as const, today: '2025-10-15' };

type Mode = 'serve' | 'hang' | 'error' | 'messageerror' | 'memory' | 'clone';

/** A worker in this process: messages cross by structuredClone, as they do between threads. */
class FakeWorker implements WorkerLike {
  onmessage: WorkerLike['onmessage'] = null;
  onerror: WorkerLike['onerror'] = null;
  onmessageerror: WorkerLike['onmessageerror'] = null;
  terminated = false;
  /** The worker's own global scope, where serveWorker puts its handler. */
  private readonly inside: {
    onmessage: ((e: MessageEvent<Request>) => void) | null;
    postMessage(m: Response): void;
  };

  /** Each request but a ping misbehaves as `mode` says at the time it is sent. */
  constructor(private readonly mode: () => Mode) {
    this.inside = { onmessage: null, postMessage: (m) => this.deliver(m) };
    serveWorker(this.inside);
  }

  private deliver(m: Response): void {
    if (this.terminated) return;
    const copy = structuredClone(m);
    setTimeout(() => {
      if (!this.terminated) this.onmessage?.({ data: copy } as MessageEvent<Response>);
    }, 0);
  }

  postMessage(message: Request, transfer: Transferable[]): void {
    const mode = message.op === 'ping' ? 'serve' : this.mode();
    if (mode === 'clone') throw new DOMException('Data cannot be cloned, out of memory.', 'DataCloneError');
    const data = structuredClone(message, { transfer });
    setTimeout(() => {
      if (this.terminated) return;
      if (mode === 'hang') return;
      if (mode === 'error')
        return this.onerror?.({ message: 'Uncaught Error: boom', preventDefault() {} } as ErrorEvent);
      if (mode === 'messageerror') return this.onmessageerror?.({} as MessageEvent);
      if (mode === 'memory')
        return this.deliver({ id: message.id, ok: false, failure: 'memory' } satisfies Response);
      this.inside.onmessage?.({ data } as MessageEvent<Request>);
    }, 0);
  }

  terminate(): void {
    this.terminated = true;
  }
}

async function engineWith(mode: () => Mode) {
  const workers: FakeWorker[] = [];
  const lost: Failure[] = [];
  const engine = (await workerEngine('/* the page script */', {
    limits: { read: 300, check: 300, row: 300, copy: 300 },
    spawn: () => {
      const w = new FakeWorker(mode);
      workers.push(w);
      return w;
    },
    onLost: (f) => lost.push(f),
  })) as Engine;
  expect(engine.where).toBe('worker');
  return { engine, workers, lost };
}

const read = (engine: Engine) => engine.read(new Uint8Array(SAMPLE), 'phu-luc-mau.xlsx', () => {});

describe('the worker engine', () => {
  it('reads, checks, previews and copies in the worker; the page gets a display and one row', async () => {
    const { engine } = await engineWith(() => 'serve');
    const phases: string[] = [];
    const out = await engine.read(new Uint8Array(SAMPLE), 'phu-luc-mau.xlsx', (p) => phases.push(p));
    expect(phases).toEqual(['read', 'scan']);
    expect(out.ok && out.file.sheets).toEqual([
      { name: 'Nhiệm vụ', kind: 'tasks' },
      { name: 'Chỉ tiêu', kind: 'kpis' },
    ]);
    const checked = await engine.check('Nhiệm vụ', OPTIONS);
    expect(checked.sheet).toBe('Nhiệm vụ');
    expect(checked.display.counts.error).toBeGreaterThan(0);
    expect(checked.highlights).toEqual([['Nhiệm vụ', expect.any(Number)]]);
    expect(checked.highlights[0][1]).toBeGreaterThan(0);
    // The whole workbook: every sheet, each with its own count.
    const whole = await engine.check(null, OPTIONS);
    expect(whole.sheet).toBe('');
    expect(whole.display.sheets.map((s) => s.name)).toEqual(['Nhiệm vụ', 'Chỉ tiêu']);
    expect(whole.highlights.map(([s]) => s)).toEqual(['Nhiệm vụ', 'Chỉ tiêu']);
    expect(whole.highlights[0]).toEqual(checked.highlights[0]);
    expect((await engine.row('Nhiệm vụ', 'B7'))?.row).toBe(7);
    const copy = await engine.copy(OPTIONS);
    expect([copy[0], copy[1]]).toEqual([0x50, 0x4b]);
  });

  it.each<[Mode, Failure]>([
    ['hang', 'time'],
    ['error', 'crash'],
    ['messageerror', 'memory'],
    ['memory', 'memory'],
    ['clone', 'memory'],
  ])('a worker that fails as "%s" gives an EngineFailure "%s" and is replaced', async (bad, failure) => {
    let mode: Mode = 'serve';
    const { engine, workers, lost } = await engineWith(() => mode);
    expect((await read(engine)).ok).toBe(true);
    mode = bad;
    const e = await engine.check('Nhiệm vụ', OPTIONS).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(EngineFailure);
    expect((e as EngineFailure).failure).toBe(failure);
    expect((e as EngineFailure).op).toBe('check');
    if (bad === 'clone') {
      // Nothing reached the worker: it still holds the file.
      expect(workers).toHaveLength(1);
      mode = 'serve';
      expect((await engine.check('Nhiệm vụ', OPTIONS)).sheet).toBe('Nhiệm vụ');
      return;
    }
    expect(workers[0].terminated).toBe(true);
    expect(workers).toHaveLength(2);
    expect(lost).toEqual([failure]);
    // The fresh worker holds no file: asked about one, it says so; the next file is read and checked.
    mode = 'serve';
    const gone = await engine.check('Nhiệm vụ', OPTIONS).catch((x: unknown) => x);
    expect((gone as EngineFailure).failure).toBe('no-file');
    expect(workers).toHaveLength(2);
    expect((await read(engine)).ok).toBe(true);
    expect((await engine.check('Chỉ tiêu', OPTIONS)).sheet).toBe('Chỉ tiêu');
  });

  it('falls back to the page when no worker answers the first ping', async () => {
    const engine = await workerEngine('', {
      limits: { ping: 50 },
      spawn: () => {
        const w = new FakeWorker(() => 'serve');
        w.postMessage = () => {};
        return w;
      },
    });
    expect(engine).toBeNull();
  });
});

describe('what the page says when the worker fails', () => {
  const forbidden = /postMessage|DataCloneError|out of memory|RangeError|Uncaught/i;

  it.each<[Failure, 'read' | 'check' | 'copy' | 'row']>([
    ['time', 'read'],
    ['memory', 'read'],
    ['crash', 'read'],
    ['time', 'check'],
    ['memory', 'copy'],
    ['crash', 'row'],
  ])('%s while %s: the page’s own words, in Vietnamese and English', (failure, op) => {
    const e = new EngineFailure(failure, op);
    const vi = failureText(e, 'phuong-5.xlsx', 'vi');
    const en = failureText(e, 'phuong-5.xlsx', 'en');
    for (const line of [vi, en]) {
      expect(line).toMatch(/^phuong-5\.xlsx: /);
      expect(line).not.toMatch(forbidden);
      expect(line).not.toMatch(/\{\w+\}/);
    }
    expect(vi).toContain('Hãy mở tệp bằng Excel');
    expect(vi).toContain('lưu thành một bản sao');
    expect(en).toContain('Open it in Excel');
    if (failure === 'time') expect(vi).toMatch(/quá \d+ giây/);
  });

  it('words the time limit of a read as the engine applies it', () => {
    expect(failureText(new EngineFailure('time', 'read'), 'a.xlsx', 'vi')).toBe(
      'a.xlsx: tệp quá lớn hoặc bị hỏng: đọc tệp quá 90 giây vẫn chưa xong nên trang đã dừng lại. ' +
        'Hãy mở tệp bằng Excel, xóa các dòng, cột và vùng gộp ô thừa (nhất là ở xa bảng), lưu thành một bản sao (.xlsx) rồi chọn bản sao đó ở đây.',
    );
  });
});
