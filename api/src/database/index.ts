/** Opening and preparing the app's database, for the server's start and the tests' set-up. */
export { DEMO_PASSWORD, setDemoPasswords } from '../auth/demoPasswords.ts';
export { openAppDatabase } from './openAppDatabase.ts';
export { preparedDatabaseKey } from './preparedDatabaseKey.ts';
