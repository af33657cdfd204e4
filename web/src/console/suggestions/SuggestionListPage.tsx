import { Alert, Button, Card, Form, Input, Select, Space, Typography } from 'antd';
import { useMemo } from 'react';
import { useConsole } from '../context.tsx';
import { useDepartments } from '../lib/departments.ts';
import { downloadCsv } from '../lib/download.ts';
import { localDate } from '../lib/format.ts';
import { loadAll } from '../lib/load-all.ts';
import { useQueryState } from '../lib/query-state.ts';
import { useLoad } from '../lib/use-load.ts';
import type { PageProps } from '../module.ts';
import { SUGGESTION_STATE_OPTIONS } from './labels.ts';
import { SuggestionTable, suggestionCsvColumns } from './SuggestionTable.tsx';
import {
  apiQueriesOf,
  arrangeSuggestions,
  SUGGESTION_VIEWS,
  type SuggestionFilters,
} from './suggestion-views.ts';

const FILTERS = ['state', 'unit', 'keySupervision', 'overdue', 'satisfaction', 'q'] as const;

const SuggestionListPage = (_: PageProps) => {
  const { api, session } = useConsole();
  const query = useQueryState();
  const departments = useDepartments(api);
  const view = SUGGESTION_VIEWS[query.get('view') ?? 'all'] ?? SUGGESTION_VIEWS.all;
  const filters: SuggestionFilters = Object.fromEntries(
    FILTERS.map((name) => [name, query.get(name)]).filter(([, value]) => value !== undefined),
  );
  const queries = view === undefined ? [] : apiQueriesOf(view, filters);
  const loaded = useLoad(async () => {
    const pages = await Promise.all(
      queries.map((q) =>
        loadAll((cursor) => api.listSuggestions({ ...q, ...(cursor ? { cursor } : {}) }), 500),
      ),
    );
    return { items: pages.flatMap((p) => p.items), truncated: pages.some((p) => p.truncated) };
  }, JSON.stringify(queries));
  const rows = useMemo(
    () => (view === undefined ? [] : arrangeSuggestions(view, loaded.data?.items ?? [], filters.q)),
    [view, loaded.data, filters.q],
  );
  if (view === undefined) return null;
  const overseer = session.roles.includes('supervisor') || session.roles.includes('admin');
  const set = (changes: Record<string, string | undefined>) => query.set(changes);
  return (
    <section aria-labelledby="list-title">
      <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start">
        <div>
          <h1 id="list-title">{view.title}</h1>
          <Typography.Paragraph className="qs-muted">{view.hint}</Typography.Paragraph>
        </div>
        <Button
          disabled={rows.length === 0}
          onClick={() =>
            downloadCsv(`${view.title}-${localDate(new Date())}.csv`, suggestionCsvColumns(departments), rows)
          }
        >
          导出 CSV
        </Button>
      </Space>
      <Card size="small">
        <Form layout="inline" className="qs-filters" aria-label="筛选条件">
          {view.states === undefined ? (
            <Form.Item label="状态" htmlFor="s-state">
              <Select
                id="s-state"
                allowClear
                placeholder="全部"
                style={{ width: 150 }}
                value={filters.state}
                options={SUGGESTION_STATE_OPTIONS}
                onChange={(v?: string) => set({ state: v })}
              />
            </Form.Item>
          ) : null}
          {overseer ? (
            <Form.Item label="单位" htmlFor="s-unit">
              <Select
                id="s-unit"
                allowClear
                placeholder="全部"
                style={{ width: 180 }}
                value={filters.unit}
                options={departments.map((d) => ({ value: d.id, label: d.name }))}
                onChange={(v?: string) => set({ unit: v })}
              />
            </Form.Item>
          ) : null}
          <Form.Item label="超期" htmlFor="s-overdue">
            <Select
              id="s-overdue"
              allowClear
              placeholder="不限"
              style={{ width: 90 }}
              value={filters.overdue}
              options={[
                { value: 'true', label: '超期' },
                { value: 'false', label: '未超期' },
              ]}
              onChange={(v?: string) => set({ overdue: v })}
            />
          </Form.Item>
          <Form.Item label="满意度" htmlFor="s-sat">
            <Select
              id="s-sat"
              allowClear
              placeholder="不限"
              style={{ width: 120 }}
              value={filters.satisfaction}
              options={[
                { value: 'satisfied', label: '满意' },
                { value: 'basicallySatisfied', label: '基本满意' },
                { value: 'unsatisfied', label: '不满意' },
                { value: 'unrated', label: '未评价' },
              ]}
              onChange={(v?: string) => set({ satisfaction: v })}
            />
          </Form.Item>
          <Form.Item label="关键词" htmlFor="s-q">
            <Input.Search
              id="s-q"
              allowClear
              placeholder="编号、标题"
              defaultValue={filters.q}
              onSearch={(v) => set({ q: v })}
              style={{ width: 200 }}
            />
          </Form.Item>
        </Form>
        {loaded.error === undefined ? null : <Alert type="error" showIcon title={loaded.error} />}
        <SuggestionTable
          rows={rows}
          loading={loaded.loading}
          departments={departments}
          showProgress={view.keySupervision === true}
          caption={`${view.title}：${rows.length} 件`}
        />
      </Card>
    </section>
  );
};

export default SuggestionListPage;
