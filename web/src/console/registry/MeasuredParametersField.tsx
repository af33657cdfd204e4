import { Button, DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { MeasuredParameterName } from '../../../../shared/domain/carbon/accounting/measured-parameters.ts';
import {
  measuredParametersOf,
  measuredParameterUnits,
} from '../../../../shared/domain/registry/meter-parameters.ts';
import type { EnergyType } from '../../../../shared/domain/registry/records.ts';
import { formLabel, METER_FIELDS } from './field-labels.ts';
import { MEASURED_PARAMETER_LABELS, MEASURED_UNIT_LABELS, unitText } from './labels.ts';

const LIST = 'measuredParameters';

/** A date field kept as the contract's `YYYY-MM-DD` string while the picker works on dayjs. */
const dateProps = {
  getValueProps: (value: string | undefined) => ({ value: value ? dayjs(value) : undefined }),
  normalize: (value: Dayjs | null) => value?.format('YYYY-MM-DD'),
};

const required = (message: string) => [{ required: true, message }];

const Row = ({
  name,
  n,
  energyType,
  unit,
  onRemove,
}: {
  name: number;
  n: number;
  energyType: EnergyType;
  unit: string;
  onRemove: () => void;
}) => {
  const form = Form.useFormInstance();
  const parameter: MeasuredParameterName | undefined = Form.useWatch([LIST, name, 'parameter'], form);
  const units = parameter === undefined ? [] : measuredParameterUnits(energyType, unit, parameter);
  const label = (what: string) => `实测值 ${n}：${what}`;
  return (
    <fieldset className="qs-measured-row">
      <legend>实测值 {n}</legend>
      <Form.Item name={[name, 'parameter']} rules={required('请选择参数')}>
        <Select
          aria-label={label('参数')}
          placeholder="参数"
          options={measuredParametersOf(energyType, unit).map((p) => ({
            value: p,
            label: MEASURED_PARAMETER_LABELS[p] ?? p,
          }))}
          onChange={(p: MeasuredParameterName) =>
            form.setFieldValue([LIST, name, 'unit'], measuredParameterUnits(energyType, unit, p)[0])
          }
        />
      </Form.Item>
      <Form.Item name={[name, 'value']} rules={required('请填写数值')}>
        <InputNumber aria-label={label('数值')} placeholder="数值" min={0} />
      </Form.Item>
      <Form.Item name={[name, 'unit']} rules={required('请选择单位')}>
        <Select
          aria-label={label('单位')}
          placeholder="单位"
          options={units.map((u) => ({ value: u, label: unitText(MEASURED_UNIT_LABELS, u) }))}
        />
      </Form.Item>
      {/* A filled date shows no placeholder: the prefix keeps 起/止 in sight (the label is for screen readers). */}
      <Form.Item name={[name, 'validFrom']} rules={required('请选择起始日期')} {...dateProps}>
        <DatePicker aria-label={label('有效期起')} placeholder="有效期起" prefix="起" />
      </Form.Item>
      <Form.Item name={[name, 'validTo']} rules={required('请选择截止日期')} {...dateProps}>
        <DatePicker aria-label={label('有效期止')} placeholder="有效期止" prefix="止" />
      </Form.Item>
      <Form.Item name={[name, 'source']} rules={required('请注明来源（检测报告、送货单或证书）')}>
        <Input aria-label={label('来源')} placeholder="来源：检测报告、送货单或证书" maxLength={200} />
      </Form.Item>
      <Button aria-label={`删除实测值 ${n}`} onClick={onRemove}>
        删除
      </Button>
    </fieldset>
  );
};

/**
 * 实测值 of a fuel meter: NCV, carbon content, oxidation rate, density, each with its unit and the
 * days it holds (docs/accounting.md). Only the parameters and units the registry accepts for this
 * meter are offered (shared/domain/registry/meter-parameters.ts); what it still refuses — two
 * periods of one parameter overlapping — comes back under the entry's own field.
 */
export const MeasuredParametersField = ({ energyType, unit }: { energyType: EnergyType; unit: string }) => {
  const offered = measuredParametersOf(energyType, unit);
  return (
    <Form.List name={LIST}>
      {(rows, { add, remove }, { errors }) =>
        offered.length === 0 && rows.length === 0 ? null : (
          <fieldset className="qs-measured">
            <legend>{formLabel(METER_FIELDS.measuredParameters)}</legend>
            {rows.map(({ key, name }, index) => (
              <Row
                key={key}
                name={name}
                n={index + 1}
                energyType={energyType}
                unit={unit}
                onRemove={() => remove(name)}
              />
            ))}
            <Form.ErrorList errors={errors} />
            <Button onClick={() => add({})} disabled={offered.length === 0}>
              添加实测值
            </Button>
          </fieldset>
        )
      }
    </Form.List>
  );
};
