import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Modal, Spin, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { localTime } from '../lib/format.ts';
import { Link } from '../lib/link.tsx';
import { messageOf, useLoad } from '../lib/use-load.ts';
import type { PageProps } from '../module.ts';
import { ImportProgress, POLL_MS, StatusTag } from './ImportsPage.tsx';
import { type ImportView, useImportsApi } from './imports-api.ts';
import { isActive, KIND_LABELS, reasonLabel } from './labels.ts';
import './imports.css';

type RefusedRow = ImportView['refused'][number];

/**
 * 导入报告: progress (polled while the job runs), the counts, each refused row with its reason, the
 * refused rows as a CSV to correct and upload again, and withdrawal of the whole import.
 */
const ImportPage = ({ params }: PageProps) => {
  const id = params.id ?? '';
  const api = useImportsApi();
  const report = useLoad(() => api.get(id), id);
  const [confirming, setConfirming] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string }>();
  const view = report.data;
  const moving = view !== undefined && isActive(view.status);
  const { reload } = report;
  useEffect(() => {
    if (!moving) return;
    const timer = setInterval(reload, POLL_MS);
    return () => clearInterval(timer);
  }, [moving, reload]);

  // The link lives five minutes: read the report again so the download never meets an expired one.
  const download = async () => {
    const link = (await api.get(id)).links.refusedCsv;
    if (link !== undefined) window.location.assign(link);
  };
  const withdraw = async () => {
    try {
      await api.withdraw(id);
      setOutcome({ ok: true, text: '已提交撤回，导入的数据将逐行恢复为导入前的值。' });
      reload();
    } catch (failure) {
      setOutcome({ ok: false, text: messageOf(failure) });
    } finally {
      setConfirming(false);
    }
  };
  if (view === undefined) {
    return report.error === undefined ? (
      <Spin className="qs-page-spin" />
    ) : (
      <section aria-labelledby="import-title">
        <p>
          <Link to="imports">← 返回导入记录</Link>
        </p>
        <h1 id="import-title">导入 {id}</h1>
        <Alert type="error" showIcon title={report.error} />
      </section>
    );
  }
  const { counts } = view;
  return (
    <section aria-labelledby="import-title">
      <p>
        <Link to="imports">← 返回导入记录</Link>
      </p>
      <h1 id="import-title">导入：{view.fileName}</h1>
      {outcome === undefined ? null : (
        <Alert role="status" type={outcome.ok ? 'success' : 'error'} showIcon title={outcome.text} />
      )}
      <Card size="small" style={{ margin: '16px 0' }}>
        <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }}>
          <Descriptions.Item label="状态">
            <StatusTag status={view.status} />
          </Descriptions.Item>
          <Descriptions.Item label="类型">
            {KIND_LABELS[view.kind]}（模板第 {view.templateVersion} 版）
          </Descriptions.Item>
          <Descriptions.Item label="上传">
            {view.uploadedBy}，{localTime(view.createdAt)}
          </Descriptions.Item>
          <Descriptions.Item label="进度" span="filled">
            <ImportProgress item={view} />
          </Descriptions.Item>
          <Descriptions.Item label="总行数">{counts.rows}</Descriptions.Item>
          <Descriptions.Item label="接受">{counts.accepted}</Descriptions.Item>
          <Descriptions.Item label="拒绝">{counts.refused}</Descriptions.Item>
          <Descriptions.Item label="新增月份">{counts.new}</Descriptions.Item>
          <Descriptions.Item label="更正">{counts.corrections}</Descriptions.Item>
          <Descriptions.Item label="仅记录不计入">{counts.notCounted}</Descriptions.Item>
        </Descriptions>
        {view.error === undefined ? null : <Alert type="error" showIcon title={view.error} />}
        {view.withdrawal === undefined ? null : (
          <p>
            撤回：{view.withdrawal.requestedBy} 于 {localTime(view.withdrawal.requestedAt)} 提出
            {view.withdrawal.finishedAt === undefined
              ? '，正在处理'
              : `，${localTime(view.withdrawal.finishedAt)} 完成，恢复 ${view.withdrawal.changed} 个账户月份`}
          </p>
        )}
        {view.status === 'succeeded' || view.status === 'failed' ? (
          <Button danger onClick={() => setConfirming(true)}>
            撤回导入
          </Button>
        ) : null}
      </Card>
      <RefusedRows view={view} onDownload={() => void download()} />
      <Modal
        open={confirming}
        title="撤回导入"
        okText="撤回导入"
        okButtonProps={{ danger: true }}
        cancelText="取消"
        onOk={() => void withdraw()}
        onCancel={() => setConfirming(false)}
      >
        <p>
          撤回后，本次导入接受的每个账户月份恢复为导入前的值（此后已被其他导入更正的月份不变）。确定撤回“
          {view.fileName}”吗？
        </p>
      </Modal>
    </section>
  );
};

const RefusedRows = ({ view, onDownload }: { view: ImportView; onDownload: () => void }) => (
  <>
    <h2>被拒绝的行（{view.counts.refused}）</h2>
    {view.links.refusedCsv === undefined ? null : (
      <Button icon={<DownloadOutlined />} onClick={onDownload} style={{ marginBottom: 12 }}>
        下载被拒绝的行（CSV，改正后可重新导入）
      </Button>
    )}
    {view.counts.refused > view.refused.length ? (
      <p>此处列出前 {view.refused.length} 行；全部见 CSV。</p>
    ) : null}
    {/* On a phone the table scrolls sideways (a focusable region, for the keyboard) rather than
        breaking the messages into a word a line. */}
    {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus to be scrolled by keyboard */}
    <section className="qs-import-refused" aria-label="被拒绝的行表格" tabIndex={0}>
      <Table<RefusedRow>
        size="small"
        rowKey="row"
        dataSource={view.refused}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: '行号', dataIndex: 'row' },
          {
            title: '原因',
            dataIndex: 'reason',
            render: (reason: string) => <Tag>{reasonLabel(reason)}</Tag>,
          },
          { title: '说明', dataIndex: 'message' },
          { title: '列', dataIndex: 'field' },
          {
            title: '原始内容',
            dataIndex: 'fields',
            render: (fields: Record<string, string>) => Object.values(fields).join(', '),
          },
        ]}
      />
    </section>
  </>
);

export default ImportPage;
