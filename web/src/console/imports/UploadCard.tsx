import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import type { FeedKind } from '../../../../shared/domain/imports/templates.ts';
import { messageOf } from '../lib/use-load.ts';
import type { ImportsApi, ImportView } from './imports-api.ts';
import { KIND_LABELS } from './labels.ts';
import { formatOf, TEMPLATE_CHOICES, templateCsvUrl } from './templates.ts';

/**
 * 上传导入文件: the feed kind (each template with its version and a download), a CSV or .xlsx file,
 * the presigned upload, then the import is created (queued: the job picks it up within a minute).
 */
export const UploadCard = ({
  api,
  onCreated,
}: {
  api: ImportsApi;
  onCreated: (view: ImportView) => void;
}) => {
  const [kind, setKind] = useState<FeedKind>('utility-monthly');
  const [file, setFile] = useState<File>();
  const [busy, setBusy] = useState(false);
  // A new key empties the file input after an import started.
  const [inputKey, setInputKey] = useState(0);
  const [error, setError] = useState<string>();
  const format = file === undefined ? undefined : formatOf(file.name);
  const start = async () => {
    if (file === undefined || format === undefined) return;
    setBusy(true);
    setError(undefined);
    try {
      const uploadId = await api.upload(file, format);
      const version = TEMPLATE_CHOICES.find((t) => t.kind === kind)?.version ?? 1;
      onCreated(await api.create({ uploadId, format, kind, templateVersion: version, fileName: file.name }));
      setFile(undefined);
      setInputKey((n) => n + 1);
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={<h2>上传导入文件</h2>} size="small" style={{ marginBottom: 16 }}>
      <Form layout="vertical" onFinish={() => void start()}>
        <Form.Item label="数据类型">
          <Radio.Group
            aria-label="数据类型"
            value={kind}
            onChange={(event) => setKind(event.target.value as FeedKind)}
          >
            <Space direction="vertical">
              {TEMPLATE_CHOICES.map((t) => (
                <Radio key={t.kind} value={t.kind}>
                  {KIND_LABELS[t.kind]}（{t.kind}，模板第 {t.version} 版）
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </Form.Item>
        <Form.Item label="模板（表头中英文均可，第二行为示例）">
          <ul className="qs-import-templates">
            {TEMPLATE_CHOICES.map((t) => (
              <li key={t.kind}>
                <a
                  href={templateCsvUrl(t.kind, t.version)}
                  download={`模板-${t.kind}-v${t.version}.csv`}
                  // Inside a line of text a link needs more than its colour (WCAG 1.4.1).
                  style={{ textDecoration: 'underline' }}
                >
                  下载{KIND_LABELS[t.kind]}模板
                </a>
                （{t.columns.map((c) => c.zh).join('、')}）
              </li>
            ))}
          </ul>
        </Form.Item>
        <Form.Item
          label="文件（CSV 或 .xlsx，至多 10 万行、20 MB）"
          htmlFor="import-file"
          {...(file !== undefined && format === undefined
            ? { validateStatus: 'error' as const, help: '只接受 .csv 或 .xlsx 文件' }
            : {})}
        >
          <input
            key={inputKey}
            id="import-file"
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(event) => setFile(event.target.files?.[0])}
          />
        </Form.Item>
        {file === undefined ? null : (
          <Typography.Paragraph>
            已选择：{file.name}（{Math.ceil(file.size / 1024)} KB）
          </Typography.Paragraph>
        )}
        {error === undefined ? null : (
          <Alert role="alert" type="error" showIcon title="导入未开始" description={error} />
        )}
        <Button
          type="primary"
          htmlType="submit"
          icon={<UploadOutlined />}
          loading={busy}
          disabled={format === undefined}
        >
          上传并开始导入
        </Button>
      </Form>
    </Card>
  );
};
