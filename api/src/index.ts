export { createApp, type MarsadApp } from './app.ts';
export { loadConfig, type Config } from './config.ts';
export { serveApp } from './http/nodeServer.ts';
