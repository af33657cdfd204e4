import { Alert, Input, Spin, Table, Tag } from 'antd';
import { useQueryState } from '../../lib/query-state.ts';
import { useLoad } from '../../lib/use-load.ts';
import type { PageProps } from '../../module.ts';
import { ENERGY_LABELS, label } from '../labels.ts';
import { type FactorList, useCarbonAdminApi } from './admin-api.ts';
import '../carbon.css';

type Factor = FactorList['items'][number];

/** 排放因子库: every factor version with its value, source, citation and whether it was checked. */
const FactorsPage = (_: PageProps) => {
  const admin = useCarbonAdminApi();
  const query = useQueryState();
  const filter = query.get('q') ?? '';
  const list = useLoad(() => admin.factors(), 'factors');
  const items = (list.data?.items ?? []).filter((f) =>
    filter === ''
      ? true
      : `${f.id} ${f.kind} ${f.activityType} ${f.region} ${f.source}`
          .toLowerCase()
          .includes(filter.toLowerCase()),
  );
  return (
    <section aria-labelledby="f-title">
      <h1 id="f-title">排放因子库</h1>
      <label htmlFor="f-q">筛选（编号、类型、能源、地区、来源）</label>
      <Input
        id="f-q"
        style={{ maxWidth: 320, display: 'block', marginBottom: 12 }}
        value={filter}
        onChange={(e) => query.set({ q: e.target.value })}
      />
      {list.error === undefined ? null : <Alert type="error" showIcon title={list.error} />}
      {list.data === undefined ? (
        <Spin className="qs-page-spin" />
      ) : (
        <Table<Factor>
          size="small"
          rowKey={(f) => `${f.id}@${f.version}`}
          dataSource={items}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          columns={[
            {
              title: '因子',
              key: 'id',
              width: '22%',
              render: (_, f) => <code className="qs-carbon-break">{`${f.id}@${f.version}`}</code>,
            },
            { title: '类型', dataIndex: 'kind' },
            { title: '能源', dataIndex: 'activityType', render: (a: string) => label(ENERGY_LABELS, a) },
            { title: '地区', dataIndex: 'region' },
            { title: '年份', dataIndex: 'year' },
            {
              title: '数值',
              key: 'v',
              render: (_, f) =>
                f.value === undefined ? (
                  <span className="qs-muted">多参数</span>
                ) : (
                  `${f.value} ${f.unit ?? ''}`
                ),
            },
            {
              title: '来源',
              key: 'src',
              width: '30%',
              render: (_, f) => (
                <>
                  {f.source}
                  <div className="qs-muted">{f.citation}</div>
                </>
              ),
            },
            {
              title: '核对',
              key: 'ver',
              render: (_, f) =>
                f.verification.status === 'verified' ? (
                  <Tag color="green">已核对原文</Tag>
                ) : (
                  <Tag title={f.verification.note}>未核对原文</Tag>
                ),
            },
          ]}
        />
      )}
    </section>
  );
};

export default FactorsPage;
