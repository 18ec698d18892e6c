export { ArchitectureCouncilPage } from './ArchitectureCouncilPage';
