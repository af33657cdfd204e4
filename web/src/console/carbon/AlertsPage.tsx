import { Alert, Form, Select, Spin, Table, Tag } from 'antd';
import type { CaseView, ConsoleApi } from '../api.ts';
import { useConsole } from '../context.tsx';
import { localTime } from '../lib/format.ts';
import { Link } from '../lib/link.tsx';
import { loadAll } from '../lib/load-all.ts';
import { useQueryState } from '../lib/query-state.ts';
import { useLoad } from '../lib/use-load.ts';
import type { PageProps } from '../module.ts';
import { caseOfAlert, needsTextFallback, SYSTEM_REPORTER } from './alert-cases.ts';
import { type CarbonAlert, useCarbonApi } from './api.ts';
import { dashboardPath, type Target } from './drill.ts';
import { ALERT_KIND_LABELS, ANOMALY_LABELS, LEVEL_LABELS, label, tonnes } from './labels.ts';
import { currentMonth } from './period.ts';
import './carbon.css';

const KINDS = Object.keys(ALERT_KIND_LABELS) as CarbonAlert['kind'][];
const COLORS: Record<string, string> = {
  budgetBreach: 'red',
  budgetWarning: 'orange',
  meterOffline: 'blue',
  anomaly: 'purple',
};

/** The month (and granularity) whose series shows what an alert is about. */
const seriesOf = (alert: CarbonAlert): { target: Target; period: string; gran?: 'hour' } | undefined => {
  if (alert.level === 'system') return undefined;
  const target: Target = { level: alert.level, id: alert.level === 'city' ? undefined : alert.targetId };
  // Offline alerts name an instant (the last reading); budget and anomaly alerts a local period.
  const local =
    alert.kind === 'meterOffline' ? currentMonth(new Date(alert.period)) : alert.period.slice(0, 7);
  return { target, period: local, ...(alert.level === 'meter' ? { gran: 'hour' as const } : {}) };
};

/** The cases the system registered, for the text match of older breaches (alert-cases.ts). */
const loadSystemCases = async (api: ConsoleApi): Promise<CaseView[]> =>
  (
    await loadAll(
      (cursor) => api.listCases({ reporter: SYSTEM_REPORTER, category: 'other', limit: 100, cursor }),
      500,
    )
  ).items;

/**
 * 告警: budget warnings and breaches, offline meters and anomalies, newest first; each links to the
 * series of what it is about and, for a breach, to the case the system opened. Kind is in the URL.
 */
const AlertsPage = (_: PageProps) => {
  const { api: consoleApi } = useConsole();
  const api = useCarbonApi();
  const query = useQueryState();
  const kind = query.get('kind') as CarbonAlert['kind'] | undefined;
  const alerts = useLoad(
    async () => (await loadAll((cursor) => api.alerts({ kind, limit: 100, cursor }), 500)).items,
    kind ?? '',
  );
  // The system's cases are read only for breaches raised before alerts named their case.
  const fallback = alerts.data !== undefined && needsTextFallback(alerts.data);
  const cases = useLoad(async () => (fallback ? loadSystemCases(consoleApi) : []), fallback ? 'cases' : '');
  return (
    <section aria-labelledby="alerts-title">
      <h1 id="alerts-title">碳排放告警</h1>
      <Form layout="inline" className="qs-filters" aria-label="筛选">
        <Form.Item label="类型" htmlFor="a-kind">
          <Select
            id="a-kind"
            allowClear
            placeholder="全部"
            style={{ width: 180 }}
            value={kind}
            options={KINDS.map((k) => ({ value: k, label: ALERT_KIND_LABELS[k] }))}
            onChange={(value?: string) => query.set({ kind: value }, { push: true })}
          />
        </Form.Item>
      </Form>
      {alerts.error === undefined ? null : <Alert type="error" showIcon title={alerts.error} />}
      {cases.error === undefined ? null : (
        <Alert type="warning" showIcon title={`自动立案案件未能读取：${cases.error}`} />
      )}
      {alerts.data === undefined ? (
        <Spin className="qs-page-spin" />
      ) : (
        <Table<CarbonAlert>
          size="small"
          rowKey={(a) => `${a.level}|${a.targetId}|${a.kind}|${a.metric ?? ''}|${a.period}`}
          dataSource={alerts.data}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          columns={[
            {
              title: '类型',
              dataIndex: 'kind',
              render: (k: CarbonAlert['kind'], a) => (
                <Tag color={COLORS[k]}>
                  {ALERT_KIND_LABELS[k]}
                  {a.anomalyKind === undefined ? '' : `：${label(ANOMALY_LABELS, a.anomalyKind)}`}
                </Tag>
              ),
            },
            {
              title: '对象',
              key: 'target',
              // A meter's alert names its enterprise too: the meter id alone does not say whom to call.
              render: (_, a) =>
                `${label(LEVEL_LABELS, a.level)} ${a.targetId}${a.enterpriseId === undefined ? '' : `（${LEVEL_LABELS.enterprise} ${a.enterpriseId}）`}`,
            },
            { title: '说明', dataIndex: 'message' },
            {
              title: '数值',
              key: 'value',
              align: 'right',
              render: (_, a) =>
                a.value === undefined
                  ? '—'
                  : `${tonnes(a.value)}${a.limit === undefined ? '' : ` / ${tonnes(a.limit)}`}`,
            },
            { title: '告警时间', dataIndex: 'raisedAt', render: (t: string) => localTime(t) },
            {
              title: '查看',
              key: 'links',
              render: (_, a) => {
                const series = seriesOf(a);
                const opened = caseOfAlert(a, cases.data ?? []);
                return (
                  <>
                    {series === undefined ? null : (
                      <div>
                        <Link to={dashboardPath(series.target, series.period, series.gran)}>曲线</Link>
                      </div>
                    )}
                    {opened === undefined ? null : (
                      <div>
                        <Link
                          to={`cases/${encodeURIComponent(opened.id)}`}
                          aria-label={`自动立案：${opened.title}`}
                        >
                          自动立案案件
                        </Link>
                      </div>
                    )}
                  </>
                );
              },
            },
          ]}
        />
      )}
    </section>
  );
};

export default AlertsPage;
