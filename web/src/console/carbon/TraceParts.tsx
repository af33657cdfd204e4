import { Descriptions, Table, Tag, Typography } from 'antd';
import type { Trace, TraceBatch } from './api.ts';
import { Handle } from './Handle.tsx';
import { ENERGY_LABELS, label, localSeconds, tonnes } from './labels.ts';

/** A stored factor ref is `id@version#sha256:…`: people read the id and version, the hash is checked. */
export const refName = (ref: string): string => ref.split('#')[0] ?? ref;

/** Pieces of the trace page: the factor library entries, one batch's readings and its calculation. */

const text = (record: Record<string, unknown> | undefined, key: string): string | undefined => {
  const value = record?.[key];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
};

export const FactorTable = ({ factors }: { factors: Trace['factors'] }) => (
  <Table
    size="small"
    rowKey="ref"
    pagination={false}
    dataSource={factors}
    columns={[
      {
        title: '因子版本',
        dataIndex: 'ref',
        width: '24%',
        render: (ref: string) => (
          <code className="qs-carbon-break" title={ref}>
            {refName(ref)}
          </code>
        ),
      },
      {
        title: '类型',
        dataIndex: 'kind',
        render: (k?: string) => (k === 'gwp' ? '全球变暖潜势' : '排放因子'),
      },
      {
        title: '数值',
        key: 'value',
        render: (_, f) => {
          const value = text(f.record, 'value');
          return value === undefined ? '—' : `${value} ${text(f.record, 'unit') ?? ''}`;
        },
      },
      {
        title: '来源',
        key: 'source',
        width: '34%',
        render: (_, f) => (
          <>
            {text(f.record, 'source') ?? '—'}
            {text(f.record, 'citation') === undefined ? null : (
              <div className="qs-muted">{text(f.record, 'citation')}</div>
            )}
          </>
        ),
      },
      {
        title: '核对',
        key: 'check',
        render: (_, f) => (
          <>
            {f.resolved ? null : <Tag color="red">未在因子库中找到</Tag>}
            {f.hashVerified === true ? <Tag color="green">内容哈希一致</Tag> : null}
            {f.hashVerified === false ? <Tag color="red">内容哈希不一致</Tag> : null}
            {(f.record?.verification as { status?: string } | undefined)?.status === 'unverified' ? (
              <Tag>数值未与公告原文核对</Tag>
            ) : null}
          </>
        ),
      },
      {
        title: '标识',
        dataIndex: 'handle',
        render: (h?: string) => (h === undefined ? '—' : <code>{h}</code>),
      },
    ]}
  />
);

interface Reading {
  ts?: string;
  value?: number;
  quantity?: number;
}

const readingRows = (readings: unknown[]) =>
  readings.map((r, i) => ({
    key: String(i),
    ...(typeof r === 'object' && r !== null ? (r as Reading) : {}),
  }));

/** One message's part in one meter hour: its readings, the factors chosen and why, each step. */
export const BatchDetail = ({ batch }: { batch: TraceBatch }) => {
  const explanation = batch.explanation;
  return (
    <div>
      <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }} bordered>
        <Descriptions.Item label="消息">{batch.messageId}</Descriptions.Item>
        <Descriptions.Item label="批次标识">
          <Handle handle={batch.handle} />
        </Descriptions.Item>
        <Descriptions.Item label="接收时间">{localSeconds(batch.receivedAt)}</Descriptions.Item>
        <Descriptions.Item label="能源品种">
          {label(ENERGY_LABELS, batch.activity?.energyType ?? '')}
        </Descriptions.Item>
        <Descriptions.Item label="核算方法">{batch.method ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="电网口径">{batch.programme ?? '—'}</Descriptions.Item>
      </Descriptions>
      <h4>读数（{batch.readings.length} 条）</h4>
      <Table
        size="small"
        pagination={false}
        dataSource={readingRows(batch.readings)}
        columns={[
          { title: '时间（北京时间）', dataIndex: 'ts', render: (ts?: string) => localSeconds(ts) },
          { title: '读数', key: 'v', render: (_, r) => String(r.quantity ?? r.value ?? '—') },
        ]}
      />
      {explanation.replayed ? (
        <>
          <h4>因子选择</h4>
          <ul>
            {explanation.factors.map((f) => (
              <li key={`${f.role}-${f.ref}`}>
                <code>{refName(f.ref)}</code>（{f.role}）：{f.reasonText}
              </li>
            ))}
          </ul>
          <h4>计算步骤</h4>
          {explanation.parts.map((part) => (
            <div key={`${part.ts}-${part.sign}`}>
              <Typography.Text>
                {localSeconds(part.ts)}：{tonnes(part.quantity)} {part.unit} → {tonnes(part.co2eT)} tCO2e
                {part.matchesStored ? '（与入库数一致）' : '（与入库数不一致）'}
              </Typography.Text>
              <ol>
                {part.location.steps.map((s, i) => (
                  <li key={String(i)}>
                    {s.label}：{s.value} {s.unit}
                  </li>
                ))}
              </ol>
            </div>
          ))}
        </>
      ) : (
        <Typography.Paragraph type="danger">无法重放：{explanation.problem}</Typography.Paragraph>
      )}
    </div>
  );
};
