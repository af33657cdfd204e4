import { App, Button, Empty, Image, Space } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError } from '../../shared/api.ts';
import type { ConsoleApi, MediaDownload } from '../api.ts';
import { messageOf } from '../lib/use-load.ts';

/**
 * Photos and videos of a record: the public copy (location removed); 原图 asks for the original,
 * which the API gives only to those allowed (the uploader, supervisors, admins, assigned
 * departments: docs/media-access.md) — anyone else is told so.
 */
export const MediaGallery = ({
  api,
  ids,
  label,
}: {
  api: ConsoleApi;
  ids: readonly string[];
  label: string;
}) => {
  const [media, setMedia] = useState<Record<string, MediaDownload | string>>({});
  const key = ids.join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for `ids`.
  useEffect(() => {
    for (const id of ids) {
      api.getMedia(id).then(
        (found) => setMedia((all) => ({ ...all, [id]: found })),
        (error: unknown) => setMedia((all) => ({ ...all, [id]: messageOf(error) })),
      );
    }
  }, [api, key]);
  if (ids.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={`无${label}`} />;
  return (
    <Space wrap size="middle">
      {ids.map((id, index) => (
        <MediaItem key={id} api={api} id={id} media={media[id]} alt={`${label} ${index + 1}`} />
      ))}
    </Space>
  );
};

const MediaItem = ({
  api,
  id,
  media,
  alt,
}: {
  api: ConsoleApi;
  id: string;
  media: MediaDownload | string | undefined;
  alt: string;
}) => {
  const { message } = App.useApp();
  if (media === undefined) return <div className="qs-photo" aria-busy="true" />;
  if (typeof media === 'string') return <div className="qs-photo qs-muted">{media}</div>;
  const url = media.download?.url;
  const openOriginal = async () => {
    try {
      const original = await api.getMedia(id, 'original');
      if (original.download !== undefined) window.open(original.download.url, '_blank', 'noopener');
    } catch (error) {
      message.warning(
        error instanceof ApiError && error.status === 404 ? '无权查看原图（含定位信息）' : messageOf(error),
      );
    }
  };
  return (
    <Space direction="vertical" size={4}>
      {url === undefined ? (
        <div className="qs-photo qs-muted">处理中</div>
      ) : media.contentType?.startsWith('video/') ? (
        // biome-ignore lint/a11y/useMediaCaption: staff evidence videos carry no speech to caption.
        <video className="qs-photo" src={url} controls aria-label={alt} />
      ) : (
        <Image className="qs-photo" src={url} alt={alt} width={160} height={120} />
      )}
      <Button size="small" type="link" onClick={() => void openOriginal()}>
        原图
      </Button>
    </Space>
  );
};
