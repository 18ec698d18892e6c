export { RetrospectiveOutcomesView } from './RetrospectiveOutcomesView';
