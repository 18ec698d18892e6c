import Alert from '@material-ui/lab/Alert';
import { CSSProperties } from 'react';

/** What the last action in a dialog came to, shown above what it changed. */
export interface Notice {
  severity: 'error' | 'warning' | 'success';
  message: string;
}

/** The last action's notice, if there is one. */
export function NoticeAlert(props: {
  notice?: Notice;
  style: CSSProperties;
  'data-testid'?: string;
}) {
  const { notice, style } = props;
  return notice ? (
    <Alert
      severity={notice.severity}
      style={style}
      data-testid={props['data-testid']}
    >
      {notice.message}
    </Alert>
  ) : null;
}
