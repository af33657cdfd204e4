import { Alert, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { type ReactNode, useState } from 'react';
import { ApiError } from '../../shared/api.ts';
import type { ConsoleApi, Department } from '../api.ts';
import { messageOf } from '../lib/use-load.ts';
import { PhotoUpload } from './PhotoUpload.tsx';

/**
 * One form for every workflow action: the fields each action's payload takes (the zod payload
 * schemas in shared/domain are the truth; the API checks again). Refusals come back as problems
 * whose `/body/payload/<field>` errors are shown inline at that field; the rest above the form.
 */
export type FieldKind =
  | 'text'
  | 'textarea'
  | 'department'
  | 'departments'
  | 'number'
  | 'select'
  | 'date'
  | 'photos'
  | 'custom';

export interface FieldSpec {
  name: string;
  label: string;
  kind: FieldKind;
  required?: boolean;
  options?: { value: string; label: string }[];
  initial?: unknown;
  /** For `custom`: renders the control (gets value and onChange from Form.Item). */
  render?: () => ReactNode;
  /** Where the value goes in the payload when not at `name` (e.g. `proceedWithoutCoOpinion.reason`). */
  payloadPath?: string;
  /** Longest text the payload takes (default 2000, the notes' and reasons' limit). */
  max?: number;
  /** Turns the form value into the payload's (e.g. unit ids into 分别交办 parts). */
  transform?: (value: unknown) => unknown;
}

interface Props {
  title: string;
  open: boolean;
  fields: readonly FieldSpec[];
  api: ConsoleApi;
  departments: readonly Department[];
  onCancel: () => void;
  /** Sends the payload; a refusal thrown here is shown in the form. */
  onSubmit: (payload: Record<string, unknown>) => Promise<void>;
  okText: string;
}

const toPayload = (fields: readonly FieldSpec[], values: Record<string, unknown>) => {
  const payload: Record<string, unknown> = {};
  for (const field of fields) {
    let value = values[field.name];
    if (value === undefined || value === null || value === '') continue;
    if (field.kind === 'date') value = (value as Dayjs).format('YYYY-MM-DD');
    if (field.transform !== undefined) value = field.transform(value);
    const [head = field.name, tail] = (field.payloadPath ?? field.name).split('.');
    if (tail === undefined) payload[head] = value;
    else payload[head] = { ...(payload[head] as object), [tail]: value };
  }
  return payload;
};

const fieldOfPath = (fields: readonly FieldSpec[], path: string): string | undefined => {
  const rest = path
    .replace(/^\/body\/payload\//, '')
    .replace(/^\/body\//, '')
    .split('/');
  const dotted = rest.filter((part) => !/^\d+$/.test(part)).join('.');
  return fields.find((f) => (f.payloadPath ?? f.name) === dotted || f.name === rest[0])?.name;
};

export const ActionModal = (props: Props) => {
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string>();
  const finish = async (values: Record<string, unknown>) => {
    setBusy(true);
    setRefusal(undefined);
    try {
      await props.onSubmit(toPayload(props.fields, values));
      form.resetFields();
    } catch (error) {
      const inline = error instanceof ApiError ? (error.problem?.errors ?? []) : [];
      const placed = inline
        .map((e) => ({ name: fieldOfPath(props.fields, e.path), errors: [e.message] }))
        .filter((e): e is { name: string; errors: string[] } => e.name !== undefined);
      form.setFields(placed);
      setRefusal(messageOf(error));
    } finally {
      setBusy(false);
    }
  };
  const departmentOptions = props.departments.map((d) => ({ value: d.id, label: d.name }));
  return (
    <Modal
      title={props.title}
      open={props.open}
      onCancel={props.onCancel}
      onOk={() => form.submit()}
      okText={props.okText}
      confirmLoading={busy}
      destroyOnHidden
      width={640}
    >
      {refusal === undefined ? null : (
        <Alert type="error" showIcon title={refusal} style={{ marginBottom: 12 }} />
      )}
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => void finish(values)}
        initialValues={Object.fromEntries(
          props.fields.filter((f) => f.initial !== undefined).map((f) => [f.name, f.initial]),
        )}
      >
        {props.fields.map((field) => (
          <Form.Item
            key={field.name}
            name={field.name}
            label={field.label}
            rules={field.required ? [{ required: true, message: `请填写${field.label}` }] : []}
          >
            {control(field, departmentOptions, props.api)}
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
};

const control = (field: FieldSpec, departments: { value: string; label: string }[], api: ConsoleApi) => {
  switch (field.kind) {
    case 'text':
      return <Input maxLength={200} />;
    case 'textarea':
      return <Input.TextArea rows={3} maxLength={field.max ?? 2000} showCount />;
    case 'department':
      return <Select options={departments} placeholder="选择部门" />;
    case 'departments':
      return <Select mode="multiple" options={departments} placeholder="可选" />;
    case 'number':
      return <InputNumber min={1} max={60} />;
    case 'select':
      return <Select options={field.options ?? []} />;
    case 'date':
      return <DatePicker />;
    case 'photos':
      return <PhotoUpload api={api} />;
    case 'custom':
      return field.render?.() ?? null;
  }
};
