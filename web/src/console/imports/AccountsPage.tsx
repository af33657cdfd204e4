import { Alert, Button, Spin, Table } from 'antd';
import { useState } from 'react';
import { ENERGY_LABELS, label } from '../carbon/labels.ts';
import { localTime } from '../lib/format.ts';
import { useLoad } from '../lib/use-load.ts';
import type { PageProps } from '../module.ts';
import { useRegistryApi } from '../registry/registry-api.ts';
import { AccountForm } from './AccountForm.tsx';
import { type ImportAccount, useImportsApi } from './imports-api.ts';
import { KIND_LABELS } from './labels.ts';

const COUNTS_LABELS = { feed: '以导入为准', meter: '以在线计量为准' } as const;

/** 导入账户映射 (admins): which registry meter each feed account stands for, and which source counts. */
const AccountsPage = (_: PageProps) => {
  const api = useImportsApi();
  const registry = useRegistryApi();
  const accounts = useLoad(() => api.accounts(), 'import-accounts');
  const meters = useLoad(() => registry.meters({}), 'meters');
  const [editing, setEditing] = useState<ImportAccount | 'new'>();
  const [saved, setSaved] = useState<string>();
  return (
    <section aria-labelledby="accounts-title">
      <h1 id="accounts-title">导入账户映射</h1>
      <p>
        每个账户（供电、供气户号，燃料供应商客户号，企业报表行）对应登记中的一个账户计量点；计量点决定企业、设施、能源品种与排放因子。
      </p>
      <Button type="primary" onClick={() => setEditing('new')} style={{ marginBottom: 12 }}>
        新增账户映射
      </Button>
      {saved === undefined ? null : <Alert role="status" type="success" showIcon title={saved} />}
      {accounts.error === undefined ? null : <Alert type="error" showIcon title={accounts.error} />}
      {accounts.data === undefined ? (
        <Spin className="qs-page-spin" />
      ) : (
        <Table<ImportAccount>
          size="small"
          rowKey="accountId"
          dataSource={accounts.data.items}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          columns={[
            { title: '账户编号', dataIndex: 'accountId' },
            { title: '名称', dataIndex: 'name', render: (n?: string) => n ?? '—' },
            { title: '类型', dataIndex: 'kind', render: (k: ImportAccount['kind']) => KIND_LABELS[k] },
            { title: '企业', dataIndex: 'enterpriseId' },
            {
              title: '账户计量点',
              dataIndex: 'meters',
              render: (m: Record<string, string>) =>
                Object.entries(m)
                  .map(([type, id]) => `${label(ENERGY_LABELS, type)}：${id}`)
                  .join('；'),
            },
            {
              title: '计入来源',
              dataIndex: 'counts',
              render: (c: ImportAccount['counts']) => COUNTS_LABELS[c],
            },
            {
              title: '更新',
              key: 'updated',
              render: (_, a) => `${a.updatedBy}，${localTime(a.updatedAt)}`,
            },
            {
              title: '操作',
              key: 'edit',
              render: (_, a) => (
                <Button size="small" aria-label={`修改 ${a.accountId}`} onClick={() => setEditing(a)}>
                  修改
                </Button>
              ),
            },
          ]}
        />
      )}
      {editing === undefined ? null : (
        <AccountForm
          api={api}
          account={editing === 'new' ? undefined : editing}
          meters={meters.data?.items ?? []}
          onClose={(done) => {
            setEditing(undefined);
            if (done === undefined) return;
            setSaved(`已保存账户映射 ${done.accountId}（${COUNTS_LABELS[done.counts]}）`);
            accounts.reload();
          }}
        />
      )}
    </section>
  );
};

export default AccountsPage;
