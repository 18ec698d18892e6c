export { DialogSection, FactList } from './DialogSection';
