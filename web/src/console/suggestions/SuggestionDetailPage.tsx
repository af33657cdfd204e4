import { Alert, Breadcrumb, Card, Col, Descriptions, List, Row, Space, Spin, Tag, Typography } from 'antd';
import type { Department, SuggestionView } from '../api.ts';
import { MediaGallery } from '../components/MediaGallery.tsx';
import { WorkflowTimeline } from '../components/WorkflowTimeline.tsx';
import { useConsole } from '../context.tsx';
import { departmentName, useDepartments } from '../lib/departments.ts';
import { localTime } from '../lib/format.ts';
import { Link } from '../lib/link.tsx';
import { useLoad } from '../lib/use-load.ts';
import type { PageProps } from '../module.ts';
import {
  REPLY_CLASS_LABELS,
  SUGGESTION_RATING_LABELS,
  suggestionActionLabel,
  suggestionCategoryLabel,
  suggestionStateLabel,
} from './labels.ts';
import { SuggestionActions } from './SuggestionActions.tsx';
import { DueCell, Progress } from './SuggestionTable.tsx';

const Facts = ({ s, departments }: { s: SuggestionView; departments: readonly Department[] }) => {
  const dept = (id?: string) => departmentName(departments, id);
  const items = [
    { key: 'id', label: '编号', children: s.id },
    { key: 'cat', label: '类别', children: suggestionCategoryLabel(s.category) },
    { key: 'at', label: '提出时间', children: localTime(s.submittedAt) },
    { key: 'co', label: '附议代表', children: `${s.coSignerIds.length} 位` },
    { key: 'lead', label: '主办单位', children: dept(s.assignment?.leadUnitId) || '—' },
    { key: 'cou', label: '协办单位', children: (s.assignment?.coUnitIds ?? []).map(dept).join('、') || '—' },
    { key: 'due', label: '答复期限', children: <DueCell record={s} /> },
    { key: 'coDue', label: '协办意见期限', children: s.coOpinionDue ?? '—' },
    { key: 'rh', label: '重新办理次数', span: 2, children: s.rehandlingCount },
    ...(s.keySupervision === undefined
      ? []
      : [
          {
            key: 'key',
            label: '重点督办',
            span: 2,
            children: `${s.keySupervision.leaderName}（自 ${localTime(s.keySupervision.since)}）`,
          },
        ]),
    ...(s.extension === undefined
      ? []
      : [
          {
            key: 'ext',
            label: '延期',
            span: 2,
            children: `${s.extension.status === 'pending' ? '待批准' : s.extension.status === 'approved' ? '已批准' : '已驳回'}：申请至 ${s.extension.requestedDue}（${s.extension.reason}）`,
          },
        ]),
    ...(s.awaitingCoOpinions.length === 0
      ? []
      : [
          { key: 'await', label: '待协办意见', span: 2, children: s.awaitingCoOpinions.map(dept).join('、') },
        ]),
    {
      key: 'body',
      label: '建议内容',
      span: 2,
      children: (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{s.body}</Typography.Paragraph>
      ),
    },
  ];
  return <Descriptions column={2} size="small" bordered items={items} />;
};

/** One suggestion: progress, facts, the actions the caller may take, replies, opinions, the timeline. */
const SuggestionDetailPage = ({ params }: PageProps) => {
  const { api } = useConsole();
  const id = params.id ?? '';
  const departments = useDepartments(api);
  const loaded = useLoad(() => Promise.all([api.getSuggestion(id), api.suggestionTimeline(id)]), id);
  if (loaded.error !== undefined) return <Alert type="error" showIcon title={loaded.error} />;
  if (loaded.data === undefined) return <Spin className="qs-page-spin" />;
  const [s, timeline] = loaded.data;
  return (
    <article aria-labelledby="s-title">
      <Breadcrumb items={[{ title: <Link to="suggestions?view=all">建议</Link> }, { title: s.id }]} />
      <Space style={{ width: '100%', justifyContent: 'space-between', margin: '12px 0' }} align="start" wrap>
        <h1 id="s-title" style={{ margin: 0 }}>
          {s.title} <Tag>{suggestionStateLabel(s.state)}</Tag>
          {s.keySupervision === undefined ? null : <Tag color="red">重点督办</Tag>}
        </h1>
        <SuggestionActions record={s} departments={departments} onDone={loaded.reload} />
      </Space>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Progress record={s} />
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <Card title={<h2>建议信息</h2>} size="small" style={{ marginBottom: 16 }}>
            <Facts s={s} departments={departments} />
          </Card>
          <Card title={<h2>答复</h2>} size="small" style={{ marginBottom: 16 }}>
            <List
              dataSource={s.replies}
              locale={{ emptyText: '尚未答复' }}
              renderItem={(r) => (
                <List.Item>
                  <List.Item.Meta
                    title={
                      <span>
                        {r.class} 类：{REPLY_CLASS_LABELS[r.class].zh}（第 {r.round + 1} 轮，
                        {r.onTime ? '按期' : '超期'}，{localTime(r.at)}）
                      </span>
                    }
                    description={<span style={{ color: '#262626', whiteSpace: 'pre-wrap' }}>{r.text}</span>}
                  />
                </List.Item>
              )}
            />
            {s.ratings.length === 0 ? null : (
              <div>
                评价：
                {s.ratings.map((r) => (
                  <Tag key={`${r.deputyId}-${r.round}`}>{SUGGESTION_RATING_LABELS[r.rating].zh}</Tag>
                ))}
              </div>
            )}
          </Card>
          <Card title={<h2>办理过程</h2>} size="small">
            <WorkflowTimeline
              entries={timeline.entries}
              unitName={(unit) => departmentName(departments, unit)}
              api={api}
              actionLabel={suggestionActionLabel}
              stateLabel={suggestionStateLabel}
            />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card title={<h2>协办意见</h2>} size="small" style={{ marginBottom: 16 }}>
            <List
              dataSource={s.coOpinions}
              locale={{ emptyText: '暂无协办意见' }}
              renderItem={(o) => (
                <List.Item>
                  <List.Item.Meta
                    title={
                      <span>
                        {departmentName(departments, o.unitId)}
                        {o.late ? '（逾期）' : ''}
                      </span>
                    }
                    description={<span style={{ color: '#262626' }}>{o.text}</span>}
                  />
                </List.Item>
              )}
            />
          </Card>
          <Card title={<h2>附件</h2>} size="small">
            <MediaGallery api={api} ids={s.attachments} label="附件" />
          </Card>
        </Col>
      </Row>
    </article>
  );
};

export default SuggestionDetailPage;
