import { Alert, Card, Descriptions, Table, Tag, Typography } from 'antd';
import { useConsole } from '../context.tsx';
import { useDepartments } from '../lib/departments.ts';
import type { PageProps } from '../module.ts';
import { UserDirectoryCard } from './UserDirectoryCard.tsx';

const ROLES = [
  { role: 'deputy', label: '代表', what: '代表端 /app/：随手拍、我的案件、建议' },
  { role: 'handler', label: '承办人', what: '本部门案件的签收、整改、延期申请；协办意见' },
  { role: 'head', label: '部门负责人', what: '承办人的一切，加负责人审核、建议答复（签发分类）、本部门指标' },
  { role: 'supervisor', label: '人大工作人员', what: '受理、派遣、核查结案、挂账、督办；建议交办与重点督办' },
  { role: 'admin', label: '管理员', what: '全部查看；工作日历、登记与设备管理' },
];

/**
 * Users and roles are kept by the identity provider (Cognito groups, the local issuer's users, or
 * another OIDC issuer's group claim). Where the API may write that directory (Cognito, local) the
 * page lists the users and changes their roles (audited); with an external issuer it says where
 * roles are changed instead (docs/users.md).
 */
const UsersPage = (_: PageProps) => {
  const { session, config, api } = useConsole();
  const departments = useDepartments(api);
  const local = /^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(config.issuer);
  return (
    <section aria-labelledby="users-title">
      <h1 id="users-title">用户与角色</h1>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="角色变更在对方下次登录或刷新令牌后生效"
        description={
          local ? (
            <span>
              本地运行时的演示用户每次启动时恢复为初始角色；在此修改的角色保持到下次启动。列出：
              <code>npm run users -- list --local</code>。
            </span>
          ) : (
            <span>
              使用 Cognito 用户池时，角色即用户组，承办人与部门负责人另有部门属性。添加用户：
              <code>npm run users -- add 用户名 --email 邮箱 --group head --department dept-ecology</code>
              ；列出：<code>npm run users -- list</code>。
            </span>
          )
        }
      />
      <UserDirectoryCard departments={departments} me={session.username} />
      <Card size="small" title={<h2>当前用户</h2>} style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={2}
          items={[
            { key: 'u', label: '用户名', children: session.username },
            { key: 'id', label: '用户编号', children: session.userId },
            { key: 'r', label: '角色', children: session.roles.map((r) => <Tag key={r}>{r}</Tag>) },
            { key: 'd', label: '部门', children: session.departmentId ?? '—' },
            { key: 'iss', label: '身份提供方', children: config.issuer },
          ]}
        />
      </Card>
      <Card size="small" title={<h2>角色</h2>} style={{ marginBottom: 16 }}>
        <Table
          rowKey="role"
          size="small"
          pagination={false}
          dataSource={ROLES}
          columns={[
            { title: '组', dataIndex: 'role', render: (r: string) => <code>{r}</code> },
            { title: '角色', dataIndex: 'label' },
            { title: '可以做什么', dataIndex: 'what' },
          ]}
        />
      </Card>
      <Card size="small" title={<h2>部门（承办单位）</h2>}>
        <Typography.Paragraph className="qs-muted">
          承办人与部门负责人的部门属性须为以下编号之一。
        </Typography.Paragraph>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={departments}
          columns={[
            { title: '编号', dataIndex: 'id', render: (id: string) => <code>{id}</code> },
            { title: '名称', dataIndex: 'name' },
            { title: '办理建议', dataIndex: 'handlesSuggestions', render: (v: boolean) => (v ? '是' : '否') },
          ]}
        />
      </Card>
    </section>
  );
};

export default UsersPage;
