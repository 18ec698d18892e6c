export { AnnotationProblemsAlert } from './AnnotationProblemsAlert';
export type { AnnotationProblemsAlertProps } from './AnnotationProblemsAlert';
