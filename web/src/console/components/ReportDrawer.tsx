import { Alert, Drawer, Space } from 'antd';
import type { ReportWithLinks } from '../api.ts';

/**
 * One report opened in the console: its HTML rendered in a sandboxed frame (no scripts, no
 * same-origin) and the original files to download, each through the short-lived link the API
 * signed for the caller (`GET /reports/{id}`). `open` is the report, or the reason it could not be read.
 */
export const ReportDrawer = ({
  open,
  onClose,
}: {
  open: ReportWithLinks | string | undefined;
  onClose: () => void;
}) => (
  <Drawer
    open={open !== undefined}
    onClose={onClose}
    size="large"
    title={typeof open === 'object' ? open.title : '报表'}
  >
    {typeof open === 'string' ? <Alert type="error" showIcon title={open} /> : null}
    {typeof open === 'object' ? (
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space wrap>
          {(['html', 'csv', 'json'] as const).map((format) =>
            open.links[format] === undefined ? null : (
              <a key={format} href={open.links[format]} target="_blank" rel="noopener noreferrer">
                下载 {format.toUpperCase()}
              </a>
            ),
          )}
        </Space>
        {open.links.html === undefined ? null : (
          <iframe
            title={open.title}
            src={open.links.html}
            sandbox=""
            style={{ width: '100%', height: '70vh', border: '1px solid #e5e8e6' }}
          />
        )}
      </Space>
    ) : null}
  </Drawer>
);
