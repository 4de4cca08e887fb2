import 'reflect-metadata';
import { loadConfig } from './src/config/config';
import { createDataSource } from './src/db/data-source';

/** The DataSource the TypeORM CLI uses (`npx typeorm-ts-node-commonjs migration:run -d ormconfig.ts`). */
const config = loadConfig();
export default createDataSource(config.database);
