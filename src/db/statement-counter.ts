import { AsyncLocalStorage } from 'node:async_hooks';
import { AdvancedConsoleLogger, type Logger as TypeormLogger, type QueryRunner } from 'typeorm';

/**
 * Counts the SQL statements run inside a scope (one GraphQL request, say). TypeORM hands every
 * statement to the DataSource's logger whether logging is on or not, so the count needs no help from
 * the code that runs the statements.
 */
export interface StatementTally {
  statements: number;
}

const scope = new AsyncLocalStorage<StatementTally>();

/** Runs `fn`, counting the statements it (and everything it starts) sends to the database. */
export function withStatementTally<T>(tally: StatementTally, fn: () => T): T {
  return scope.run(tally, fn);
}

/** The tally of the current scope, if any. */
export const currentStatementTally = (): StatementTally | undefined => scope.getStore();

/** TypeORM logger that counts statements per scope and, when asked, also logs them. */
export class StatementCountingLogger implements TypeormLogger {
  private readonly inner: TypeormLogger | null;

  constructor(logging: boolean) {
    this.inner = logging ? new AdvancedConsoleLogger('all') : null;
  }

  logQuery(query: string, parameters?: unknown[], queryRunner?: QueryRunner): void {
    const tally = scope.getStore();
    if (tally) tally.statements += 1;
    this.inner?.logQuery(query, parameters, queryRunner);
  }

  logQueryError(error: string | Error, query: string, parameters?: unknown[], queryRunner?: QueryRunner): void {
    this.inner?.logQueryError(error, query, parameters, queryRunner);
  }

  logQuerySlow(time: number, query: string, parameters?: unknown[], queryRunner?: QueryRunner): void {
    this.inner?.logQuerySlow(time, query, parameters, queryRunner);
  }

  logSchemaBuild(message: string, queryRunner?: QueryRunner): void {
    this.inner?.logSchemaBuild(message, queryRunner);
  }

  logMigration(message: string, queryRunner?: QueryRunner): void {
    this.inner?.logMigration(message, queryRunner);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown, queryRunner?: QueryRunner): void {
    this.inner?.log(level, message, queryRunner);
  }
}
