import type { PermissionQuestion } from '../state/use-flowdesk';
import { strings } from '../strings';

/** "Slack wants to use your camera": allow once, always allow (remembered) or deny (remembered). */
export function PermissionPrompt({
  question,
  serviceName,
  onAnswer,
}: {
  question: PermissionQuestion;
  serviceName: string;
  onAnswer: (decision: 'granted' | 'denied', remember: boolean) => void;
}) {
  return (
    <div role="alertdialog" aria-label={strings.permissionRequest} className="notice prompt">
      <p>
        {strings.permissionQuestion(
          serviceName,
          question.origin,
          strings.permissionWords[question.permission] ?? question.permission,
        )}
      </p>
      <div className="actions">
        <button type="button" onClick={() => onAnswer('denied', true)}>
          {strings.deny}
        </button>
        <button type="button" onClick={() => onAnswer('granted', false)}>
          {strings.allowOnce}
        </button>
        <button type="button" className="primary" onClick={() => onAnswer('granted', true)}>
          {strings.alwaysAllow}
        </button>
      </div>
    </div>
  );
}
