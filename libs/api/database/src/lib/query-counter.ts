import { AbstractLogger, LogLevel, LogMessage } from 'typeorm';

/**
 * Counts SQL statements, so tests can assert what a page of results costs
 * (a query per row shows up as a count that grows with the page).
 */
export class QueryCounter extends AbstractLogger {
  private count = 0;

  constructor() {
    super(['query']);
  }

  reset(): void {
    this.count = 0;
  }

  get queries(): number {
    return this.count;
  }

  protected writeLog(level: LogLevel, message: LogMessage | LogMessage[]): void {
    const messages = Array.isArray(message) ? message : [message];
    if (level === 'query') {
      this.count += messages.filter((m) => !/^(START TRANSACTION|COMMIT|ROLLBACK)/i.test(String(m.message))).length;
    }
  }
}
