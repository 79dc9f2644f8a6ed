import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config.js';
import { dataSourceOptions } from './data-source-options.js';

/** Used by the TypeORM CLI (migration:generate and the drift check). */
export default new DataSource(dataSourceOptions(loadConfig().databaseUrl));
