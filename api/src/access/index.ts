export { ANONYMOUS, type Role, type Viewer } from './Viewer.ts';
export { projectVisibility, visibilityScope } from './projectVisibility.ts';
