import { Button } from 'antd-mobile';
import { useEffect, useState } from 'react';
import type { DraftMedia } from '../offline/db.ts';

/** A big button around a hidden file input: camera capture or the gallery. */
export const FilePicker = ({
  label,
  capture,
  onFiles,
}: {
  label: string;
  capture?: boolean;
  onFiles: (files: FileList | null) => void;
}) => (
  <label className="adm-button adm-button-default adm-button-fill-outline adm-button-shape-default qs-file">
    <input
      type="file"
      accept="image/*,video/*"
      multiple={!capture}
      {...(capture ? { capture: 'environment' } : {})}
      onChange={(e) => {
        onFiles(e.target.files);
        e.target.value = '';
      }}
    />
    <span>{label}</span>
  </label>
);

export const LocalThumb = (props: {
  media: DraftMedia;
  label: string;
  removeLabel: string;
  onRemove: (() => void) | undefined;
  takenAt: string | undefined;
  hasGps: string | undefined;
}) => {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    const objectUrl = URL.createObjectURL(props.media.blob);
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [props.media.blob]);
  const video = props.media.contentType.startsWith('video/');
  return (
    <figure style={{ margin: 0, width: 96 }}>
      {video ? (
        // biome-ignore lint/a11y/useMediaCaption: a deputy's own recording, shown back to them
        <video src={url} aria-label={props.label} />
      ) : (
        <img src={url} alt={props.label} />
      )}
      <figcaption className="qs-meta" style={{ fontSize: 12 }}>
        {props.takenAt}
        {props.hasGps && <div>{props.hasGps}</div>}
        {props.onRemove && (
          <Button
            size="mini"
            fill="none"
            onClick={props.onRemove}
            aria-label={`${props.removeLabel} ${props.label}`}
          >
            {props.removeLabel}
          </Button>
        )}
      </figcaption>
    </figure>
  );
};
