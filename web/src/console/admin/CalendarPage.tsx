import { UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  InputNumber,
  List,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { ApiError } from '../../shared/api.ts';
import type { CalendarCoverage } from '../api.ts';
import { useConsole } from '../context.tsx';
import { localTime } from '../lib/format.ts';
import { messageOf, useLoad } from '../lib/use-load.ts';
import type { PageProps } from '../module.ts';

type Year = CalendarCoverage['years'][number];

interface Refusal {
  detail: string;
  errors: { path: string; message: string }[];
}

const RefusalAlert = ({ refusal }: { refusal: Refusal | undefined }) =>
  refusal === undefined ? null : (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={refusal.detail}
      description={
        refusal.errors.length === 0 ? undefined : (
          <List
            size="small"
            dataSource={refusal.errors}
            renderItem={(e) => (
              <List.Item>
                <code>{e.path.replace(/^\/body/, '') || '/'}</code>：{e.message}
              </List.Item>
            )}
          />
        )
      }
      style={{ marginBottom: 16 }}
    />
  );

const CoverageCard = ({ coverage }: { coverage: CalendarCoverage | undefined }) =>
  coverage === undefined ? null : (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Descriptions
        size="small"
        column={3}
        items={[
          { key: 'from', label: '覆盖自', children: coverage.coveredFrom ?? '—' },
          { key: 'through', label: '覆盖至', children: coverage.coveredThrough ?? '—' },
          {
            key: 'left',
            label: '剩余天数',
            children:
              coverage.daysLeft === undefined ? (
                '—'
              ) : (
                <span className={coverage.daysLeft <= coverage.warningDays ? 'qs-overdue' : undefined}>
                  {coverage.daysLeft} 天
                </span>
              ),
          },
        ]}
      />
    </Card>
  );

/**
 * The working calendar: the loaded years and their versions, and loading a year from the State
 * Council notice as a JSON file (docs/working-calendar.md). The API checks the file; its zh-CN
 * field errors are listed under the file, each with the place in the file it concerns.
 */
const CalendarPage = (_: PageProps) => {
  const { api } = useConsole();
  const { message } = App.useApp();
  const loaded = useLoad(() => api.calendarYears(), 'calendar');
  const [year, setYear] = useState<number | null>(new Date().getFullYear() + 1);
  const [file, setFile] = useState<{ name: string; text: string }>();
  const [refusal, setRefusal] = useState<Refusal>();
  const [busy, setBusy] = useState(false);
  const current = loaded.data?.years.find((y) => y.year === year);
  const load = async () => {
    if (year === null || file === undefined) return;
    setRefusal(undefined);
    let document: unknown;
    try {
      document = JSON.parse(file.text);
    } catch (error) {
      setRefusal({ detail: `文件不是有效的 JSON（${(error as Error).message}）`, errors: [] });
      return;
    }
    setBusy(true);
    try {
      const result = await api.loadCalendarYear(year, document, current?.version);
      message.success(
        `已载入 ${result.year} 年第 ${result.version} 版；重算期限 ${result.recomputed.recomputed} 件`,
      );
      setFile(undefined);
      loaded.reload();
    } catch (error) {
      setRefusal({
        detail: messageOf(error),
        errors: error instanceof ApiError ? (error.problem?.errors ?? []) : [],
      });
    } finally {
      setBusy(false);
    }
  };
  const coverage = loaded.data;
  return (
    <section aria-labelledby="cal-title">
      <h1 id="cal-title">工作日历</h1>
      <Typography.Paragraph className="qs-muted">
        期限按工作日历计算。每年国务院办公厅发布节假日安排通知后，载入下一年度；未覆盖的日期按周一至周五暂定计算。
      </Typography.Paragraph>
      {loaded.error === undefined ? null : <Alert type="error" showIcon title={loaded.error} />}
      <CoverageCard coverage={coverage} />
      <Card size="small" title={<h2>已载入的年份</h2>} style={{ marginBottom: 16 }}>
        <Table<Year>
          rowKey="year"
          size="small"
          loading={loaded.loading}
          dataSource={coverage?.years ?? []}
          pagination={false}
          columns={[
            { title: '年份', dataIndex: 'year' },
            {
              title: '版本',
              dataIndex: 'version',
              render: (v: number, y) => `第 ${v} 版（共 ${y.versions.length} 版）`,
            },
            {
              title: '依据',
              key: 'source',
              render: (_: unknown, y) => (
                <a href={y.source.url} target="_blank" rel="noopener noreferrer">
                  {y.source.title}
                </a>
              ),
            },
            {
              title: '核对',
              dataIndex: 'verified',
              render: (v: boolean) =>
                v ? <Tag color="green">已核对原文</Tag> : <Tag color="orange">未核对</Tag>,
            },
            { title: '载入时间', dataIndex: 'loadedAt', render: (at: string) => localTime(at) },
            { title: '载入人', dataIndex: 'loadedBy' },
          ]}
        />
      </Card>
      <Card size="small" title={<h2>载入年度日历</h2>}>
        <Form layout="vertical" style={{ maxWidth: 640 }} onFinish={() => void load()}>
          <Form.Item label="年份" htmlFor="cal-year" required>
            <InputNumber id="cal-year" min={2000} max={2100} value={year} onChange={setYear} />
          </Form.Item>
          <Form.Item
            label="日历文件（JSON）"
            required
            validateStatus={refusal === undefined ? undefined : 'error'}
            help={
              refusal === undefined
                ? current === undefined
                  ? '首次载入该年'
                  : `将作为 ${current.year} 年第 ${current.version + 1} 版载入`
                : undefined
            }
          >
            <Upload
              accept="application/json,.json"
              maxCount={1}
              showUploadList={false}
              beforeUpload={(picked) => {
                void picked.text().then((text) => {
                  setRefusal(undefined);
                  setFile({ name: picked.name, text });
                });
                return false;
              }}
            >
              <Button icon={<UploadOutlined />}>选择文件</Button>
            </Upload>
            {file === undefined ? null : <span style={{ marginLeft: 8 }}>{file.name}</span>}
          </Form.Item>
          <RefusalAlert refusal={refusal} />
          <Button
            type="primary"
            htmlType="submit"
            loading={busy}
            disabled={file === undefined || year === null}
          >
            载入
          </Button>
        </Form>
      </Card>
    </section>
  );
};

export default CalendarPage;
