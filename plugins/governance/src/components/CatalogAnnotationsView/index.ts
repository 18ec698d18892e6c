export { CatalogAnnotationsView } from './CatalogAnnotationsView';
