import { IngestionFoundation1795727766775 } from './1795727766775-ingestion-foundation';

/** Every migration in order; listed explicitly so that tsx, ts-jest and compiled builds load the same set. */
export const MIGRATIONS = [IngestionFoundation1795727766775];
