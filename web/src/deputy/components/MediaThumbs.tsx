import { ImageViewer } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useApp } from '../context.tsx';

/** Photos and videos by media id, through their short-lived links (the public copy: no location). */
export const MediaThumbs = ({ ids, label }: { ids: readonly string[]; label: string }) => {
  const { api } = useApp();
  const [links, setLinks] = useState<{ id: string; url: string; video: boolean }[]>([]);
  const key = ids.join(',');
  useEffect(() => {
    let live = true;
    void Promise.all(
      key
        .split(',')
        .filter(Boolean)
        .map(async (id) => {
          const media = await api.getMedia(id).catch(() => undefined);
          const url = media?.download?.url;
          return url === undefined
            ? undefined
            : { id, url, video: (media?.contentType ?? '').startsWith('video/') };
        }),
    ).then((found) => {
      if (live) setLinks(found.filter((link) => link !== undefined));
    });
    return () => {
      live = false;
    };
  }, [api, key]);
  if (ids.length === 0) return null;
  const images = links.filter((link) => !link.video);
  return (
    <div className="qs-thumbs">
      {links.map((link, index) =>
        link.video ? (
          // biome-ignore lint/a11y/useMediaCaption: deputies' own field recordings carry no captions
          <video
            key={link.id}
            src={link.url}
            controls
            preload="metadata"
            aria-label={`${label} ${index + 1}`}
          />
        ) : (
          <button
            key={link.id}
            type="button"
            className="qs-thumb-button"
            aria-label={`${label} ${index + 1}`}
            onClick={() =>
              ImageViewer.Multi.show({ images: images.map((i) => i.url), defaultIndex: images.indexOf(link) })
            }
          >
            <img src={link.url} alt="" />
          </button>
        ),
      )}
    </div>
  );
};
