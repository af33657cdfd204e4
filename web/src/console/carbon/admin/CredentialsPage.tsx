import { Alert, Button, Modal, Popconfirm, Space, Spin, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from '../../lib/link.tsx';
import { messageOf, useLoad } from '../../lib/use-load.ts';
import type { PageProps } from '../../module.ts';
import { type Meter, useCarbonApi } from '../api.ts';
import { dashboardPath } from '../drill.ts';
import { ENERGY_LABELS, label } from '../labels.ts';
import { currentMonth } from '../period.ts';
import { type IssuedCredentials, useCarbonAdminApi } from './admin-api.ts';
import '../carbon.css';

/** What the device needs, the secret included: shown once, never stored by the API in the clear. */
const Secret = ({ issued }: { issued: IssuedCredentials }) => (
  <div>
    <Alert
      type="warning"
      showIcon
      title="密钥只显示这一次：请现在复制并安全地交给设备安装人员。关闭后无法再查看。"
    />
    <dl className="qs-carbon-dl">
      <dt>计量器具</dt>
      <dd>{issued.meterId}</dd>
      <dt>客户端 ID</dt>
      <dd>{issued.clientId}</dd>
      <dt>主题</dt>
      <dd>
        <code>{issued.topic}</code>
      </dd>
      {issued.kind === 'broker' ? (
        <>
          <dt>MQTT 地址</dt>
          <dd>{issued.mqttUrl}</dd>
          <dt>用户名</dt>
          <dd>{issued.username}</dd>
          <dt>密码</dt>
          <dd>
            <Typography.Text code copyable aria-label="设备密码">
              {issued.password}
            </Typography.Text>
          </dd>
        </>
      ) : (
        <>
          <dt>接入点</dt>
          <dd>{issued.endpoint}</dd>
          <dt>证书 ID</dt>
          <dd>{issued.certificateId}</dd>
        </>
      )}
    </dl>
    {issued.kind === 'certificate' ? (
      <>
        <h4>证书</h4>
        <pre className="qs-carbon-pre">{issued.certificatePem}</pre>
        <h4>私钥</h4>
        <pre className="qs-carbon-pre">{issued.privateKey}</pre>
      </>
    ) : null}
  </div>
);

/**
 * 计量器具与接入凭证: every meter, with its parameters, and its device credentials issued, rotated
 * (the old ones revoked, new ones issued) or revoked. The secret is shown once, in a dialog.
 */
const CredentialsPage = (_: PageProps) => {
  const api = useCarbonApi();
  const admin = useCarbonAdminApi();
  const meters = useLoad(() => api.allMeters(), 'meters');
  const [issued, setIssued] = useState<IssuedCredentials>();
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string }>();
  const run = async (work: () => Promise<string>) => {
    try {
      setOutcome({ ok: true, text: await work() });
    } catch (failure) {
      setOutcome({ ok: false, text: messageOf(failure) });
    }
  };
  const issue = (m: Meter, rotate: boolean) =>
    run(async () => {
      const answer = await admin.issueCredentials(m.id, rotate);
      setIssued(answer);
      return `${m.id} 已${rotate ? '轮换' : '签发'}凭证`;
    });
  const revoke = (m: Meter) =>
    run(async () => {
      await admin.revokeCredentials(m.id);
      return `${m.id} 的凭证已吊销，设备已断开`;
    });
  return (
    <section aria-labelledby="cred-title">
      <h1 id="cred-title">计量器具与接入凭证</h1>
      {outcome === undefined ? null : (
        <Alert type={outcome.ok ? 'success' : 'error'} showIcon title={outcome.text} />
      )}
      {meters.error === undefined ? null : <Alert type="error" showIcon title={meters.error} />}
      {meters.data === undefined ? (
        <Spin className="qs-page-spin" />
      ) : (
        <Table<Meter>
          size="small"
          rowKey="id"
          dataSource={meters.data.items}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          columns={[
            {
              title: '计量器具',
              key: 'name',
              render: (_, m) => (
                <Link to={dashboardPath({ level: 'meter', id: m.id }, currentMonth())}>
                  {m.name}（{m.id}）
                </Link>
              ),
            },
            { title: '企业', dataIndex: 'enterpriseId' },
            { title: '品种', dataIndex: 'energyType', render: (e: string) => label(ENERGY_LABELS, e) },
            { title: '单位', dataIndex: 'unit' },
            { title: '读数方式', dataIndex: 'readingKind' },
            { title: '范围', dataIndex: 'scope' },
            {
              title: '上报间隔',
              dataIndex: 'expectedIntervalSeconds',
              render: (s: number) => `${s / 60} 分钟`,
            },
            { title: '状态', dataIndex: 'status' },
            {
              title: '凭证',
              key: 'cred',
              render: (_, m) => (
                <Space size="small">
                  <Button size="small" aria-label={`签发 ${m.id} 凭证`} onClick={() => void issue(m, false)}>
                    签发
                  </Button>
                  <Popconfirm
                    title={`轮换 ${m.id} 的凭证？旧凭证立即失效。`}
                    okText="轮换"
                    cancelText="取消"
                    onConfirm={() => issue(m, true)}
                  >
                    <Button size="small" aria-label={`轮换 ${m.id} 凭证`}>
                      轮换
                    </Button>
                  </Popconfirm>
                  <Popconfirm
                    title={`吊销 ${m.id} 的凭证？设备将被断开。`}
                    okText="吊销"
                    cancelText="取消"
                    onConfirm={() => revoke(m)}
                  >
                    <Button size="small" danger aria-label={`吊销 ${m.id} 凭证`}>
                      吊销
                    </Button>
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      )}
      <Modal
        open={issued !== undefined}
        title="设备接入凭证"
        footer={null}
        onCancel={() => setIssued(undefined)}
        width={640}
      >
        {issued === undefined ? null : <Secret issued={issued} />}
      </Modal>
    </section>
  );
};

export default CredentialsPage;
