import { Button, Form, Input } from 'antd';
import { useEffect } from 'react';
import { compact, orNull } from './compact.ts';
import { FACILITY_FIELDS as F, formLabel } from './field-labels.ts';
import { LocationField, type Point } from './LocationField.tsx';
import { RefusalAlert } from './RefusalAlert.tsx';
import { type Facility, useRegistryApi } from './registry-api.ts';
import { useSave } from './use-save.ts';

interface Values {
  id?: string;
  name: string;
  address?: string;
  location?: Point | null;
}

const FIELDS = ['id', 'name', 'address', 'location'];

/** Registers a facility (厂区/车间) of an enterprise, or edits one under the version it shows. */
export const FacilityForm = ({
  enterpriseId,
  record,
  onSaved,
  reload,
}: {
  enterpriseId: string;
  record?: Facility | undefined;
  onSaved: (saved: Facility) => void;
  reload: () => void;
}) => {
  const api = useRegistryApi();
  const [form] = Form.useForm<Values>();
  const save = useSave(form, FIELDS, reload);
  // A reload after a conflict brings a new version: the form shows it.
  useEffect(() => {
    if (record !== undefined)
      form.setFieldsValue({
        name: record.name,
        address: record.address ?? '',
        location: record.location ?? null,
      });
  }, [record, form]);
  const submit = ({ id, name, address, location }: Values) =>
    save.run(async () => {
      const optional = { address: address?.trim(), location };
      const saved =
        record === undefined
          ? await api.createFacility(enterpriseId, compact({ name }, { id, ...optional }))
          : await api.updateFacility(enterpriseId, record.id, record.version, { name, ...orNull(optional) });
      onSaved(saved);
    });
  return (
    <Form<Values>
      form={form}
      name="facility"
      layout="vertical"
      aria-label={record === undefined ? '登记设施' : `修改设施 ${record.id}`}
      initialValues={{ location: null }}
      onFinish={(v) => void submit(v)}
      onValuesChange={save.clear}
    >
      <RefusalAlert refusal={save.refusal} />
      {record === undefined ? (
        <Form.Item label={formLabel(F.id)} name="id">
          <Input placeholder="FAC-0010" />
        </Form.Item>
      ) : null}
      <Form.Item label={F.name.label} name="name" rules={[{ required: true, message: '请填写设施名称' }]}>
        <Input />
      </Form.Item>
      <Form.Item label={F.address.label} name="address">
        <Input />
      </Form.Item>
      <Form.Item label={F.location.label} name="location">
        <LocationField label="设施位置" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={save.busy}>
        {record === undefined ? '登记设施' : '保存设施'}
      </Button>
    </Form>
  );
};
