import { Alert, Card, Spin, Table } from 'antd';
import { localTime } from '../lib/format.ts';
import { useLoad } from '../lib/use-load.ts';
import { changesText } from './change-text.ts';
import { AUDIT_ACTION_LABELS } from './labels.ts';
import type { AuditEntry } from './registry-api.ts';

/**
 * 变更记录: who changed what, oldest first; each changed field, in the form's order, by the label its
 * form gives it (the API's name as the tooltip) with its value before and after in words
 * (change-text.ts).
 */
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
        // On a phone the table scrolls sideways (a focusable region, for the keyboard) rather than
        // breaking every label into single characters.
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus to be scrolled by keyboard
        <section className="qs-registry-audit" aria-label="变更记录表格" tabIndex={0}>
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
                    {changesText(e.subjectType, e.changes).map((c) => (
                      <li key={c.field}>
                        <span title={c.field} className="qs-registry-field">
                          {c.label}
                        </span>
                        ：{c.before} → {c.after}
                      </li>
                    ))}
                  </ul>
                ),
              },
            ]}
          />
        </section>
      )}
    </Card>
  );
};
