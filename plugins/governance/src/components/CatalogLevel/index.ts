export { createLevelColumn } from './createLevelColumn';
