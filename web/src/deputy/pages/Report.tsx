import { Button, Form, Input, Selector, Switch, TextArea, Toast } from 'antd-mobile';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../shared/i18n.tsx';
import { useRouter } from '../../shared/router.tsx';
import type { CaseView } from '../api.ts';
import { DuplicatesSheet, distanceMeters } from '../components/Duplicates.tsx';
import { LocationField } from '../components/LocationField.tsx';
import { CASE_CATEGORIES, localTime } from '../components/labels.ts';
import { FilePicker, LocalThumb } from '../components/MediaPicker.tsx';
import { VoiceInput } from '../components/VoiceInput.tsx';
import { useApp } from '../context.tsx';
import { refusal } from '../lib/media-refusal.ts';
import { type Draft, type DraftMedia, getDraft, newId, saveDraft } from '../offline/db.ts';
import { prepareMedia } from '../offline/photo.ts';

const OPEN_STATES = new Set([
  'submitted',
  'accepted',
  'dispatched',
  'inProgress',
  'rectified',
  'awaitingVerification',
  'reopened',
  'suspended',
]);
const DUPLICATE_RADIUS_M = 100;

/** One report, saved to IndexedDB on every change; sending queues it in the outbox. */
const Report = ({ draftId }: { draftId: string }) => {
  const { t, label, lang } = useI18n();
  const { navigate } = useRouter();
  const { api, outbox } = useApp();
  const [draft, setDraft] = useState<Draft | undefined>();
  const [duplicates, setDuplicates] = useState<{ item: CaseView; distance: number }[]>([]);
  const [checking, setChecking] = useState(false);
  const latest = useRef<Draft | undefined>(undefined);
  const [form] = Form.useForm();

  useEffect(() => {
    void getDraft(draftId).then((found) => {
      latest.current = found;
      setDraft(found);
    });
  }, [draftId]);

  const update = (changes: Partial<Draft>) => {
    if (latest.current === undefined) return;
    const next = { ...latest.current, ...changes, status: 'editing' as const, error: undefined };
    latest.current = next;
    setDraft(next);
    void saveDraft(next);
  };

  if (draft === undefined) return <p className="qs-center">{t('loading')}</p>;
  const editable = draft.status === 'editing' || draft.status === 'failed';
  const exif = draft.media.find((m) => m.exifLocation !== undefined)?.exifLocation;

  /** A photo's EXIF position becomes the draft's location when it has none yet. */
  const addMedia = (media: DraftMedia) => {
    const current = latest.current;
    if (current === undefined) return;
    const location =
      current.location ??
      (media.exifLocation ? { ...media.exifLocation, source: 'exif' as const } : undefined);
    update({ media: [...current.media, media], ...(location === undefined ? {} : { location }) });
  };

  const addFiles = async (files: FileList | null) => {
    for (const file of Array.from(files ?? [])) {
      const refused = refusal(file);
      if (refused === undefined) addMedia({ id: newId(), ...(await prepareMedia(file)) });
      else Toast.show({ content: t(`report.refused.${refused}`, { name: file.name }) });
    }
  };

  const complete =
    draft.categoryId !== undefined && draft.title.trim() !== '' && draft.description.trim() !== '';

  const queue = async (current: Draft) => {
    await outbox.queue(current);
    Toast.show({ content: t('report.queued') });
    navigate('');
  };

  const send = async () => {
    if (!complete) {
      Toast.show({ content: t('report.missing') });
      return;
    }
    const location = draft.location;
    if (!navigator.onLine || location === undefined) return queue(draft);
    setChecking(true);
    const nearby = await api
      .listCases({
        near: `${location.latitude},${location.longitude}`,
        radius: DUPLICATE_RADIUS_M,
        ...(draft.categoryId === undefined ? {} : { category: draft.categoryId }),
        limit: 10,
      })
      .catch(() => undefined);
    setChecking(false);
    const candidates = (nearby?.items ?? [])
      .filter((item) => OPEN_STATES.has(item.state) && item.location !== undefined)
      .map((item) => ({ item, distance: distanceMeters(location, item.location ?? location) }))
      .sort((a, b) => a.distance - b.distance);
    if (candidates.length === 0) return queue(draft);
    setDuplicates(candidates);
  };

  const followInstead = async (caseId: string) => {
    setDuplicates([]);
    await outbox.queue({ ...draft, kind: 'comment', targetCaseId: caseId });
    Toast.show({ content: t('dup.followed') });
    navigate(`cases/${caseId}`);
  };

  return (
    <div className="qs-page">
      <div className="qs-row">
        <Button size="small" fill="none" onClick={() => navigate('')}>
          ‹ {t('back')}
        </Button>
        <h1 style={{ margin: 0 }}>{t('report.title')}</h1>
      </div>
      <section className="qs-card" aria-labelledby="media-title">
        <h2 id="media-title" style={{ marginTop: 0 }}>
          {t('report.media')}
        </h2>
        <div className="qs-thumbs">
          {draft.media.map((media, index) => (
            <LocalThumb
              key={media.id}
              media={media}
              label={`${t('report.media')} ${index + 1}`}
              removeLabel={t('report.removeMedia')}
              onRemove={
                editable ? () => update({ media: draft.media.filter((m) => m.id !== media.id) }) : undefined
              }
              takenAt={
                media.takenAt === undefined
                  ? undefined
                  : t('report.takenAt', { time: localTime(media.takenAt, lang) })
              }
              hasGps={media.exifLocation !== undefined ? t('report.exifGps') : undefined}
            />
          ))}
        </div>
        {editable && (
          <div className="qs-actions">
            <FilePicker label={t('report.camera')} capture onFiles={addFiles} />
            <FilePicker label={t('report.gallery')} onFiles={addFiles} />
          </div>
        )}
      </section>
      <Form
        form={form}
        name="report"
        layout="vertical"
        disabled={!editable}
        initialValues={{
          categoryId: draft.categoryId === undefined ? [] : [draft.categoryId],
          title: draft.title,
          description: draft.description,
          isPublic: draft.isPublic,
        }}
        onValuesChange={(changed: Record<string, unknown>) => {
          if ('categoryId' in changed)
            update({ categoryId: (changed.categoryId as Draft['categoryId'][])[0] });
          if ('title' in changed) update({ title: String(changed.title ?? '') });
          if ('description' in changed) update({ description: String(changed.description ?? '') });
          if ('isPublic' in changed) update({ isPublic: changed.isPublic === true });
        }}
      >
        <Form.Item name="categoryId" label={t('report.category')} required>
          <Selector
            columns={3}
            options={CASE_CATEGORIES.map((c) => ({
              value: c.id,
              label: lang === 'zh' ? c.labelZh : c.labelEn,
            }))}
          />
        </Form.Item>
        <Form.Item name="title" label={t('report.titleField')} required>
          <Input placeholder={t('report.titlePlaceholder')} maxLength={200} clearable />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('report.description')}
          required
          extra={
            <VoiceInput
              onText={(text) => {
                const description = `${form.getFieldValue('description') ?? ''}${text}`;
                form.setFieldValue('description', description);
                update({ description });
              }}
            />
          }
        >
          <TextArea
            placeholder={t('report.descriptionPlaceholder')}
            maxLength={5000}
            rows={4}
            autoSize={{ minRows: 3, maxRows: 8 }}
          />
        </Form.Item>
        <Form.Item name="isPublic" label={t('report.public')} valuePropName="checked">
          <Switch aria-label={t('report.public')} />
        </Form.Item>
      </Form>
      <section className="qs-card" aria-labelledby="location-title">
        <h2 id="location-title" style={{ marginTop: 0 }}>
          {t('report.location')}
        </h2>
        <LocationField
          value={draft.location}
          exif={exif}
          onChange={(location) => editable && update({ location })}
        />
      </section>
      {editable && (
        <div className="qs-actions">
          <Button
            size="large"
            onClick={() => {
              Toast.show({ content: t('report.saved') });
              navigate('');
            }}
          >
            {t('report.save')}
          </Button>
          <Button
            size="large"
            color="primary"
            loading={checking}
            loadingText={t('report.checking')}
            onClick={() => void send()}
          >
            {t('report.send')}
          </Button>
        </div>
      )}
      {!editable && (
        <p className="qs-meta">
          {label({ zh: '此草稿已在发送队列中。', en: 'This draft is in the outbox.' })}
        </p>
      )}
      <DuplicatesSheet
        visible={duplicates.length > 0}
        candidates={duplicates}
        onFollow={(id) => void followInstead(id)}
        onSendAnyway={() => {
          setDuplicates([]);
          void queue(draft);
        }}
        onClose={() => setDuplicates([])}
      />
    </div>
  );
};

export default Report;
