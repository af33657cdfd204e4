import { App, Button, Form, Input, List, Tag } from 'antd';
import { useState } from 'react';
import { roleLabelOf } from '../../../../shared/domain/role-labels.ts';
import type { CaseComments as Comments } from '../api.ts';
import { MediaGallery } from '../components/MediaGallery.tsx';
import { useConsole } from '../context.tsx';
import { localTime } from '../lib/format.ts';
import { messageOf } from '../lib/use-load.ts';

export const CaseComments = ({
  caseId,
  comments,
  onAdded,
}: {
  caseId: string;
  comments: Comments['items'];
  onAdded: () => void;
}) => {
  const { api } = useConsole();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ text: string }>();
  const [busy, setBusy] = useState(false);
  const add = async ({ text }: { text: string }) => {
    setBusy(true);
    try {
      await api.addComment(caseId, { text, mediaIds: [] });
      form.resetFields();
      onAdded();
    } catch (error) {
      message.error(messageOf(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <List
        dataSource={comments}
        locale={{ emptyText: '暂无评论' }}
        renderItem={(c) => (
          <List.Item>
            <List.Item.Meta
              title={
                <span>
                  <Tag>{c.byReporter ? '上报人' : (roleLabelOf(c.authorRole) ?? c.authorRole)}</Tag>
                  <span className="qs-muted">{localTime(c.at)}</span>
                </span>
              }
              description={<span style={{ color: '#262626' }}>{c.text}</span>}
            />
            {c.mediaIds.length === 0 ? null : <MediaGallery api={api} ids={c.mediaIds} label="评论照片" />}
          </List.Item>
        )}
      />
      <Form form={form} onFinish={(values) => void add(values)} layout="vertical">
        <Form.Item name="text" label="添加评论" rules={[{ required: true, message: '请填写评论' }]}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Button htmlType="submit" loading={busy}>
          发表评论
        </Button>
      </Form>
    </>
  );
};
