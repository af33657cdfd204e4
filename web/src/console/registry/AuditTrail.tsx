import { Alert, Card, Spin, Table } from 'antd';
import { localTime } from '../lib/format.ts';
import { useLoad } from '../lib/use-load.ts';
import { AUDIT_ACTION_LABELS } from './labels.ts';
import type { AuditEntry } from './registry-api.ts';

const shown = (value: unknown) =>
  value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value);

/** 变更记录: who changed what, oldest first, each changed field with its value before and after. */
export const AuditTrail = ({
  load,
  loadKey,
}: {
  load: () => Promise<{ items: AuditEntry[] }>;
  loadKey: string;
}) => {
  const audit = useLoad(load, loadKey);
  return (
    <Card size="small" title={<h2>变更记录</h2>}>
      {audit.error === undefined ? null : <Alert type="error" showIcon title={audit.error} />}
      {audit.data === undefined ? (
        <Spin />
      ) : (
        <Table<AuditEntry>
          size="small"
          rowKey={(e) => `${e.at}|${e.subjectId}|${e.version}`}
          dataSource={audit.data.items}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: '时间', dataIndex: 'at', render: (at: string) => localTime(at) },
            { title: '操作人', dataIndex: 'actorName' },
            { title: '操作', dataIndex: 'action', render: (a: string) => AUDIT_ACTION_LABELS[a] ?? a },
            { title: '对象', key: 's', render: (_, e) => `${e.subjectId}（第 ${e.version} 版）` },
            {
              title: '变更',
              key: 'c',
              render: (_, e) => (
                <ul className="qs-registry-changes">
                  {e.changes.map((c) => (
                    <li key={c.field}>
                      <code>{c.field}</code>：{shown(c.before)} → {shown(c.after)}
                    </li>
                  ))}
                </ul>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
};
