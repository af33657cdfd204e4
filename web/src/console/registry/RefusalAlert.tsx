import { Alert } from 'antd';
import type { Refusal } from './form-errors.ts';

/** The line above a form that says why a save was refused (a conflict is a warning, not an error). */
export const RefusalAlert = ({ refusal }: { refusal: Refusal | undefined }) =>
  refusal === undefined ? null : (
    <Alert
      role="alert"
      type={refusal.conflict ? 'warning' : 'error'}
      showIcon
      title={refusal.conflict ? '版本冲突' : '保存失败'}
      description={refusal.text}
      style={{ marginBottom: 12 }}
    />
  );
