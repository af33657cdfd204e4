import { UploadOutlined } from '@ant-design/icons';
import { Button, Upload } from 'antd';
import type { UploadFile } from 'antd/es/upload/interface';
import { useState } from 'react';
import { send } from '../../shared/api.ts';
import type { ConsoleApi } from '../api.ts';
import { messageOf } from '../lib/use-load.ts';

const TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'video/mp4', 'video/quicktime'];

/**
 * Evidence photos by the presigned POST flow: an upload slot from the API, the file posted straight
 * to storage with the slot's form fields (S3 checks size and type by the policy), then the API
 * completes it (judges the bytes). `onChange` gets the ids of the files that are ready.
 */
export const uploadMedia = async (api: ConsoleApi, file: File): Promise<string> => {
  const slot = await api.createUpload({
    contentType: file.type as never,
    sizeBytes: file.size,
    fileName: file.name,
  });
  const form = new FormData();
  for (const [name, value] of Object.entries(slot.fields)) form.append(name, value);
  form.append('file', file);
  const stored = await send(slot.url, { method: 'POST', body: form });
  if (!stored.ok) throw new Error(`上传失败（存储拒绝，${stored.status}）`);
  await api.completeUpload(slot.uploadId);
  return slot.uploadId;
};

export const PhotoUpload = ({
  api,
  id,
  onChange,
}: {
  api: ConsoleApi;
  id?: string;
  onChange?: (ids: string[]) => void;
}) => {
  const [files, setFiles] = useState<UploadFile[]>([]);
  const update = (next: UploadFile[]) => {
    setFiles(next);
    onChange?.(
      next
        .filter((f) => f.status === 'done' && typeof f.response === 'string')
        .map((f) => f.response as string),
    );
  };
  return (
    <Upload
      id={id}
      accept={TYPES.join(',')}
      multiple
      listType="picture"
      fileList={files}
      onChange={({ fileList }) => update(fileList)}
      beforeUpload={(file) => (TYPES.includes(file.type) ? true : Upload.LIST_IGNORE)}
      customRequest={({ file, onSuccess, onError }) => {
        uploadMedia(api, file as File).then(
          (mediaId) => onSuccess?.(mediaId),
          (error: unknown) => onError?.(new Error(messageOf(error))),
        );
      }}
    >
      <Button icon={<UploadOutlined />}>选择照片或视频</Button>
    </Upload>
  );
};
