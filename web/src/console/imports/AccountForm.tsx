import { Alert, Form, Input, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { FEED_KINDS, type FeedKind } from '../../../../shared/domain/imports/templates.ts';
import { ENERGY_LABELS, label } from '../carbon/labels.ts';
import { messageOf } from '../lib/use-load.ts';
import type { Meter } from '../registry/registry-api.ts';
import type { ImportAccount, ImportsApi } from './imports-api.ts';
import { KIND_LABELS } from './labels.ts';

interface Values {
  accountId: string;
  kind: FeedKind;
  name?: string;
  meterIds: string[];
  counts: 'default' | 'feed' | 'meter';
}

/**
 * Maps a feed account to the registry meters standing for it (one per energy type) and says which
 * source counts; `PUT /import-accounts/{id}` checks the meters and the enterprise.
 */
export const AccountForm = ({
  api,
  account,
  meters,
  onClose,
}: {
  api: ImportsApi;
  /** The account edited; undefined: a new mapping. */
  account: ImportAccount | undefined;
  meters: readonly Meter[];
  onClose: (saved?: ImportAccount) => void;
}) => {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const save = async (values: Values) => {
    const chosen = meters.filter((m) => values.meterIds.includes(m.id));
    setBusy(true);
    try {
      const saved = await api.putAccount(values.accountId, {
        kind: values.kind,
        ...(values.name ? { name: values.name } : {}),
        meters: Object.fromEntries(chosen.map((m) => [m.energyType, m.id])),
        ...(values.counts === 'default' ? {} : { counts: values.counts }),
      });
      onClose(saved);
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={account === undefined ? '新增账户映射' : `修改账户映射 ${account.accountId}`}
      okText="保存映射"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={() => onClose()}
    >
      {error === undefined ? null : (
        <Alert role="alert" type="error" showIcon title="保存失败" description={error} />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        name="import-account"
        onFinish={(values) => void save(values)}
        initialValues={{
          accountId: account?.accountId,
          kind: account?.kind ?? 'utility-monthly',
          name: account?.name,
          meterIds: Object.values(account?.meters ?? {}),
          counts: account?.counts ?? 'default',
        }}
      >
        <Form.Item
          label="账户编号"
          name="accountId"
          rules={[
            {
              required: true,
              pattern: /^[A-Za-z0-9._-]{1,64}$/,
              message: '字母、数字、点、下划线或连字符，至多 64 个',
            },
          ]}
        >
          <Input disabled={account !== undefined} />
        </Form.Item>
        <Form.Item label="数据类型" name="kind" rules={[{ required: true }]}>
          <Select options={FEED_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))} />
        </Form.Item>
        <Form.Item label="名称" name="name">
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          label="账户计量点（每种能源一个；能源统计报表可选多个）"
          name="meterIds"
          rules={[{ required: true, message: '至少选择一个计量点' }]}
        >
          <Select
            mode="multiple"
            showSearch
            optionFilterProp="label"
            options={meters.map((m) => ({
              value: m.id,
              label: `${m.name}（${m.id}，${label(ENERGY_LABELS, m.energyType)}，${m.enterpriseId}）`,
            }))}
          />
        </Form.Item>
        <Form.Item label="计入来源" name="counts">
          <Radio.Group>
            <Radio value="default">默认（企业无其他同类在线计量时以导入为准）</Radio>
            <Radio value="feed">以导入数据为准</Radio>
            <Radio value="meter">以在线计量为准（导入仅记录）</Radio>
          </Radio.Group>
        </Form.Item>
      </Form>
    </Modal>
  );
};
