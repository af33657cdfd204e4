import { Alert, Button, Card, Descriptions, Spin, Table } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from '../lib/link.tsx';
import { useQueryState } from '../lib/query-state.ts';
import { messageOf } from '../lib/use-load.ts';
import type { PageProps } from '../module.ts';
import { type Trace, type TraceBatch, useCarbonApi } from './api.ts';
import { dashboardPath, targetOf } from './drill.ts';
import { Handle } from './Handle.tsx';
import { LEVEL_LABELS, tonnes } from './labels.ts';
import { BatchDetail, FactorTable, refName } from './TraceParts.tsx';
import './carbon.css';

/**
 * 溯源: one figure (a target's total for a month, day or hour) with the factor versions and their
 * sources, the meters and enterprises with their identifiers, and every message with its readings
 * and calculation (`GET /emissions/trace`, a page of batches at a time). The URL names the figure.
 */
const TracePage = (_: PageProps) => {
  const api = useCarbonApi();
  const query = useQueryState();
  const target = targetOf(query.get('level'), query.get('id'));
  const period = query.get('period') ?? '';
  const [trace, setTrace] = useState<Trace>();
  const [batches, setBatches] = useState<TraceBatch[]>([]);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const read = async (cursor?: string) => {
    setBusy(true);
    try {
      const page = await api.trace({ level: target.level, id: target.id, period, limit: 50, cursor });
      setTrace(page);
      setBatches((earlier) => (cursor === undefined ? page.batches : [...earlier, ...page.batches]));
      setError(undefined);
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: the figure is named by the URL.
  useEffect(() => {
    void read();
  }, [target.level, target.id, period]);
  const name = target.id ?? LEVEL_LABELS.city;
  return (
    <section aria-labelledby="trace-title">
      <h1 id="trace-title">
        溯源：{LEVEL_LABELS[target.level]} {name} {period}
      </h1>
      <Link to={dashboardPath(target, period.slice(0, 7))}>返回{LEVEL_LABELS[target.level]}明细</Link>
      {error === undefined ? null : <Alert type="error" showIcon title={error} />}
      {trace === undefined ? (
        busy ? (
          <Spin className="qs-page-spin" />
        ) : null
      ) : (
        <>
          <Card size="small" title="这个数字" className="qs-carbon-section">
            <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }}>
              <Descriptions.Item label="碳排放（基于位置）">
                {tonnes(trace.figure.co2eT)} tCO2e
              </Descriptions.Item>
              <Descriptions.Item label="碳排放（基于市场）">
                {tonnes(trace.figure.co2eMarketT)} tCO2e
              </Descriptions.Item>
              <Descriptions.Item label="能耗">{tonnes(trace.figure.tce)} tce</Descriptions.Item>
              <Descriptions.Item label="读数条数">{trace.figure.readings}</Descriptions.Item>
              <Descriptions.Item label="消息数">{trace.figure.batches}</Descriptions.Item>
              <Descriptions.Item label="标识">
                <Handle handle={trace.handle} />
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Card size="small" title="排放因子版本与来源" className="qs-carbon-section">
            <FactorTable factors={trace.factors} />
          </Card>
          <Card size="small" title="计量器具与企业" className="qs-carbon-section">
            <Table
              size="small"
              rowKey="meterId"
              pagination={false}
              dataSource={trace.meters}
              columns={[
                {
                  title: '计量器具',
                  dataIndex: 'meterId',
                  render: (id: string) => (
                    <Link to={dashboardPath({ level: 'meter', id }, period.slice(0, 7))}>{id}</Link>
                  ),
                },
                { title: 'tCO2e', dataIndex: 'co2eT', align: 'right', render: tonnes },
                { title: '读数条数', dataIndex: 'readings', align: 'right' },
                {
                  title: '标识',
                  dataIndex: 'handle',
                  render: (h?: string) => <Handle handle={h} />,
                },
              ]}
            />
            <ul>
              {trace.enterprises.map((e) => (
                <li key={e.enterpriseId}>
                  {e.name}（{e.enterpriseId}）标识 <Handle handle={e.handle} />
                </li>
              ))}
            </ul>
          </Card>
          <Card
            size="small"
            title={`消息与读数（已读 ${batches.length} 条消息）`}
            className="qs-carbon-section"
          >
            <Table<TraceBatch>
              size="small"
              rowKey={(b) => `${b.meterId}|${b.hour}|${b.messageId}`}
              pagination={false}
              dataSource={batches}
              expandable={{ expandedRowRender: (b) => <BatchDetail batch={b} /> }}
              columns={[
                { title: '计量器具', dataIndex: 'meterId' },
                { title: '小时', dataIndex: 'hour' },
                { title: '消息', dataIndex: 'messageId' },
                { title: '读数', dataIndex: 'readingCount', align: 'right' },
                { title: 'tCO2e', dataIndex: 'co2eT', align: 'right', render: tonnes },
                { title: 'tce', dataIndex: 'tce', align: 'right', render: tonnes },
                {
                  title: '因子',
                  dataIndex: 'factorRefs',
                  render: (refs: string[]) =>
                    refs.map((r) => (
                      <div key={r}>
                        <code title={r}>{refName(r)}</code>
                      </div>
                    )),
                },
              ]}
            />
            {trace.cursor === undefined ? null : (
              <Button loading={busy} onClick={() => void read(trace.cursor)}>
                读取更多消息
              </Button>
            )}
          </Card>
          {trace.recalculations.length === 0 ? null : (
            <Card size="small" title="重新计算" className="qs-carbon-section">
              <ul>
                {trace.recalculations.map((r) => (
                  <li key={`${r.id}-${r.meterId}-${r.hour}`}>
                    {r.meterId} {r.hour}：{tonnes(r.before.co2eT)} → {tonnes(r.after.co2eT)} tCO2e（{r.at}）
                  </li>
                ))}
              </ul>
            </Card>
          )}
        </>
      )}
    </section>
  );
};

export default TracePage;
