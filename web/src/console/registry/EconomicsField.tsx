import { Button, Form, Input, InputNumber, Space } from 'antd';
import { ENTERPRISE_FIELDS, formLabel } from './field-labels.ts';

/**
 * 年度经济数据: per year, 工业总产值 and 工业增加值 in 万元 — the denominators of the carbon
 * dashboard's intensity ranking (value added first, output value when a year has none).
 */
export const EconomicsField = () => (
  <Form.Item label={formLabel(ENTERPRISE_FIELDS.economics)}>
    <Form.List name="economics">
      {(lines, { add, remove }) => (
        <>
          {lines.map(({ key, name }) => (
            <Space key={key} align="baseline" wrap>
              <Form.Item
                name={[name, 'year']}
                rules={[{ required: true, pattern: /^[12]\d{3}$/, message: '年份为四位数字，如 2026' }]}
              >
                <Input aria-label="年份" placeholder="2026" maxLength={4} style={{ width: 80 }} />
              </Form.Item>
              <Form.Item name={[name, 'outputValue']}>
                <InputNumber aria-label="工业总产值（万元）" placeholder="工业总产值" min={0} />
              </Form.Item>
              <Form.Item name={[name, 'valueAdded']}>
                <InputNumber aria-label="工业增加值（万元）" placeholder="工业增加值" min={0} />
              </Form.Item>
              <Button aria-label="删除该年" onClick={() => remove(name)}>
                删除
              </Button>
            </Space>
          ))}
          <Button onClick={() => add({})}>添加年份</Button>
        </>
      )}
    </Form.List>
  </Form.Item>
);
