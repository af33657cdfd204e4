import type { PreferenceValues, QuietField, QuietProblem } from './preferences-form.ts';
import { Toggle } from './Toggle.tsx';
import { useWords } from './words.ts';

/**
 * Quiet hours: on or off, and two local times. Each time field shows its own error under it, tied to
 * it (`aria-describedby`, `aria-invalid`), from the phone's check or the API's answer.
 */
export const QuietHours = ({
  values,
  problems,
  serverErrors,
  onChange,
  onBlur,
}: {
  values: PreferenceValues;
  problems: Partial<Record<QuietField, QuietProblem>>;
  serverErrors: Partial<Record<QuietField | 'form', string>>;
  onChange: (next: Partial<PreferenceValues>) => void;
  onBlur: () => void;
}) => {
  const w = useWords();
  const field = (name: QuietField) => {
    const id = `quiet-${name}`;
    const problem = problems[name];
    const error = problem === undefined ? serverErrors[name] : w(problem);
    return (
      <div className="qs-field">
        <label htmlFor={id}>{w(name === 'start' ? 'settings.quietStart' : 'settings.quietEnd')}</label>
        <input
          id={id}
          className="qs-input"
          type="time"
          value={values[name]}
          required
          aria-invalid={error !== undefined}
          aria-describedby={error === undefined ? undefined : `${id}-error`}
          onChange={(event) => onChange({ [name]: event.target.value })}
          onBlur={onBlur}
        />
        {error !== undefined && (
          <span id={`${id}-error`} className="qs-error" role="alert">
            {error}
          </span>
        )}
      </div>
    );
  };
  return (
    <section className="qs-card">
      <Toggle
        id="quiet-on"
        label={w('settings.quietOn')}
        checked={values.quietOn}
        onChange={(on) => onChange({ quietOn: on })}
        hint={w('settings.quietHint')}
      />
      {values.quietOn && (
        <div className="qs-row" style={{ alignItems: 'flex-start', paddingTop: 8 }}>
          {field('start')}
          {field('end')}
        </div>
      )}
    </section>
  );
};
