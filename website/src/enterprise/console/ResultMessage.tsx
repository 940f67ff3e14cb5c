/** What an admin action came to: a success said quietly, a failure as an alert. */
export interface ResultText {
  ok: boolean;
  text: string;
}

export function ResultMessage({ message }: { message: ResultText | null }) {
  if (!message) return null;
  return (
    <span
      role={message.ok ? 'status' : 'alert'}
      className={`block ${message.ok ? 'text-green-800 dark:text-green-400' : 'text-red-700 dark:text-red-400'}`}
    >
      {message.text}
    </span>
  );
}
