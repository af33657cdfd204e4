import { Button, Form, Input, Select } from 'antd';
import { useEffect } from 'react';
import { compact, orNull } from './compact.ts';
import { EconomicsField } from './EconomicsField.tsx';
import { type EconomicsRow, economicsOf, economicsRows } from './economics-rows.ts';
import { ENTERPRISE_FIELDS as F, formLabel } from './field-labels.ts';
import { LocationField, type Point } from './LocationField.tsx';
import { ENTERPRISE_STATUS_LABELS, options, PROGRAMME_OPTIONS } from './labels.ts';
import { RefusalAlert } from './RefusalAlert.tsx';
import { type Enterprise, useRegistryApi } from './registry-api.ts';
import { useSave } from './use-save.ts';

interface Values {
  id?: string;
  name: string;
  uscc: string;
  industryCode: string;
  address: string;
  location?: Point | null;
  status: Enterprise['status'];
  factorProgramme?: Enterprise['factorProgramme'] | null;
  economics?: EconomicsRow[];
}

// Not `economics`: its problems name a year (/body/economics/2026/…), not a form line, so they
// are told in the line above the form.
const FIELDS = ['id', 'name', 'uscc', 'industryCode', 'address', 'location', 'status', 'factorProgramme'];

/**
 * Registers an enterprise (no `record`) or edits one under the version it shows. The API checks the
 * USCC's check character and the GB/T 4754 class and says which field is wrong.
 */
export const EnterpriseForm = ({
  record,
  onSaved,
  reload,
}: {
  record?: Enterprise | undefined;
  onSaved: (saved: Enterprise) => void;
  reload: () => void;
}) => {
  const api = useRegistryApi();
  const [form] = Form.useForm<Values>();
  const save = useSave(form, FIELDS, reload);
  // A reload after a conflict brings a new version: the form shows it.
  useEffect(() => {
    if (record !== undefined)
      form.setFieldsValue({
        ...record,
        location: record.location ?? null,
        economics: economicsRows(record.economics),
      });
  }, [record, form]);
  const submit = ({ id, location, factorProgramme, economics: rows, ...common }: Values) =>
    save.run(async () => {
      const economics = economicsOf(rows);
      const saved =
        record === undefined
          ? await api.createEnterprise(compact(common, { id, location, factorProgramme, economics }))
          : await api.updateEnterprise(record.id, record.version, {
              ...common,
              ...orNull({ location, factorProgramme }),
              economics,
            });
      onSaved(saved);
    });
  return (
    <Form<Values>
      form={form}
      name="enterprise"
      layout="vertical"
      aria-label={record === undefined ? '登记企业' : `修改企业 ${record.id}`}
      initialValues={{ status: 'active', location: null }}
      onFinish={(v) => void submit(v)}
      onValuesChange={save.clear}
    >
      <RefusalAlert refusal={save.refusal} />
      {record === undefined ? (
        <Form.Item label={formLabel(F.id)} name="id">
          <Input placeholder="ENT-0005" />
        </Form.Item>
      ) : null}
      <Form.Item label={F.name.label} name="name" rules={[{ required: true, message: '请填写企业名称' }]}>
        <Input />
      </Form.Item>
      <Form.Item
        label={F.uscc.label}
        name="uscc"
        rules={[{ required: true, len: 18, message: '统一社会信用代码为 18 位' }]}
      >
        <Input maxLength={18} />
      </Form.Item>
      <Form.Item
        label={formLabel(F.industryCode)}
        name="industryCode"
        rules={[{ required: true, message: '请填写行业代码，如 C3311' }]}
      >
        <Input placeholder="C3311" />
      </Form.Item>
      <Form.Item label={F.address.label} name="address" rules={[{ required: true, message: '请填写地址' }]}>
        <Input />
      </Form.Item>
      <Form.Item label={F.location.label} name="location">
        <LocationField label="企业位置" />
      </Form.Item>
      <Form.Item label={F.status.label} name="status">
        <Select options={options(ENTERPRISE_STATUS_LABELS)} />
      </Form.Item>
      <Form.Item label={formLabel(F.factorProgramme)} name="factorProgramme">
        <Select allowClear options={PROGRAMME_OPTIONS} />
      </Form.Item>
      <EconomicsField />
      <Button type="primary" htmlType="submit" loading={save.busy}>
        {record === undefined ? '登记企业' : '保存修改'}
      </Button>
    </Form>
  );
};
