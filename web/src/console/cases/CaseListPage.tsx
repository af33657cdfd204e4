import { Alert, Button, Card, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useConsole } from '../context.tsx';
import { useDepartments } from '../lib/departments.ts';
import { downloadCsv } from '../lib/download.ts';
import { localDate } from '../lib/format.ts';
import { loadAll } from '../lib/load-all.ts';
import { useQueryState } from '../lib/query-state.ts';
import { useLoad } from '../lib/use-load.ts';
import type { PageProps } from '../module.ts';
import { BulkDispatch } from './BulkDispatch.tsx';
import { CaseFilterBar } from './CaseFilterBar.tsx';
import { CaseTable, caseCsvColumns } from './CaseTable.tsx';
import { apiQueryOf, arrange, CASE_VIEWS, type CaseFilters, reviewDue } from './case-views.ts';

const FILTERS = ['state', 'category', 'department', 'overdue', 'from', 'to', 'near', 'radius', 'q'] as const;

/** Every case list of the console: a preset view (`?view=`) with the filters in the URL. */
const CaseListPage = (_: PageProps) => {
  const { api, session } = useConsole();
  const query = useQueryState();
  const departments = useDepartments(api);
  const viewKey = query.get('view') ?? 'all';
  const view = CASE_VIEWS[viewKey] ?? CASE_VIEWS.all;
  const filters: CaseFilters = Object.fromEntries(
    FILTERS.map((name) => [name, query.get(name)]).filter(([, value]) => value !== undefined),
  );
  const apiQuery = view === undefined ? {} : apiQueryOf(view, filters, session);
  const loaded = useLoad(
    () => loadAll((cursor) => api.listCases({ ...apiQuery, ...(cursor === undefined ? {} : { cursor }) })),
    JSON.stringify(apiQuery),
  );
  const rows = useMemo(
    () => (view === undefined ? [] : arrange(view, loaded.data?.items ?? [], filters.q)),
    [view, loaded.data, filters.q],
  );
  const [selected, setSelected] = useState<string[]>([]);
  if (view === undefined) return null;
  const page = Number(query.get('page') ?? '1');
  const overseer = session.roles.includes('supervisor') || session.roles.includes('admin');
  const due = viewKey === 'suspended' ? rows.filter((r) => reviewDue(r)).length : 0;
  return (
    <section aria-labelledby="list-title">
      <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start">
        <div>
          <h1 id="list-title">{view.title}</h1>
          <Typography.Paragraph className="qs-muted">{view.hint}</Typography.Paragraph>
        </div>
        <Space>
          {view.bulkDispatch && overseer ? (
            <BulkDispatch
              cases={rows.filter((r) => selected.includes(r.id))}
              departments={departments}
              onDone={() => {
                setSelected([]);
                loaded.reload();
              }}
            />
          ) : null}
          <Button
            onClick={() =>
              downloadCsv(`${view.title}-${localDate(new Date())}.csv`, caseCsvColumns(departments), rows)
            }
            disabled={rows.length === 0}
          >
            导出 CSV
          </Button>
        </Space>
      </Space>
      <Card size="small">
        <CaseFilterBar
          filters={filters}
          set={query.set}
          departments={departments}
          showState={view.state === undefined}
          showDepartment={overseer}
        />
        {loaded.error === undefined ? null : <Alert type="error" showIcon title={loaded.error} />}
        {loaded.data?.truncated === true ? (
          <Alert type="warning" showIcon title="结果超过 1000 件，只显示前 1000 件：请缩小筛选范围。" />
        ) : null}
        {due > 0 ? (
          <Alert type="warning" showIcon title={<span>有 {due} 件挂账案件已到复核日期。</span>} />
        ) : null}
        <CaseTable
          rows={rows}
          loading={loaded.loading}
          departments={departments}
          page={page}
          onPage={(next) => query.set({ page: String(next) })}
          caption={`${view.title}：${rows.length} 件`}
          {...(view.bulkDispatch && overseer
            ? {
                selection: {
                  selectedRowKeys: selected,
                  onChange: (keys: React.Key[]) => setSelected(keys.map(String)),
                  getCheckboxProps: (r) => ({
                    disabled: !r.allowedActions.includes('dispatch'),
                    'aria-label': `选择 ${r.title}`,
                  }),
                },
              }
            : {})}
        />
        {viewKey === 'suspended' ? (
          <Space wrap>
            {rows.map((r) =>
              reviewDue(r) ? (
                <Tag key={r.id} color="orange">
                  {r.title}：{r.suspension?.nextReviewDate} 到期复核
                </Tag>
              ) : null,
            )}
          </Space>
        ) : null}
      </Card>
    </section>
  );
};

export default CaseListPage;
