import { Alert, Button, Card, Descriptions, Modal, Space, Spin, Table, Tag } from 'antd';
import { useState } from 'react';
import { dashboardPath } from '../carbon/drill.ts';
import { ENERGY_LABELS, label } from '../carbon/labels.ts';
import { currentMonth } from '../carbon/period.ts';
import { Link } from '../lib/link.tsx';
import { useLoad } from '../lib/use-load.ts';
import type { PageProps } from '../module.ts';
import { AuditTrail } from './AuditTrail.tsx';
import { EnterpriseForm } from './EnterpriseForm.tsx';
import { FacilityForm } from './FacilityForm.tsx';
import { METER_STATUS_LABELS } from './labels.ts';
import { type EnterpriseDetail, type Facility, useRegistryApi } from './registry-api.ts';
import './registry.css';

type Meter = EnterpriseDetail['meters']['items'][number];
const enc = encodeURIComponent;
const where = (p?: { latitude: number; longitude: number }) => (p ? `${p.latitude}, ${p.longitude}` : '—');

/** One enterprise: its details (editable), its facilities (register, edit), its meters and its audit trail. */
const EnterprisePage = ({ params }: PageProps) => {
  const id = params.id ?? '';
  const api = useRegistryApi();
  const detail = useLoad(() => api.enterprise(id), id);
  const [facility, setFacility] = useState<Facility | 'new'>();
  const [saved, setSaved] = useState<string>();
  const [auditTick, setAuditTick] = useState(0);
  const afterSave = (text: string) => {
    setSaved(text);
    setFacility(undefined);
    detail.reload();
    setAuditTick((n) => n + 1);
  };
  const e = detail.data;
  return (
    <section aria-labelledby="enterprise-title">
      <h1 id="enterprise-title">企业：{e?.name ?? id}</h1>
      {detail.error === undefined ? null : <Alert type="error" showIcon title={detail.error} />}
      {saved === undefined ? null : (
        <Alert type="success" showIcon title={saved} style={{ marginBottom: 12 }} />
      )}
      {e === undefined ? (
        <Spin className="qs-page-spin" />
      ) : (
        <div className="qs-registry-grid">
          <Card size="small" title={<h2>企业信息</h2>}>
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'id', label: '编号', children: e.id },
                { key: 'h', label: '工业互联网标识', children: <code>{e.handle}</code> },
                { key: 'v', label: '版本', children: `第 ${e.version} 版` },
                {
                  key: 'l',
                  label: '查看',
                  children: (
                    <Space>
                      <Link to={dashboardPath({ level: 'enterprise', id: e.id }, currentMonth())}>
                        碳排放下钻
                      </Link>
                      <Link to={`registry/meters?enterprise=${enc(e.id)}`}>计量器具列表</Link>
                    </Space>
                  ),
                },
              ]}
            />
            <EnterpriseForm
              record={e}
              reload={detail.reload}
              onSaved={(s) => afterSave(`已保存企业 ${s.id}，第 ${s.version} 版`)}
            />
          </Card>
          <div>
            <Card
              size="small"
              title={<h2>设施</h2>}
              extra={<Button onClick={() => setFacility('new')}>登记设施</Button>}
              style={{ marginBottom: 16 }}
            >
              <Table<Facility>
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={e.facilities}
                columns={[
                  { title: '设施', dataIndex: 'name' },
                  { title: '编号', dataIndex: 'id' },
                  { title: '地址', dataIndex: 'address' },
                  { title: '位置', key: 'loc', render: (_, f) => where(f.location) },
                  {
                    title: '操作',
                    key: 'a',
                    render: (_, f) => (
                      <Space size="small">
                        <Button size="small" aria-label={`修改设施 ${f.id}`} onClick={() => setFacility(f)}>
                          修改
                        </Button>
                        <Link to={`registry/meters?enterprise=${enc(e.id)}&facility=${enc(f.id)}`}>
                          计量器具
                        </Link>
                      </Space>
                    ),
                  },
                ]}
              />
            </Card>
            <Card
              size="small"
              title={
                <h2>
                  计量器具（{e.meters.active} 在用 / 共 {e.meters.total}）
                </h2>
              }
              extra={<Link to={`registry/meters/new?enterprise=${enc(e.id)}`}>登记计量器具</Link>}
              style={{ marginBottom: 16 }}
            >
              <Table<Meter>
                size="small"
                rowKey="id"
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                dataSource={e.meters.items}
                columns={[
                  {
                    title: '计量器具',
                    key: 'n',
                    render: (_, m) => (
                      <Link to={`registry/meters/${enc(m.id)}`}>{`${m.name}（${m.id}）`}</Link>
                    ),
                  },
                  { title: '设施', dataIndex: 'facilityId' },
                  { title: '品种', dataIndex: 'energyType', render: (t: string) => label(ENERGY_LABELS, t) },
                  { title: '单位', dataIndex: 'unit' },
                  {
                    title: '状态',
                    dataIndex: 'status',
                    render: (s: string) => <Tag>{METER_STATUS_LABELS[s] ?? s}</Tag>,
                  },
                ]}
              />
            </Card>
            <AuditTrail load={() => api.enterpriseAudit(id)} loadKey={`${id}|${auditTick}`} />
          </div>
        </div>
      )}
      <Modal
        open={facility !== undefined}
        title={facility === 'new' ? '登记设施' : `修改设施 ${facility?.id ?? ''}`}
        footer={null}
        width={640}
        onCancel={() => setFacility(undefined)}
        destroyOnHidden
      >
        {facility === undefined ? null : (
          <FacilityForm
            enterpriseId={id}
            record={facility === 'new' ? undefined : e?.facilities.find((f) => f.id === facility.id)}
            reload={detail.reload}
            onSaved={(s) => afterSave(`已保存设施 ${s.id}，第 ${s.version} 版`)}
          />
        )}
      </Modal>
    </section>
  );
};

export default EnterprisePage;
