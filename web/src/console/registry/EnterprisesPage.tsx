import { Alert, Button, Input, Modal, Space, Spin, Table, Tag } from 'antd';
import { useState } from 'react';
import { useRouter } from '../../shared/router.tsx';
import { Link } from '../lib/link.tsx';
import { useQueryState } from '../lib/query-state.ts';
import { useLoad } from '../lib/use-load.ts';
import type { PageProps } from '../module.ts';
import { EnterpriseForm } from './EnterpriseForm.tsx';
import { ENTERPRISE_STATUS_LABELS } from './labels.ts';
import { type Enterprise, useRegistryApi } from './registry-api.ts';

const matches = (e: Enterprise, q: string) =>
  [e.id, e.name, e.uscc, e.industryCode, e.address].some((field) => field.toLowerCase().includes(q));

/** 企业登记: every enterprise, searched by name, id, USCC, industry or address (`?q=`), and registering one. */
const EnterprisesPage = (_: PageProps) => {
  const api = useRegistryApi();
  const { navigate } = useRouter();
  const query = useQueryState();
  const q = query.get('q') ?? '';
  const [creating, setCreating] = useState(false);
  const list = useLoad(() => api.enterprises(), 'enterprises');
  const shown = list.data?.items.filter((e) => matches(e, q.trim().toLowerCase())) ?? [];
  return (
    <section aria-labelledby="enterprises-title">
      <h1 id="enterprises-title">企业登记</h1>
      <Space className="qs-filters">
        <Input.Search
          aria-label="搜索企业"
          placeholder="名称、编号、信用代码、行业或地址"
          defaultValue={q}
          allowClear
          style={{ width: 320 }}
          onSearch={(value) => query.set({ q: value })}
        />
        <Button type="primary" onClick={() => setCreating(true)}>
          登记企业
        </Button>
      </Space>
      {list.error === undefined ? null : <Alert type="error" showIcon title={list.error} />}
      {list.data === undefined ? (
        <Spin className="qs-page-spin" />
      ) : (
        <Table<Enterprise>
          size="small"
          rowKey="id"
          dataSource={shown}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          columns={[
            {
              title: '企业',
              key: 'name',
              render: (_, e) => <Link to={`registry/enterprises/${encodeURIComponent(e.id)}`}>{e.name}</Link>,
            },
            { title: '编号', dataIndex: 'id' },
            { title: '统一社会信用代码', dataIndex: 'uscc' },
            { title: '行业', dataIndex: 'industryCode' },
            { title: '地址', dataIndex: 'address' },
            {
              title: '状态',
              dataIndex: 'status',
              render: (s: string) => <Tag>{ENTERPRISE_STATUS_LABELS[s] ?? s}</Tag>,
            },
            { title: '标识', dataIndex: 'handle', render: (h: string) => <code>{h}</code> },
          ]}
        />
      )}
      <Modal
        open={creating}
        title="登记企业"
        footer={null}
        width={720}
        onCancel={() => setCreating(false)}
        destroyOnHidden
      >
        <EnterpriseForm
          reload={list.reload}
          onSaved={(saved) => navigate(`registry/enterprises/${encodeURIComponent(saved.id)}`)}
        />
      </Modal>
    </section>
  );
};

export default EnterprisesPage;
