export { createApp, type MarsadApp } from './app.ts';
export { loadConfig, type Config } from './config.ts';
export { setUpDatabase } from './database/setUpDatabase.ts';
export { preparedDatabaseKey } from './database/preparedDatabaseKey.ts';
