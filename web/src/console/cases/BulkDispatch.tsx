import { App, Button, Form, Input, List, Modal, Select } from 'antd';
import { useState } from 'react';
import { CASE_CATEGORIES } from '../../../../shared/domain/cases/case-categories.ts';
import type { CaseView, Department } from '../api.ts';
import { useConsole } from '../context.tsx';
import { messageOf } from '../lib/use-load.ts';

interface Props {
  cases: readonly CaseView[];
  departments: readonly Department[];
  onDone: () => void;
}

interface Values {
  leadDepartmentId: string;
  coDepartmentIds?: string[];
  note?: string;
}

/** The usual department of the selected cases' categories, when they agree. */
const usualDepartment = (cases: readonly CaseView[]): string | undefined => {
  const ids = new Set(
    cases.map((c) => CASE_CATEGORIES.find((k) => k.id === c.categoryId)?.defaultDepartmentId),
  );
  return ids.size === 1 ? [...ids][0] : undefined;
};

/** Dispatch several accepted cases at once to one lead department (and co-departments). */
export const BulkDispatch = ({ cases, departments, onDone }: Props) => {
  const { api } = useConsole();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failures, setFailures] = useState<{ title: string; reason: string }[]>([]);
  const [form] = Form.useForm<Values>();
  const submit = async (values: Values) => {
    setBusy(true);
    const failed: { title: string; reason: string }[] = [];
    for (const record of cases) {
      try {
        await api.transitionCase(record.id, {
          action: 'dispatch',
          version: record.version,
          payload: {
            leadDepartmentId: values.leadDepartmentId,
            coDepartmentIds: (values.coDepartmentIds ?? []).filter((id) => id !== values.leadDepartmentId),
            ...(values.note ? { note: values.note } : {}),
          },
        });
      } catch (error) {
        failed.push({ title: record.title, reason: messageOf(error) });
      }
    }
    setBusy(false);
    setFailures(failed);
    if (failed.length === 0) {
      message.success(`已派遣 ${cases.length} 件`);
      setOpen(false);
    }
    onDone();
  };
  const options = departments.map((d) => ({ value: d.id, label: d.name }));
  return (
    <>
      <Button
        type="primary"
        disabled={cases.length === 0}
        onClick={() => {
          setFailures([]);
          form.setFieldsValue({ leadDepartmentId: usualDepartment(cases) as string, coDepartmentIds: [] });
          setOpen(true);
        }}
      >
        批量派遣（{cases.length}）
      </Button>
      <Modal
        title={`派遣 ${cases.length} 件案件`}
        open={open}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText="派遣"
        confirmLoading={busy}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}>
          <Form.Item
            name="leadDepartmentId"
            label="主办部门"
            rules={[{ required: true, message: '请选择主办部门' }]}
          >
            <Select options={options} placeholder="选择主办部门" />
          </Form.Item>
          <Form.Item name="coDepartmentIds" label="协办部门">
            <Select mode="multiple" options={options} placeholder="可选" />
          </Form.Item>
          <Form.Item name="note" label="派遣说明">
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        </Form>
        {failures.length === 0 ? null : (
          <List
            header="未能派遣："
            dataSource={failures}
            renderItem={(f) => (
              <List.Item>
                {f.title}：{f.reason}
              </List.Item>
            )}
          />
        )}
      </Modal>
    </>
  );
};
