import { Alert, Button, Card, Descriptions, Popconfirm, Space, Spin, Tag } from 'antd';
import { useState } from 'react';
import { dashboardPath } from '../carbon/drill.ts';
import { ENERGY_LABELS, label } from '../carbon/labels.ts';
import { currentMonth } from '../carbon/period.ts';
import { Link } from '../lib/link.tsx';
import { messageOf, useLoad } from '../lib/use-load.ts';
import type { PageProps } from '../module.ts';
import { AuditTrail } from './AuditTrail.tsx';
import { METER_FIELDS } from './field-labels.ts';
import { CONFLICT_TEXT, isVersionConflict } from './form-errors.ts';
import { METER_STATUS_LABELS } from './labels.ts';
import { MeterForm } from './MeterForm.tsx';
import { type Meter, useRegistryApi } from './registry-api.ts';
import './registry.css';

const enc = encodeURIComponent;

/** What the meter is, where it belongs, where to go from it, and retiring it. */
const MeterSummary = ({
  meter: m,
  enterpriseName,
  onStatus,
}: {
  meter: Meter;
  enterpriseName: string | undefined;
  onStatus: (status: 'active' | 'retired') => void;
}) => (
  <Card size="small" title={<h2>概况</h2>} style={{ marginBottom: 16 }}>
    <Descriptions
      size="small"
      column={1}
      items={[
        { key: 'h', label: '工业互联网标识', children: <code>{m.handle}</code> },
        {
          key: 'e',
          label: '企业',
          children: (
            <Link to={`registry/enterprises/${enc(m.enterpriseId)}`}>{enterpriseName ?? m.enterpriseId}</Link>
          ),
        },
        { key: 't', label: '品种', children: label(ENERGY_LABELS, m.energyType) },
        { key: 'i', label: '行业', children: m.industryCode },
        {
          key: 's',
          label: '状态',
          children: <Tag>{METER_STATUS_LABELS[m.status] ?? m.status}</Tag>,
        },
        { key: 'v', label: '版本', children: `第 ${m.version} 版` },
        {
          key: 'p',
          label: METER_FIELDS.measuredParameters.label,
          children: m.measuredParameters?.length
            ? `${m.measuredParameters.length} 项（在“参数”中修改）`
            : '无',
        },
      ]}
    />
    <Space wrap>
      <Link to="carbon/admin/meters">接入凭证（签发、轮换、吊销）</Link>
      <Link to={dashboardPath({ level: 'meter', id: m.id }, currentMonth())}>碳排放下钻</Link>
      {m.status === 'active' ? (
        <Popconfirm
          title={`停用 ${m.id}？停用后不再期待其上报，历史数据保留。`}
          okText="停用"
          cancelText="取消"
          onConfirm={() => onStatus('retired')}
        >
          <Button danger>停用计量器具</Button>
        </Popconfirm>
      ) : (
        <Button onClick={() => onStatus('active')}>恢复在用</Button>
      )}
    </Space>
  </Card>
);

/**
 * One meter: its parameters (editable under the version shown), retire or reactivate it, links to
 * its device credentials and its carbon drill-down, and its audit trail.
 */
const MeterPage = ({ params }: PageProps) => {
  const id = params.id ?? '';
  const api = useRegistryApi();
  const meter = useLoad(() => api.meter(id), id);
  const m = meter.data;
  const enterprise = useLoad(
    () => (m === undefined ? Promise.resolve(undefined) : api.enterprise(m.enterpriseId)),
    m?.enterpriseId ?? '',
  );
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string }>();
  const [auditTick, setAuditTick] = useState(0);
  const saved = (text: string) => {
    setOutcome({ ok: true, text });
    meter.reload();
    setAuditTick((n) => n + 1);
  };
  const setStatus = async (status: 'active' | 'retired') => {
    if (m === undefined) return;
    try {
      const next = await api.updateMeter(m.id, m.version, { status });
      saved(`${next.id} 已${status === 'retired' ? '停用' : '恢复在用'}，第 ${next.version} 版`);
    } catch (error) {
      setOutcome({ ok: false, text: isVersionConflict(error) ? CONFLICT_TEXT : messageOf(error) });
      meter.reload();
    }
  };
  return (
    <section aria-labelledby="meter-title">
      <h1 id="meter-title">计量器具：{m === undefined ? id : `${m.name}（${m.id}）`}</h1>
      {meter.error === undefined ? null : <Alert type="error" showIcon title={meter.error} />}
      {outcome === undefined ? null : (
        <Alert
          type={outcome.ok ? 'success' : 'warning'}
          showIcon
          title={outcome.text}
          style={{ marginBottom: 12 }}
        />
      )}
      {m === undefined ? (
        <Spin className="qs-page-spin" />
      ) : (
        <div className="qs-registry-grid">
          <Card size="small" title={<h2>参数</h2>}>
            {enterprise.data === undefined ? (
              <Spin />
            ) : (
              <MeterForm
                enterpriseId={m.enterpriseId}
                facilities={enterprise.data.facilities}
                record={m}
                reload={meter.reload}
                onSaved={(s) => saved(`已保存 ${s.id} 的参数，第 ${s.version} 版`)}
              />
            )}
          </Card>
          <div>
            <MeterSummary
              meter={m}
              enterpriseName={enterprise.data?.name}
              onStatus={(status) => void setStatus(status)}
            />
            <AuditTrail load={() => api.meterAudit(id)} loadKey={`${id}|${auditTick}`} />
          </div>
        </div>
      )}
    </section>
  );
};

export default MeterPage;
