import { strings } from '../strings';
import { Dialog } from './Dialog';

/** Every keyboard shortcut, in one sheet (Ctrl/Cmd+/). */
export function HelpSheet({ onClose }: { onClose: () => void }) {
  return (
    <Dialog label={strings.helpSheet} onClose={onClose} className="help-sheet">
      <h2>{strings.helpSheet}</h2>
      <table>
        <tbody>
          {strings.shortcuts.map(([keys, what]) => (
            <tr key={keys}>
              <th scope="row">
                <kbd>{keys}</kbd>
              </th>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="actions">
        <button type="button" autoFocus onClick={onClose}>
          {strings.close}
        </button>
      </div>
    </Dialog>
  );
}
