export { NoticeAlert } from './NoticeAlert';
export type { Notice } from './NoticeAlert';
