import { Alert, Breadcrumb, Button, Card, Space, Typography } from 'antd';
import { CaseTable, caseCsvColumns } from '../cases/CaseTable.tsx';
import { useConsole } from '../context.tsx';
import { departmentName, useDepartments } from '../lib/departments.ts';
import { downloadCsv } from '../lib/download.ts';
import { Link } from '../lib/link.tsx';
import { mapLimited } from '../lib/load-all.ts';
import { useQueryState } from '../lib/query-state.ts';
import { useLoad } from '../lib/use-load.ts';
import type { PageProps } from '../module.ts';
import { FIGURE_LABELS } from './figures.ts';

/**
 * The cases behind one figure of a department's indicators: the API names them (`?cases=true`,
 * the same replay that counted them), and each is read as the caller may see it.
 */
const DrillPage = (_: PageProps) => {
  const { api } = useConsole();
  const query = useQueryState();
  const departments = useDepartments(api);
  const department = query.get('department') ?? '';
  const from = query.get('from') ?? '';
  const to = query.get('to') ?? '';
  const figure = query.get('figure') ?? 'dispatched';
  const loaded = useLoad(async () => {
    const indicators = await api.indicators(department, { from, to, cases: true });
    const ids = (indicators.caseIds as Record<string, string[]> | undefined)?.[figure] ?? [];
    return mapLimited(ids, 6, (id) => api.getCase(id));
  }, `${department}|${from}|${to}|${figure}`);
  const title = `${departmentName(departments, department)} · ${FIGURE_LABELS[figure] ?? figure}`;
  const rows = loaded.data ?? [];
  return (
    <section aria-labelledby="drill-title">
      <Breadcrumb
        items={[
          { title: <Link to={`performance?department=${encodeURIComponent(department)}`}>部门指标</Link> },
          { title: FIGURE_LABELS[figure] ?? figure },
        ]}
      />
      <Space style={{ width: '100%', justifyContent: 'space-between', marginTop: 12 }} align="start">
        <div>
          <h1 id="drill-title">{title}</h1>
          <Typography.Paragraph className="qs-muted">
            {from} 至 {to} 派遣的案件中计入此数字的 {rows.length} 件。
          </Typography.Paragraph>
        </div>
        <Button
          disabled={rows.length === 0}
          onClick={() => downloadCsv(`${title}-${from}-${to}.csv`, caseCsvColumns(departments), rows)}
        >
          导出 CSV
        </Button>
      </Space>
      {loaded.error === undefined ? null : <Alert type="error" showIcon title={loaded.error} />}
      <Card size="small">
        <CaseTable
          rows={rows}
          loading={loaded.loading}
          departments={departments}
          caption={`${title}：${rows.length} 件`}
        />
      </Card>
    </section>
  );
};

export default DrillPage;
