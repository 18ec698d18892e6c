export { Muted } from './Muted';
