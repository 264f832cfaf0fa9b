export { DEMO_PASSWORD, setDemoPasswords } from './demoPasswords.ts';
