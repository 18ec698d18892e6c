export { ReviewQueue } from './ReviewQueue';
