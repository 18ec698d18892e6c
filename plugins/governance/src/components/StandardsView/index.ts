export { StandardsView } from './StandardsView';
