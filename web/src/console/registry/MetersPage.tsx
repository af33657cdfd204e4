import { Alert, Select, Space, Spin, Table, Tag } from 'antd';
import { ENERGY_LABELS, label } from '../carbon/labels.ts';
import { Link } from '../lib/link.tsx';
import { useQueryState } from '../lib/query-state.ts';
import { useLoad } from '../lib/use-load.ts';
import type { PageProps } from '../module.ts';
import { METER_STATUS_LABELS } from './labels.ts';
import { type Meter, useRegistryApi } from './registry-api.ts';

const enc = encodeURIComponent;

/** 计量器具登记: the meters of an enterprise (`?enterprise=`) or one facility (`&facility=`), or all. */
const MetersPage = (_: PageProps) => {
  const api = useRegistryApi();
  const query = useQueryState();
  const enterpriseId = query.get('enterprise');
  const facilityId = query.get('facility');
  const enterprises = useLoad(() => api.enterprises(), 'enterprises');
  const detail = useLoad(
    () => (enterpriseId === undefined ? Promise.resolve(undefined) : api.enterprise(enterpriseId)),
    enterpriseId ?? '',
  );
  const meters = useLoad(() => api.meters({ enterpriseId, facilityId }), `${enterpriseId}|${facilityId}`);
  return (
    <section aria-labelledby="meters-title">
      <h1 id="meters-title">计量器具登记</h1>
      <Space className="qs-filters" wrap>
        <Select
          aria-label="企业"
          placeholder="全部企业"
          allowClear
          showSearch
          optionFilterProp="label"
          style={{ width: 280 }}
          value={enterpriseId}
          options={enterprises.data?.items.map((e) => ({ value: e.id, label: `${e.name}（${e.id}）` }))}
          onChange={(value?: string) => query.set({ enterprise: value, facility: undefined })}
        />
        <Select
          aria-label="设施"
          placeholder="全部设施"
          allowClear
          disabled={enterpriseId === undefined}
          style={{ width: 220 }}
          value={facilityId}
          options={detail.data?.facilities.map((f) => ({ value: f.id, label: `${f.name}（${f.id}）` }))}
          onChange={(value?: string) => query.set({ facility: value })}
        />
        {enterpriseId === undefined ? null : (
          <Link
            to={`registry/meters/new?enterprise=${enc(enterpriseId)}${facilityId ? `&facility=${enc(facilityId)}` : ''}`}
          >
            登记计量器具
          </Link>
        )}
      </Space>
      {meters.error === undefined ? null : <Alert type="error" showIcon title={meters.error} />}
      {meters.data === undefined ? (
        <Spin className="qs-page-spin" />
      ) : (
        <Table<Meter>
          size="small"
          rowKey="id"
          dataSource={meters.data.items}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          columns={[
            {
              title: '计量器具',
              key: 'n',
              render: (_, m) => <Link to={`registry/meters/${enc(m.id)}`}>{`${m.name}（${m.id}）`}</Link>,
            },
            {
              title: '企业',
              dataIndex: 'enterpriseId',
              render: (id: string) => <Link to={`registry/enterprises/${enc(id)}`}>{id}</Link>,
            },
            { title: '设施', dataIndex: 'facilityId' },
            { title: '品种', dataIndex: 'energyType', render: (t: string) => label(ENERGY_LABELS, t) },
            { title: '单位', dataIndex: 'unit' },
            {
              title: '读数方式',
              dataIndex: 'readingKind',
              render: (k: string) => (k === 'cumulative' ? '累计值' : '区间量'),
            },
            { title: '上报间隔', dataIndex: 'expectedIntervalSeconds', render: (s: number) => `${s} 秒` },
            {
              title: '状态',
              dataIndex: 'status',
              render: (s: string) => <Tag>{METER_STATUS_LABELS[s] ?? s}</Tag>,
            },
          ]}
        />
      )}
    </section>
  );
};

export default MetersPage;
