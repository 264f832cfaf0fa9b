export { seedDemoData } from './seedDemoData.ts';
export { writeDemoData } from './writeDemoData.ts';
export { DEMO_DEFAULTS, defaultZones, type DemoOptions, type DemoSummary } from './DemoOptions.ts';
export { DEMO_EMAIL_DOMAIN } from './demoAccounts.ts';
export { encodeRgbPng, png } from './png.ts';
