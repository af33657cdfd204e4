import { Alert, Button, Checkbox, Form, Select } from 'antd';
import { useState } from 'react';
import type { Department } from '../api.ts';
import { messageOf } from '../lib/use-load.ts';
import { ROLE_LABELS } from './role-labels.ts';
import type { ManagedUser, UserRoles } from './users-api.ts';

const atLeastOne = (_: unknown, roles?: readonly string[]) =>
  roles !== undefined && roles.length > 0 ? Promise.resolve() : Promise.reject(new Error('至少选择一个角色'));

/**
 * One user's roles and department. The API refuses a handler or head without a department, a
 * deputy who is also staff, and an admin changing their own roles, and says which field is wrong.
 */
export const RoleEditor = ({
  user,
  departments,
  save,
  onSaved,
}: {
  user: ManagedUser;
  departments: readonly Department[];
  save: (body: UserRoles) => Promise<ManagedUser>;
  onSaved: (user: ManagedUser) => void;
}) => {
  const [form] = Form.useForm<UserRoles>();
  const [failure, setFailure] = useState<string>();
  const roles = Form.useWatch('roles', form) ?? user.roles;
  const needsDepartment = roles.includes('handler') || roles.includes('head');
  const submit = async (values: UserRoles) => {
    setFailure(undefined);
    try {
      onSaved(
        await save({
          roles: values.roles,
          ...(needsDepartment && values.departmentId ? { departmentId: values.departmentId } : {}),
        }),
      );
    } catch (error) {
      setFailure(messageOf(error));
    }
  };
  return (
    <Form<UserRoles>
      form={form}
      name="user-roles"
      layout="vertical"
      aria-label={`修改 ${user.username} 的角色`}
      initialValues={{ roles: user.roles, departmentId: user.departmentId }}
      onFinish={(values) => void submit(values)}
    >
      {failure === undefined ? null : (
        <Alert role="alert" type="error" showIcon title={failure} style={{ marginBottom: 12 }} />
      )}
      {/* A validator, not `required`: antd would put aria-required on the group, which a group may not carry. */}
      <Form.Item label="角色" name="roles" rules={[{ validator: atLeastOne }]}>
        <Checkbox.Group options={Object.entries(ROLE_LABELS).map(([value, label]) => ({ value, label }))} />
      </Form.Item>
      {needsDepartment ? (
        <Form.Item
          label="部门"
          name="departmentId"
          rules={[{ required: true, message: `${ROLE_LABELS.handler}与${ROLE_LABELS.head}须指定部门` }]}
        >
          <Select options={departments.map((d) => ({ value: d.id, label: `${d.name}（${d.id}）` }))} />
        </Form.Item>
      ) : null}
      <Button type="primary" htmlType="submit">
        保存角色
      </Button>
    </Form>
  );
};
