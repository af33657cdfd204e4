import { Button, Checkbox, Form, Input, Selector, TextArea, Toast } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { SUGGESTION_CATEGORIES } from '../../../../shared/domain/suggestions/suggestion-vocabulary.ts';
import { useI18n } from '../../shared/i18n.tsx';
import { useRouter } from '../../shared/router.tsx';
import type { Deputy } from '../api.ts';
import { suggestionCategoryLabel } from '../components/labels.ts';
import { useApp } from '../context.tsx';
import { newId } from '../offline/db.ts';

interface Values {
  title?: string;
  body?: string;
  category?: string[];
  coSignerIds?: string[];
}

/** File a suggestion with co-signers picked from the deputy directory. */
const SuggestionNew = () => {
  const { t, label } = useI18n();
  const { navigate } = useRouter();
  const { api, session } = useApp();
  const [deputies, setDeputies] = useState<Deputy[]>([]);
  const [busy, setBusy] = useState(false);
  // One key per form: pressing submit again after a lost answer never files it twice.
  const [idempotencyKey] = useState(newId);
  useEffect(() => {
    void api.listDeputies().then(
      (list) => setDeputies(list.items.filter((d) => d.id !== session?.userId)),
      () => undefined,
    );
  }, [api, session?.userId]);
  const submit = async (values: Values) => {
    if (!navigator.onLine) {
      Toast.show({ content: t('sug.offline') });
      return;
    }
    setBusy(true);
    try {
      const created = await api.submitSuggestion(
        {
          title: values.title ?? '',
          body: values.body ?? '',
          category: (values.category?.[0] ?? 'other') as (typeof SUGGESTION_CATEGORIES)[number],
          attachments: [],
          coSignerIds: values.coSignerIds ?? [],
        },
        idempotencyKey,
      );
      Toast.show({ content: t('sug.submitted') });
      navigate(`suggestions/${created.id}`, { replace: true });
    } catch (error) {
      Toast.show({ content: (error as Error).message });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="qs-page">
      <Button size="small" fill="none" onClick={() => navigate('suggestions')}>
        ‹ {t('back')}
      </Button>
      <h1>{t('sug.new')}</h1>
      <Form
        name="suggestion"
        layout="vertical"
        onFinish={(values: Values) => void submit(values)}
        footer={
          <Button block type="submit" color="primary" size="large" loading={busy}>
            {t('sug.submit')}
          </Button>
        }
      >
        <Form.Item name="title" label={t('sug.title')} rules={[{ required: true }]}>
          <Input maxLength={200} clearable />
        </Form.Item>
        <Form.Item name="category" label={t('sug.category')} rules={[{ required: true }]}>
          <Selector
            columns={2}
            options={SUGGESTION_CATEGORIES.map((c) => ({
              value: c,
              label: label(suggestionCategoryLabel(c)),
            }))}
          />
        </Form.Item>
        <Form.Item name="body" label={t('sug.body')} rules={[{ required: true }]}>
          <TextArea rows={6} maxLength={20000} autoSize={{ minRows: 5, maxRows: 12 }} />
        </Form.Item>
        <Form.Item name="coSignerIds" label={t('sug.coSigners')}>
          {deputies.length === 0 ? (
            <span className="qs-meta">{t('sug.noCoSigners')}</span>
          ) : (
            <Checkbox.Group>
              <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
                {deputies.map((deputy) => (
                  <Checkbox key={deputy.id} value={deputy.id} style={{ minHeight: 32 }}>
                    {deputy.name}
                    {deputy.delegation ? `（${deputy.delegation}）` : ''}
                  </Checkbox>
                ))}
              </div>
            </Checkbox.Group>
          )}
        </Form.Item>
      </Form>
    </div>
  );
};

export default SuggestionNew;
