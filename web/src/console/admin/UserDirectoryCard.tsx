import { Alert, Button, Card, Modal, Spin, Table, Tag } from 'antd';
import { useState } from 'react';
import type { Department } from '../api.ts';
import { departmentName } from '../lib/departments.ts';
import { localTime } from '../lib/format.ts';
import { useLoad } from '../lib/use-load.ts';
import { RoleEditor } from './RoleEditor.tsx';
import { ROLE_LABELS } from './role-labels.ts';
import { type ManagedUser, type RoleChange, useUsersApi } from './users-api.ts';

const roleTags = (roles: readonly string[]) => roles.map((r) => <Tag key={r}>{ROLE_LABELS[r] ?? r}</Tag>);
const rolesText = (side: RoleChange['before'], departments: readonly Department[]) =>
  `${side.roles.map((r) => ROLE_LABELS[r] ?? r).join('、')}${side.departmentId ? `（${departmentName(departments, side.departmentId)}）` : ''}`;

/**
 * The identity provider's users with their roles and department, and changing them, where the API
 * may write the directory (Cognito, the local issuer). A change reaches the person's token at their
 * next sign-in or token refresh.
 */
export const UserDirectoryCard = ({
  departments,
  me,
}: {
  departments: readonly Department[];
  me: string;
}) => {
  const api = useUsersApi();
  const list = useLoad(() => api.users(), 'users');
  const changes = useLoad(() => api.changes(), `changes|${list.data?.users.map((u) => u.roles).join()}`);
  const [editing, setEditing] = useState<ManagedUser>();
  const [saved, setSaved] = useState<string>();
  if (list.error !== undefined) return <Alert type="error" showIcon title={list.error} />;
  if (list.data === undefined) return <Spin className="qs-page-spin" />;
  if (!list.data.writable) {
    return (
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="用户由外部身份平台管理"
        description="本部署使用外部 OIDC 身份平台，用户、组（角色）与部门声明在该平台维护，本系统不能修改。npm run users 仅适用于 Cognito 用户池。"
      />
    );
  }
  return (
    <>
      <Card size="small" title={<h2>用户</h2>} style={{ marginBottom: 16 }}>
        {saved === undefined ? null : (
          <Alert type="success" showIcon title={saved} style={{ marginBottom: 12 }} />
        )}
        <Table<ManagedUser>
          rowKey="username"
          size="small"
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          dataSource={list.data.users}
          columns={[
            { title: '用户名', dataIndex: 'username' },
            { title: '角色', dataIndex: 'roles', render: roleTags },
            {
              title: '部门',
              dataIndex: 'departmentId',
              render: (d?: string) => departmentName(departments, d) || '—',
            },
            { title: '邮箱', dataIndex: 'email', render: (e?: string) => e ?? '—' },
            { title: '状态', dataIndex: 'enabled', render: (e: boolean) => (e ? '启用' : '停用') },
            {
              title: '操作',
              key: 'a',
              render: (_, u) =>
                u.username === me ? (
                  <span className="qs-muted">本人</span>
                ) : (
                  <Button size="small" aria-label={`修改 ${u.username} 的角色`} onClick={() => setEditing(u)}>
                    修改角色
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      <Card size="small" title={<h2>角色变更记录</h2>} style={{ marginBottom: 16 }}>
        <Table<RoleChange>
          rowKey={(c) => `${c.at}|${c.username}`}
          size="small"
          pagination={false}
          dataSource={changes.data?.items ?? []}
          columns={[
            { title: '时间', dataIndex: 'at', render: (at: string) => localTime(at) },
            { title: '操作人', dataIndex: 'actorName' },
            { title: '用户', dataIndex: 'username' },
            { title: '原角色', key: 'b', render: (_, c) => rolesText(c.before, departments) },
            { title: '新角色', key: 'n', render: (_, c) => rolesText(c.after, departments) },
          ]}
        />
      </Card>
      <Modal
        open={editing !== undefined}
        title={`修改 ${editing?.username ?? ''} 的角色`}
        footer={null}
        onCancel={() => setEditing(undefined)}
        destroyOnHidden
      >
        {editing === undefined ? null : (
          <RoleEditor
            user={editing}
            departments={departments}
            save={(body) => api.setRoles(editing.username, body)}
            onSaved={(u) => {
              setEditing(undefined);
              setSaved(`已修改 ${u.username} 的角色；对方下次登录（或刷新令牌）后生效`);
              list.reload();
            }}
          />
        )}
      </Modal>
    </>
  );
};
