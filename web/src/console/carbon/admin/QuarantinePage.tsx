import { Alert, Button, Checkbox, DatePicker, Form, Space, Spin, Table } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { localTime } from '../../lib/format.ts';
import { loadAll } from '../../lib/load-all.ts';
import { useQueryState } from '../../lib/query-state.ts';
import { messageOf, useLoad } from '../../lib/use-load.ts';
import type { PageProps } from '../../module.ts';
import { useCarbonApi } from '../api.ts';
import { type QuarantineItem, useCarbonAdminApi } from './admin-api.ts';
import '../carbon.css';

/**
 * 隔离区: telemetry the ingest refused on a UTC day (the API lists per UTC day), with the reason,
 * the field issues and the message as received; 重新处理 sends one back through the ingest, and
 * after review an implausible reading can be accepted anyway. The day is in the URL.
 */
const QuarantinePage = (_: PageProps) => {
  const api = useCarbonApi();
  const admin = useCarbonAdminApi();
  const query = useQueryState();
  const date = query.get('date') ?? new Date().toISOString().slice(0, 10);
  const [tick, setTick] = useState(0);
  const [override, setOverride] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string }>();
  const list = useLoad(
    async () => (await loadAll((cursor) => api.quarantineAt(date, cursor))).items,
    `${date}|${tick}`,
  );
  const replay = async (item: QuarantineItem) => {
    try {
      const done = await admin.replay(item.id, override);
      setOutcome({
        ok: true,
        text: `${item.id}：${done.outcome === 'applied' ? '已重新处理并入账' : '重复消息，未重复入账'}`,
      });
      setTick((n) => n + 1);
    } catch (failure) {
      setOutcome({ ok: false, text: `${item.id}：${messageOf(failure)}` });
    }
  };
  return (
    <section aria-labelledby="q-title">
      <h1 id="q-title">隔离的遥测消息</h1>
      <Form layout="inline" className="qs-filters" aria-label="筛选">
        <Form.Item label="隔离日期（UTC）" htmlFor="q-date">
          <DatePicker
            id="q-date"
            allowClear={false}
            value={dayjs(date)}
            onChange={(d) => d && query.set({ date: d.format('YYYY-MM-DD') }, { push: true })}
          />
        </Form.Item>
        <Form.Item>
          <Checkbox checked={override} onChange={(e) => setOverride(e.target.checked)}>
            复核后强制接受不合理读数
          </Checkbox>
        </Form.Item>
      </Form>
      {outcome === undefined ? null : (
        <Alert type={outcome.ok ? 'success' : 'error'} showIcon title={outcome.text} />
      )}
      {list.error === undefined ? null : <Alert type="error" showIcon title={list.error} />}
      {list.data === undefined ? (
        <Spin className="qs-page-spin" />
      ) : (
        <Table<QuarantineItem>
          size="small"
          rowKey="id"
          dataSource={list.data}
          expandable={{
            expandedRowRender: (item) => (
              <pre className="qs-carbon-pre">{JSON.stringify(item.original, null, 2)}</pre>
            ),
          }}
          columns={[
            { title: '隔离时间', dataIndex: 'receivedAt', render: (t: string) => localTime(t) },
            { title: '计量器具', dataIndex: 'meterId', render: (m?: string) => m ?? '—' },
            { title: '消息', dataIndex: 'messageId', render: (m?: string) => m ?? '—' },
            { title: '原因', dataIndex: 'reason' },
            {
              title: '问题',
              dataIndex: 'issues',
              render: (issues: QuarantineItem['issues']) => (
                <ul className="qs-carbon-top">
                  {issues.map((i) => (
                    <li key={`${i.path}-${i.message}`}>
                      <code>{i.path}</code> {i.message}
                    </li>
                  ))}
                </ul>
              ),
            },
            { title: '收到次数', dataIndex: 'receipts', render: (n?: number) => n ?? 1 },
            {
              title: '处理',
              key: 'replay',
              render: (_, item) =>
                item.replayedAt === undefined ? (
                  <Button size="small" aria-label={`重新处理 ${item.id}`} onClick={() => void replay(item)}>
                    重新处理
                  </Button>
                ) : (
                  <Space size={0} direction="vertical">
                    <span>已重新处理（{item.replayOutcome === 'applied' ? '入账' : '重复'}）</span>
                    <span className="qs-muted">
                      {localTime(item.replayedAt)} {item.replayedBy}
                    </span>
                  </Space>
                ),
            },
          ]}
        />
      )}
    </section>
  );
};

export default QuarantinePage;
