import { AbstractLogger, LogLevel, LogMessage } from 'typeorm';

/**
 * Counts SQL statements, so tests can assert what a page of results costs
 * (a query per row shows up as a count that grows with the page).
 */
export class QueryCounter extends AbstractLogger {
  /** The statements since the last reset, for a failing assertion to show. */
  readonly statements: string[] = [];

  constructor() {
    super(['query']);
  }

  reset(): void {
    this.statements.length = 0;
  }

  get queries(): number {
    return this.statements.length;
  }

  protected writeLog(level: LogLevel, message: LogMessage | LogMessage[]): void {
    const messages = Array.isArray(message) ? message : [message];
    if (level === 'query') {
      for (const m of messages) {
        const sql = String(m.message);
        if (!/^(START TRANSACTION|COMMIT|ROLLBACK)/i.test(sql)) this.statements.push(sql);
      }
    }
  }
}
