import { Button, Form, Input, InputNumber, Radio, Select, Switch } from 'antd';
import { useEffect } from 'react';
import { METER_UNITS } from '../../../../shared/domain/registry/meter-units.ts';
import { ENERGY_TYPES, type EnergyType } from '../../../../shared/domain/registry/records.ts';
import { ENERGY_LABELS, label } from '../carbon/labels.ts';
import { compact, orNull } from './compact.ts';
import { METER_FIELDS as F, formLabel } from './field-labels.ts';
import {
  GRID_REGION_OPTIONS,
  METER_SCOPE_LABELS,
  METER_UNIT_LABELS,
  options,
  READING_KIND_LABELS,
  unitText,
} from './labels.ts';
import { MeasuredParametersField } from './MeasuredParametersField.tsx';
import { type MeasuredRow, measuredChange, measuredRows } from './measured-rows.ts';
import { RefusalAlert } from './RefusalAlert.tsx';
import { type Facility, type Meter, useRegistryApi } from './registry-api.ts';
import { useSave } from './use-save.ts';

interface Values {
  id?: string;
  facilityId: string;
  name: string;
  energyType: EnergyType;
  unit: string;
  readingKind: Meter['readingKind'];
  rolloverValue?: number | null;
  maxPerHour?: number | null;
  scope?: 1 | 2;
  gridRegion?: string | null;
  greenPower: boolean;
  expectedIntervalSeconds: number;
  measuredParameters?: MeasuredRow[];
}

const FIELDS = [
  'id',
  'facilityId',
  'name',
  'energyType',
  'unit',
  'readingKind',
  'rolloverValue',
  'maxPerHour',
  'scope',
  'gridRegion',
  'greenPower',
  'expectedIntervalSeconds',
  'measuredParameters',
];

/** The parameters the registry takes, with the fixed ones (energy type) shown but locked when editing. */
const changesOf = (v: Values) => ({
  name: v.name,
  facilityId: v.facilityId,
  unit: v.unit,
  readingKind: v.readingKind,
  greenPower: v.greenPower,
  expectedIntervalSeconds: v.expectedIntervalSeconds,
  ...(v.scope === undefined ? {} : { scope: v.scope }),
});

/**
 * Registers a meter of an enterprise's facility, or edits its parameters under the version shown.
 * The API checks unit ↔ energy type, rollover ↔ cumulative, grid region ↔ electricity and answers
 * each by field; the unit list here follows the energy type so most mistakes cannot be made.
 */
export const MeterForm = ({
  enterpriseId,
  facilities,
  record,
  initialFacility,
  onSaved,
  reload,
}: {
  enterpriseId: string;
  facilities: readonly Facility[];
  record?: Meter | undefined;
  initialFacility?: string | undefined;
  onSaved: (saved: Meter) => void;
  reload: () => void;
}) => {
  const api = useRegistryApi();
  const [form] = Form.useForm<Values>();
  const save = useSave(form, FIELDS, reload);
  const energyType = Form.useWatch('energyType', form) ?? record?.energyType ?? 'electricity';
  const readingKind = Form.useWatch('readingKind', form);
  const unit = Form.useWatch('unit', form) ?? record?.unit ?? '';
  useEffect(() => {
    if (record !== undefined)
      form.setFieldsValue({
        ...record,
        rolloverValue: record.rolloverValue ?? null,
        maxPerHour: record.maxPerHour ?? null,
        gridRegion: record.gridRegion ?? null,
        measuredParameters: measuredRows(record.measuredParameters),
      });
  }, [record, form]);
  const submit = (v: Values) =>
    save.run(async () => {
      const optional = { rolloverValue: v.rolloverValue, maxPerHour: v.maxPerHour, gridRegion: v.gridRegion };
      const saved =
        record === undefined
          ? await api.createMeter(
              compact(
                { ...changesOf(v), enterpriseId, energyType: v.energyType },
                { ...optional, id: v.id, ...measuredChange(undefined, v.measuredParameters) },
              ),
            )
          : await api.updateMeter(record.id, record.version, {
              ...changesOf(v),
              ...orNull(optional),
              ...measuredChange(record.measuredParameters, v.measuredParameters),
            });
      onSaved(saved);
    });
  return (
    <Form<Values>
      form={form}
      name="meter"
      layout="vertical"
      aria-label={record === undefined ? '登记计量器具' : `修改计量器具 ${record.id} 参数`}
      initialValues={{
        facilityId: initialFacility,
        energyType: 'electricity',
        unit: 'kWh',
        readingKind: 'interval',
        greenPower: false,
        expectedIntervalSeconds: 900,
      }}
      onFinish={(v) => void submit(v)}
      onValuesChange={(changed: Partial<Values>) => {
        save.clear();
        if (changed.energyType !== undefined)
          form.setFieldsValue({ unit: METER_UNITS[changed.energyType][0] ?? '' });
      }}
    >
      <RefusalAlert refusal={save.refusal} />
      {record === undefined ? (
        <Form.Item label={formLabel(F.id)} name="id">
          <Input placeholder="MTR-0100" />
        </Form.Item>
      ) : null}
      <Form.Item label={F.name.label} name="name" rules={[{ required: true, message: '请填写名称' }]}>
        <Input />
      </Form.Item>
      <Form.Item
        label={F.facilityId.label}
        name="facilityId"
        rules={[{ required: true, message: '请选择设施' }]}
      >
        <Select options={facilities.map((f) => ({ value: f.id, label: `${f.name}（${f.id}）` }))} />
      </Form.Item>
      <Form.Item
        label={F.energyType.label}
        name="energyType"
        extra={record === undefined ? undefined : '品种不可修改：请登记新的计量器具'}
      >
        <Select
          disabled={record !== undefined}
          showSearch
          optionFilterProp="label"
          options={ENERGY_TYPES.map((t) => ({ value: t, label: `${label(ENERGY_LABELS, t)}（${t}）` }))}
        />
      </Form.Item>
      <Form.Item label={F.unit.label} name="unit" rules={[{ required: true, message: '请选择单位' }]}>
        <Select
          options={METER_UNITS[energyType].map((u) => ({ value: u, label: unitText(METER_UNIT_LABELS, u) }))}
        />
      </Form.Item>
      <Form.Item label={F.readingKind.label} name="readingKind">
        <Radio.Group options={options(READING_KIND_LABELS)} />
      </Form.Item>
      {readingKind === 'cumulative' ? (
        <Form.Item label={formLabel(F.rolloverValue)} name="rolloverValue">
          <InputNumber min={1} style={{ width: 200 }} />
        </Form.Item>
      ) : null}
      <Form.Item label={formLabel(F.maxPerHour)} name="maxPerHour">
        <InputNumber min={0} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item label={formLabel(F.scope)} name="scope">
        <Radio.Group options={options(METER_SCOPE_LABELS).map((o) => ({ ...o, value: Number(o.value) }))} />
      </Form.Item>
      {energyType === 'electricity' ? (
        <>
          <Form.Item label={formLabel(F.gridRegion)} name="gridRegion">
            <Select allowClear options={GRID_REGION_OPTIONS} />
          </Form.Item>
          <Form.Item label={formLabel(F.greenPower)} name="greenPower" valuePropName="checked">
            <Switch />
          </Form.Item>
        </>
      ) : null}
      <Form.Item
        label={formLabel(F.expectedIntervalSeconds)}
        name="expectedIntervalSeconds"
        rules={[{ required: true, message: '请填写上报间隔' }]}
      >
        <InputNumber min={10} max={604800} style={{ width: 200 }} />
      </Form.Item>
      <MeasuredParametersField energyType={energyType} unit={unit} />
      <Button type="primary" htmlType="submit" loading={save.busy}>
        {record === undefined ? '登记计量器具' : '保存参数'}
      </Button>
    </Form>
  );
};
