import { Alert, Breadcrumb, Card, Col, Row, Space, Spin, Tag } from 'antd';
import { lazy, Suspense } from 'react';
import { MediaGallery } from '../components/MediaGallery.tsx';
import { WorkflowTimeline } from '../components/WorkflowTimeline.tsx';
import { useConsole } from '../context.tsx';
import { departmentName, useDepartments } from '../lib/departments.ts';
import { Link } from '../lib/link.tsx';
import { useLoad } from '../lib/use-load.ts';
import type { PageProps } from '../module.ts';
import { CaseActions } from './CaseActions.tsx';
import { CaseComments } from './CaseComments.tsx';
import { CaseFactsCard } from './CaseFactsCard.tsx';
import { CASE_ACTION_LABELS, STATE_COLORS, stateLabel } from './labels.ts';

const DistrictMap = lazy(() => import('../map/DistrictMap.tsx'));

const actionLabel = (action: string) =>
  CASE_ACTION_LABELS[action as keyof typeof CASE_ACTION_LABELS]?.zh ??
  (
    {
      submit: '上报',
      escalate: '督办升级',
      linkDuplicate: '关联重复案件',
      recomputeDeadline: '重算期限',
    } as Record<string, string>
  )[action] ??
  action;

/** One case: its facts, the actions the caller may take, photos, the timeline, comments and the map. */
const CaseDetailPage = ({ params }: PageProps) => {
  const { api } = useConsole();
  const id = params.id ?? '';
  const departments = useDepartments(api);
  const loaded = useLoad(
    () => Promise.all([api.getCase(id), api.caseTimeline(id), api.caseComments(id)]),
    id,
  );
  if (loaded.error !== undefined) return <Alert type="error" showIcon title={loaded.error} />;
  if (loaded.data === undefined) return <Spin className="qs-page-spin" />;
  const [record, timeline, comments] = loaded.data;
  return (
    <article aria-labelledby="case-title">
      <Breadcrumb items={[{ title: <Link to="cases?view=all">案件</Link> }, { title: record.id }]} />
      <Space style={{ width: '100%', justifyContent: 'space-between', margin: '12px 0' }} align="start" wrap>
        <h1 id="case-title" style={{ margin: 0 }}>
          {record.title} <Tag color={STATE_COLORS[record.state]}>{stateLabel(record.state)}</Tag>
        </h1>
        <CaseActions record={record} departments={departments} onDone={loaded.reload} />
      </Space>
      {loaded.loading ? <Spin size="small" /> : null}
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <CaseFactsCard record={record} departments={departments} />
          <Card title={<h2>上报照片</h2>} size="small" style={{ marginBottom: 16 }}>
            <MediaGallery api={api} ids={record.mediaIds} label="上报照片" />
          </Card>
          <Card title={<h2>整改照片</h2>} size="small" style={{ marginBottom: 16 }}>
            <MediaGallery api={api} ids={record.rectificationMediaIds} label="整改照片" />
          </Card>
          <Card title={<h2>办理过程</h2>} size="small">
            <WorkflowTimeline
              entries={timeline.entries}
              unitName={(unit) => departmentName(departments, unit)}
              api={api}
              actionLabel={actionLabel}
              stateLabel={stateLabel}
            />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card title={<h2>位置</h2>} size="small" style={{ marginBottom: 16 }}>
            {record.location === undefined ? (
              <span className="qs-muted">未提供位置</span>
            ) : (
              <Suspense fallback={null}>
                <DistrictMap
                  label={`案件位置：${record.location.address ?? ''}`}
                  points={[
                    {
                      id: record.id,
                      latitude: record.location.latitude,
                      longitude: record.location.longitude,
                      label: record.title,
                      tone: 'focus',
                    },
                  ]}
                />
              </Suspense>
            )}
          </Card>
          <Card title={<h2>评论</h2>} size="small">
            <CaseComments caseId={record.id} comments={comments.items} onAdded={loaded.reload} />
          </Card>
        </Col>
      </Row>
    </article>
  );
};

export default CaseDetailPage;
