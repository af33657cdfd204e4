import { Alert, Button, Form, Input, InputNumber, Select, Spin, Table } from 'antd';
import { useState } from 'react';
import { localTime } from '../../lib/format.ts';
import { messageOf, useLoad } from '../../lib/use-load.ts';
import type { PageProps } from '../../module.ts';
import { type Budget, useCarbonApi } from '../api.ts';
import { LEVEL_LABELS, tonnes } from '../labels.ts';
import { currentMonth } from '../period.ts';
import { type BudgetBody, useCarbonAdminApi } from './admin-api.ts';
import '../carbon.css';

interface FormValues {
  level: 'city' | 'industry' | 'enterprise';
  id: string;
  period: string;
  metric: 'co2e' | 'tce';
  limitTonnes: number;
  warningRatio: number;
  version?: number;
}

/**
 * 预算: every budget (carbon in tCO2e, energy in tce; a year or a month) and a form to set one. A
 * budget read from the list is replaced with its version, so a change made meanwhile is refused (409).
 */
const BudgetsPage = (_: PageProps) => {
  const api = useCarbonApi();
  const admin = useCarbonAdminApi();
  const [form] = Form.useForm<FormValues>();
  const [tick, setTick] = useState(0);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string }>();
  const list = useLoad(() => api.budgets({}), String(tick));
  const edit = (b: Budget) => form.setFieldsValue({ ...b, id: b.targetId, version: b.version } as FormValues);
  const save = async (v: FormValues) => {
    const body: BudgetBody = { metric: v.metric, limitTonnes: v.limitTonnes, warningRatio: v.warningRatio };
    if (v.version !== undefined) body.version = v.version;
    try {
      const saved = await admin.putBudget(v.level, v.level === 'city' ? 'city' : v.id, v.period, body);
      setOutcome({ ok: true, text: `已保存：${saved.targetId} ${saved.period}，第 ${saved.version} 版` });
      form.setFieldsValue({ version: saved.version });
      setTick((n) => n + 1);
    } catch (failure) {
      setOutcome({ ok: false, text: messageOf(failure) });
    }
  };
  return (
    <section aria-labelledby="budgets-title">
      <h1 id="budgets-title">碳排放与能耗预算</h1>
      <Form<FormValues>
        form={form}
        layout="inline"
        className="qs-filters"
        aria-label="设定预算"
        initialValues={{ level: 'enterprise', period: currentMonth(), metric: 'co2e', warningRatio: 0.9 }}
        onFinish={(v) => void save(v)}
      >
        <Form.Item label="层级" name="level">
          <Select
            style={{ width: 100 }}
            options={(['enterprise', 'industry', 'city'] as const).map((l) => ({
              value: l,
              label: LEVEL_LABELS[l],
            }))}
          />
        </Form.Item>
        <Form.Item
          label="对象编号"
          name="id"
          rules={[{ required: true, message: '请填写企业编号或行业代码（全区填 city）' }]}
        >
          <Input style={{ width: 140 }} placeholder="ENT-0001" />
        </Form.Item>
        <Form.Item
          label="期间"
          name="period"
          rules={[
            { required: true, pattern: /^\d{4}(-(0[1-9]|1[0-2]))?$/, message: '年（2026）或月（2026-11）' },
          ]}
        >
          <Input style={{ width: 110 }} />
        </Form.Item>
        <Form.Item label="指标" name="metric">
          <Select
            style={{ width: 180 }}
            options={[
              { value: 'co2e', label: '碳排放（tCO2e）' },
              { value: 'tce', label: '能耗（tce）' },
            ]}
          />
        </Form.Item>
        <Form.Item label="上限（吨）" name="limitTonnes" rules={[{ required: true, message: '请填写上限' }]}>
          <InputNumber min={0.001} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item label="预警比例" name="warningRatio">
          <InputNumber min={0.01} max={0.99} step={0.05} style={{ width: 90 }} />
        </Form.Item>
        <Form.Item label="版本" name="version" tooltip="修改已有预算时带上读到的版本；新建时留空">
          <InputNumber min={1} style={{ width: 80 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          保存预算
        </Button>
      </Form>
      {outcome === undefined ? null : (
        <Alert type={outcome.ok ? 'success' : 'error'} showIcon title={outcome.text} />
      )}
      {list.error === undefined ? null : <Alert type="error" showIcon title={list.error} />}
      {list.data === undefined ? (
        <Spin className="qs-page-spin" />
      ) : (
        <Table<Budget>
          size="small"
          rowKey={(b) => `${b.level}|${b.targetId}|${b.metric}|${b.period}`}
          dataSource={list.data.items}
          columns={[
            { title: '层级', dataIndex: 'level', render: (l: Budget['level']) => LEVEL_LABELS[l] },
            { title: '对象', dataIndex: 'targetId' },
            { title: '期间', dataIndex: 'period' },
            {
              title: '指标',
              dataIndex: 'metric',
              render: (m: string) => (m === 'tce' ? '能耗 tce' : '碳排放 tCO2e'),
            },
            { title: '上限', dataIndex: 'limitTonnes', align: 'right', render: tonnes },
            { title: '预警', dataIndex: 'warningRatio', render: (r: number) => `${Math.round(r * 100)}%` },
            { title: '版本', dataIndex: 'version' },
            { title: '更新', key: 'u', render: (_, b) => `${localTime(b.updatedAt)} ${b.updatedBy}` },
            {
              title: '操作',
              key: 'edit',
              render: (_, b) => (
                <Button size="small" aria-label={`修改 ${b.targetId} ${b.period}`} onClick={() => edit(b)}>
                  修改
                </Button>
              ),
            },
          ]}
        />
      )}
    </section>
  );
};

export default BudgetsPage;
