import { Alert, Breadcrumb, Card, Col, Descriptions, Row, Space, Spin, Tag } from 'antd';
import { lazy, Suspense } from 'react';
import { MediaGallery } from '../components/MediaGallery.tsx';
import { WorkflowTimeline } from '../components/WorkflowTimeline.tsx';
import { useConsole } from '../context.tsx';
import { departmentName, useDepartments } from '../lib/departments.ts';
import { ESCALATION_LABELS, localTime } from '../lib/format.ts';
import { Link } from '../lib/link.tsx';
import { useLoad } from '../lib/use-load.ts';
import type { PageProps } from '../module.ts';
import { CaseActions } from './CaseActions.tsx';
import { CaseComments } from './CaseComments.tsx';
import { DeadlineCell } from './CaseTable.tsx';
import { CASE_ACTION_LABELS, categoryLabel, STATE_COLORS, stateLabel } from './labels.ts';

const DistrictMap = lazy(() => import('../map/DistrictMap.tsx'));

const actionLabel = (action: string) =>
  CASE_ACTION_LABELS[action as keyof typeof CASE_ACTION_LABELS]?.zh ??
  ({ submit: '上报', escalate: '督办升级', linkDuplicate: '关联重复案件', recomputeDeadline: '重算期限' } as Record<string, string>)[action] ??
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
  const dept = (deptId?: string) => departmentName(departments, deptId);
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
          <Card title={<h2>案件信息</h2>} size="small" style={{ marginBottom: 16 }}>
            <Descriptions column={2} size="small" bordered>
              <Descriptions.Item label="编号">{record.id}</Descriptions.Item>
              <Descriptions.Item label="类别">{categoryLabel(record.categoryId)}</Descriptions.Item>
              <Descriptions.Item label="上报时间">{localTime(record.submittedAt)}</Descriptions.Item>
              <Descriptions.Item label="公开">{record.isPublic ? '公开' : '不公开'}</Descriptions.Item>
              <Descriptions.Item label="主办部门">{dept(record.leadDepartmentId) || '—'}</Descriptions.Item>
              <Descriptions.Item label="协办部门">
                {record.coDepartmentIds.map(dept).join('、') || '—'}
              </Descriptions.Item>
              <Descriptions.Item label="期限" span={2}>
                <DeadlineCell record={record} />
                {record.provisionalNote === undefined ? null : <div className="qs-muted">{record.provisionalNote}</div>}
              </Descriptions.Item>
              {record.escalationLevel === undefined ? null : (
                <Descriptions.Item label="督办" span={2}>
                  {ESCALATION_LABELS[record.escalationLevel]}
                </Descriptions.Item>
              )}
              {record.extensionRequest === undefined ? null : (
                <Descriptions.Item label="延期申请" span={2}>
                  {record.extensionRequest.amount} {record.extensionRequest.unit === 'workingDays' ? '个工作日' : '个工作小时'}：
                  {record.extensionRequest.reason}
                </Descriptions.Item>
              )}
              {record.suspension === undefined ? null : (
                <Descriptions.Item label="挂账" span={2}>
                  {record.suspension.reason}（复核日期 {record.suspension.nextReviewDate}）
                </Descriptions.Item>
              )}
              {record.duplicateOf === undefined ? null : (
                <Descriptions.Item label="重复于" span={2}>
                  <Link to={`cases/${encodeURIComponent(record.duplicateOf)}`}>{record.duplicateOf}</Link>
                </Descriptions.Item>
              )}
              {record.rejectionReason === undefined ? null : (
                <Descriptions.Item label="不予立案理由" span={2}>
                  {record.rejectionReason}
                </Descriptions.Item>
              )}
              <Descriptions.Item label="返工次数">{record.reworkCount}</Descriptions.Item>
              <Descriptions.Item label="评价">{record.rating ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="地址" span={2}>
                {record.location?.address ?? (record.location ? `${record.location.latitude}, ${record.location.longitude}` : '—')}
              </Descriptions.Item>
              <Descriptions.Item label="问题描述" span={2}>
                {record.description}
              </Descriptions.Item>
            </Descriptions>
            {(record.possibleDuplicates ?? []).length === 0 ? null : (
              <Alert
                style={{ marginTop: 12 }}
                type="warning"
                showIcon
                title={
                  <span>
                    可能重复：
                    {(record.possibleDuplicates ?? []).map((d) => (
                      <span key={d.id} style={{ marginRight: 8 }}>
                        <Link to={`cases/${encodeURIComponent(d.id)}`}>{d.id}</Link>（{d.distanceMeters} 米）
                      </span>
                    ))}
                  </span>
                }
              />
            )}
          </Card>
          <Card title={<h2>上报照片</h2>} size="small" style={{ marginBottom: 16 }}>
            <MediaGallery api={api} ids={record.mediaIds} label="上报照片" />
          </Card>
          <Card title={<h2>整改照片</h2>} size="small" style={{ marginBottom: 16 }}>
            <MediaGallery api={api} ids={record.rectificationMediaIds} label="整改照片" />
          </Card>
          <Card title={<h2>办理过程</h2>} size="small">
            <WorkflowTimeline entries={timeline.entries} api={api} actionLabel={actionLabel} stateLabel={stateLabel} />
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
                  points={[{ id: record.id, latitude: record.location.latitude, longitude: record.location.longitude, label: record.title, tone: 'focus' }]}
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
