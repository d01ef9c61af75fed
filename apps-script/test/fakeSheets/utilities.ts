/** Utilities (formatDate), Session and Logger. */
import { instrument } from './calls';
import { Stub, exception, signatureError } from './context';
import { formatJavaDate, isDate } from './dates';

export class Utilities extends Stub {
  /** Java SimpleDateFormat patterns in any time zone, whatever the process's TZ. */
  formatDate(date: Date, timeZone: string, format: string): string {
    if (!isDate(date) || typeof timeZone !== 'string' || typeof format !== 'string') {
      throw signatureError('Utilities.formatDate', [date, timeZone, format]);
    }
    if (Number.isNaN(date.getTime())) throw exception('Invalid argument: date');
    return formatJavaDate(date, timeZone, format);
  }
  /** Returns at once: a test need not wait. */
  sleep(milliseconds: number): void {
    void milliseconds;
  }
}
instrument(Utilities, 'Utilities');

export class Session extends Stub {
  getActiveUserLocale(): string {
    return this._ctx.userLocale;
  }
  getScriptTimeZone(): string {
    return this._ctx.scriptTimeZone;
  }
}
instrument(Session, 'Session');

export class Logger extends Stub {
  /** log(data) or log(format, ...values) with %s placeholders; lines are kept in the fake's `logged`. */
  log(data: unknown, ...values: unknown[]): Logger {
    let text = typeof data === 'string' ? data : (JSON.stringify(data) ?? String(data));
    for (const v of values) text = text.replace('%s', typeof v === 'string' ? v : String(JSON.stringify(v)));
    this._ctx.logger.push(text);
    return this;
  }
  getLog(): string {
    return this._ctx.logger.join('\n');
  }
  clear(): void {
    this._ctx.logger.length = 0;
  }
}
instrument(Logger, 'Logger');
