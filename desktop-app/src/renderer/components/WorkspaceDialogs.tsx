import { useId, useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { validateWorkspaceName } from '@flowdesk/shared/security';
import { DEFAULT_WORKSPACE_COLOR } from '@flowdesk/shared/workspace';
import type { Workspace } from '@flowdesk/shared/workspace';
import { strings } from '../strings';
import { useFlowDesk } from '../state/use-flowdesk';
import { Field } from './Field';
import { ConfirmDialog } from './ConfirmDialog';
import { Dialog } from './Dialog';

/** Up to four code points that are not blank: an emoji or one or two letters. */
function iconProblem(icon: string): string | undefined {
  if (icon === '') return undefined;
  return icon.trim() !== '' && [...icon].length <= 4
    ? undefined
    : 'Use one emoji or up to two letters.';
}

/** Creates a workspace, or renames / recolours / re-icons one (`workspace` given). */
export function WorkspaceDialog({
  workspace,
  onClose,
}: {
  workspace?: Workspace;
  onClose: () => void;
}) {
  const { call } = useFlowDesk();
  const id = useId();
  const [name, setName] = useState(workspace?.name ?? '');
  const [color, setColor] = useState(workspace?.color ?? DEFAULT_WORKSPACE_COLOR);
  const [icon, setIcon] = useState(workspace?.icon ?? '');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const checked = useMemo(() => validateWorkspaceName(name), [name]);
  const nameProblem = touched && !checked.valid ? checked.errors[0]?.message : undefined;
  const iconMessage = iconProblem(icon);
  const title = workspace ? strings.editWorkspace(workspace.name) : strings.newWorkspace;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!checked.valid || iconMessage || busy) return;
    setBusy(true);
    const saved = workspace
      ? await call('workspaces:update', {
          workspaceId: workspace.id,
          patch: { name, color, icon: icon === '' ? null : icon },
        })
      : await call('workspaces:create', { name, color, ...(icon ? { icon } : {}) });
    setBusy(false);
    if (saved) onClose();
  };

  return (
    <Dialog label={title} onClose={onClose} className="workspace-dialog">
      <h2>{title}</h2>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <Field id={`${id}-name`} label={strings.workspaceName} problem={nameProblem}>
          <input
            id={`${id}-name`}
            autoFocus
            placeholder={strings.workspaceNamePlaceholder}
            value={name}
            aria-invalid={nameProblem ? true : undefined}
            aria-describedby={`${id}-name-message`}
            onChange={(event) => {
              setName(event.target.value);
              setTouched(true);
            }}
          />
        </Field>
        <Field id={`${id}-icon`} label={strings.workspaceIcon} problem={iconMessage}>
          <input
            id={`${id}-icon`}
            value={icon}
            aria-invalid={iconMessage ? true : undefined}
            aria-describedby={`${id}-icon-message`}
            onChange={(event) => setIcon(event.target.value)}
          />
        </Field>
        <div className="field">
          <label htmlFor={`${id}-color`}>{strings.workspaceColor}</label>
          <input
            id={`${id}-color`}
            type="color"
            value={color}
            onChange={(event) => setColor(event.target.value)}
          />
        </div>
        <div className="actions">
          <button type="button" onClick={onClose}>
            {strings.cancel}
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {workspace ? strings.save : strings.createWorkspace}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** Names the workspace and every service that goes, and offers a backup first. */
export function DeleteWorkspaceDialog({
  workspace,
  onBackups,
  onClose,
}: {
  workspace: Workspace;
  onBackups: () => void;
  onClose: () => void;
}) {
  const { call } = useFlowDesk();
  const names = workspace.services.map((service) => service.name).join(', ');
  return (
    <ConfirmDialog
      title={strings.deleteWorkspaceTitle(workspace.name)}
      confirmLabel={strings.deleteWorkspaceConfirm(workspace.name)}
      onCancel={onClose}
      onConfirm={() => {
        onClose();
        void call('workspaces:remove', { workspaceId: workspace.id, clearData: true });
      }}
    >
      <p>{strings.deleteWorkspaceQuestion(workspace.name, workspace.services.length)}</p>
      {names ? <p>{strings.deleteWorkspaceServices(names)}</p> : null}
      <p>
        {strings.backupFirst}{' '}
        <button type="button" className="link" onClick={onBackups}>
          {strings.openBackups}
        </button>
      </p>
    </ConfirmDialog>
  );
}
