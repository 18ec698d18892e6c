export { StackTechnologiesView } from './StackTechnologiesView';
