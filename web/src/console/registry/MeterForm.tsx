import { Button, Form, Input, InputNumber, Radio, Select, Switch } from 'antd';
import { useEffect } from 'react';
import { METER_UNITS } from '../../../../shared/domain/registry/meter-units.ts';
import { ENERGY_TYPES, type EnergyType } from '../../../../shared/domain/registry/records.ts';
import { ENERGY_LABELS, label } from '../carbon/labels.ts';
import { compact, orNull } from './compact.ts';
import { GRID_REGION_OPTIONS, options, READING_KIND_LABELS } from './labels.ts';
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
  useEffect(() => {
    if (record !== undefined)
      form.setFieldsValue({
        ...record,
        rolloverValue: record.rolloverValue ?? null,
        maxPerHour: record.maxPerHour ?? null,
        gridRegion: record.gridRegion ?? null,
      });
  }, [record, form]);
  const submit = (v: Values) =>
    save.run(async () => {
      const optional = { rolloverValue: v.rolloverValue, maxPerHour: v.maxPerHour, gridRegion: v.gridRegion };
      const saved =
        record === undefined
          ? await api.createMeter(
              compact({ ...changesOf(v), enterpriseId, energyType: v.energyType }, { ...optional, id: v.id }),
            )
          : await api.updateMeter(record.id, record.version, { ...changesOf(v), ...orNull(optional) });
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
        <Form.Item label="计量器具编号（可不填，自动分配）" name="id">
          <Input placeholder="MTR-0100" />
        </Form.Item>
      ) : null}
      <Form.Item label="名称" name="name" rules={[{ required: true, message: '请填写名称' }]}>
        <Input />
      </Form.Item>
      <Form.Item label="所属设施" name="facilityId" rules={[{ required: true, message: '请选择设施' }]}>
        <Select options={facilities.map((f) => ({ value: f.id, label: `${f.name}（${f.id}）` }))} />
      </Form.Item>
      <Form.Item
        label="能源品种"
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
      <Form.Item label="计量单位" name="unit" rules={[{ required: true, message: '请选择单位' }]}>
        <Select options={METER_UNITS[energyType].map((u) => ({ value: u, label: u }))} />
      </Form.Item>
      <Form.Item label="读数方式" name="readingKind">
        <Radio.Group options={options(READING_KIND_LABELS)} />
      </Form.Item>
      {readingKind === 'cumulative' ? (
        <Form.Item label="翻转值（表底最大读数）" name="rolloverValue">
          <InputNumber min={1} style={{ width: 200 }} />
        </Form.Item>
      ) : null}
      <Form.Item label="合理性上限（每小时，计量单位；不填则按近期用量的 100 倍）" name="maxPerHour">
        <InputNumber min={0} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item label="排放范围（不选则按品种：电力、热力为范围二）" name="scope">
        <Radio.Group
          options={[
            { value: 1, label: '范围一' },
            { value: 2, label: '范围二' },
          ]}
        />
      </Form.Item>
      {energyType === 'electricity' ? (
        <>
          <Form.Item label="电网区域（选择电力排放因子）" name="gridRegion">
            <Select allowClear options={GRID_REGION_OPTIONS} />
          </Form.Item>
          <Form.Item label="绿电（合同绿色电力）" name="greenPower" valuePropName="checked">
            <Switch />
          </Form.Item>
        </>
      ) : null}
      <Form.Item
        label="上报间隔（秒；超过即告警离线）"
        name="expectedIntervalSeconds"
        rules={[{ required: true, message: '请填写上报间隔' }]}
      >
        <InputNumber min={10} max={604800} style={{ width: 200 }} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={save.busy}>
        {record === undefined ? '登记计量器具' : '保存参数'}
      </Button>
    </Form>
  );
};
