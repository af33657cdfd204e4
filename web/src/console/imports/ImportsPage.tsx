import { Alert, Progress, Spin, Table, Tag } from 'antd';
import { useEffect } from 'react';
import { useRouter } from '../../shared/router.tsx';
import { useConsole } from '../context.tsx';
import { localTime } from '../lib/format.ts';
import { Link } from '../lib/link.tsx';
import { useLoad } from '../lib/use-load.ts';
import type { PageProps } from '../module.ts';
import { type ImportSummary, useImportsApi } from './imports-api.ts';
import { isActive, KIND_LABELS, STATUS_LABELS } from './labels.ts';
import { UploadCard } from './UploadCard.tsx';

/** How often a list or report with a running import reads the records again. */
export const POLL_MS = 2000;

export const ImportProgress = ({ item }: { item: Pick<ImportSummary, 'status' | 'progress' | 'id'> }) => {
  const { rowsDone, totalRows } = item.progress;
  const percent = totalRows === null || totalRows === 0 ? 0 : Math.floor((rowsDone / totalRows) * 100);
  const done = item.status === 'succeeded' || item.status === 'withdrawn';
  return (
    <Progress
      aria-label={`导入进度 ${item.id}`}
      percent={done ? 100 : percent}
      size="small"
      status={item.status === 'failed' ? 'exception' : isActive(item.status) ? 'active' : 'normal'}
      format={() => `${rowsDone} / ${totalRows ?? '…'} 行`}
    />
  );
};

export const StatusTag = ({ status }: { status: ImportSummary['status'] }) => (
  <Tag color={STATUS_LABELS[status].color}>{STATUS_LABELS[status].text}</Tag>
);

/**
 * An enterprise account imports for its own enterprise alone (docs/imports.md, "Who may import"): the
 * page says so, and what becomes of a row of another enterprise's account.
 */
const OwnEnterpriseNote = () => {
  const { session } = useConsole();
  if (session.enterpriseId === undefined || session.roles.includes('admin')) return null;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      title={`本企业：${session.enterpriseId}`}
      description="企业账号只能导入和查看本企业的数据。文件中不属于本企业的账户按“账户未登记”逐行拒绝，其余行照常导入；账户映射由管理员维护。"
    />
  );
};

/** 数据导入: upload a file, and the imports newest first, polled while any is still moving. */
const ImportsPage = (_: PageProps) => {
  const api = useImportsApi();
  const { navigate } = useRouter();
  const list = useLoad(() => api.list(), 'imports');
  const moving = list.data?.items.some((item) => isActive(item.status)) ?? false;
  const { reload } = list;
  useEffect(() => {
    if (!moving) return;
    const timer = setInterval(reload, POLL_MS);
    return () => clearInterval(timer);
  }, [moving, reload]);
  return (
    <section aria-labelledby="imports-title">
      <h1 id="imports-title">数据导入</h1>
      <OwnEnterpriseNote />
      <UploadCard api={api} onCreated={(view) => navigate(`imports/${view.id}`)} />
      <h2>导入记录</h2>
      {list.error === undefined ? null : <Alert type="error" showIcon title={list.error} />}
      {list.data === undefined ? (
        <Spin className="qs-page-spin" />
      ) : (
        <Table<ImportSummary>
          size="small"
          rowKey="id"
          dataSource={list.data.items}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            {
              title: '文件',
              dataIndex: 'fileName',
              render: (name: string, item) => <Link to={`imports/${item.id}`}>{name}</Link>,
            },
            { title: '类型', dataIndex: 'kind', render: (kind: ImportSummary['kind']) => KIND_LABELS[kind] },
            {
              title: '状态',
              dataIndex: 'status',
              render: (s: ImportSummary['status']) => <StatusTag status={s} />,
            },
            {
              title: '进度',
              key: 'progress',
              width: 200,
              render: (_, item) => <ImportProgress item={item} />,
            },
            {
              title: '行数（接受/拒绝）',
              key: 'counts',
              render: (_, item) => `${item.counts.rows}（${item.counts.accepted} / ${item.counts.refused}）`,
            },
            { title: '上传人', dataIndex: 'uploadedBy' },
            { title: '上传时间', dataIndex: 'createdAt', render: (t: string) => localTime(t) },
          ]}
        />
      )}
    </section>
  );
};

export default ImportsPage;
