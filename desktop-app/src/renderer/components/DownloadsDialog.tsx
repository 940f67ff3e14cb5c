import type { DownloadEntry } from '@flowdesk/shared/ipc';
import type { WorkspaceStore } from '@flowdesk/shared/workspace';
import { useFlowDesk } from '../state/use-flowdesk';
import { formatBytes, strings } from '../strings';
import { Dialog } from './Dialog';

/**
 * Files the service pages downloaded: progress while they run, then open or show in folder.
 * The list lives in the main process; this shows it and sends the user's actions.
 */
export function DownloadsDialog({
  store,
  onClose,
}: {
  store: WorkspaceStore;
  onClose: () => void;
}) {
  const { downloads, call, clearedFinishedDownloads, actionError } = useFlowDesk();
  const serviceNames = new Map(
    store.workspaces.flatMap((workspace) =>
      workspace.services.map((service) => [service.id, service.name]),
    ),
  );
  const anyFinished = downloads.some((download) => download.finishedAt !== undefined);
  return (
    <Dialog label={strings.downloads.title} onClose={onClose} className="downloads">
      <h2>{strings.downloads.title}</h2>
      {/* The app's alert area is behind this dialog: a failed action is explained here. */}
      {actionError ? (
        <p role="alert" className="notice error">
          {actionError}
        </p>
      ) : null}
      {downloads.length === 0 ? (
        <p className="empty">{strings.downloads.empty}</p>
      ) : (
        <ul className="download-list">
          {downloads.map((download) => (
            <DownloadRow
              key={download.id}
              download={download}
              serviceName={serviceNames.get(download.serviceId)}
            />
          ))}
        </ul>
      )}
      <label className="toggle">
        <input
          type="checkbox"
          checked={store.settings.downloads.askWhereToSave}
          onChange={(event) =>
            void call('settings:update', { downloads: { askWhereToSave: event.target.checked } })
          }
        />
        {strings.downloads.askWhereToSave}
      </label>
      <div className="actions">
        <button
          type="button"
          disabled={!anyFinished}
          onClick={() =>
            void call('downloads:clear', undefined).then((done) => {
              if (done !== undefined) clearedFinishedDownloads();
            })
          }
        >
          {strings.downloads.clear}
        </button>
        <button type="button" autoFocus onClick={onClose}>
          {strings.close}
        </button>
      </div>
    </Dialog>
  );
}

function DownloadRow({
  download,
  serviceName,
}: {
  download: DownloadEntry;
  serviceName: string | undefined;
}) {
  const { call } = useFlowDesk();
  const downloadId = download.id;
  const running = download.finishedAt === undefined;
  const total = download.totalBytes > 0 ? download.totalBytes : undefined;
  // 'interrupted' while not finished: the connection dropped, and Electron may resume it.
  const stateLabel =
    running && download.state === 'interrupted'
      ? strings.downloads.interruptedResumable
      : strings.downloads.states[download.state];
  const status = running
    ? `${stateLabel} · ${strings.downloads.progress(
        formatBytes(download.receivedBytes),
        total === undefined ? undefined : formatBytes(total),
      )}`
    : stateLabel;
  return (
    <li className={`download ${download.state}`}>
      <div className="download-name">
        <strong title={download.savePath ?? download.fileName}>{download.fileName}</strong>
        {serviceName ? <span className="hint"> {strings.downloads.from(serviceName)}</span> : null}
      </div>
      {running ? (
        <progress
          aria-label={strings.downloads.progressLabel(download.fileName)}
          max={total ?? 1}
          // Without a size the bar is indeterminate: no value attribute at all.
          {...(total === undefined ? {} : { value: download.receivedBytes })}
        />
      ) : null}
      <p className="download-status" aria-live="polite">
        {status}
      </p>
      <div
        className="download-actions"
        role="group"
        aria-label={strings.downloads.actions(download.fileName)}
      >
        {download.state === 'progressing' ? (
          <button type="button" onClick={() => void call('downloads:pause', { downloadId })}>
            {strings.downloads.pause}
          </button>
        ) : null}
        {running && download.state !== 'progressing' ? (
          <button type="button" onClick={() => void call('downloads:resume', { downloadId })}>
            {strings.downloads.resume}
          </button>
        ) : null}
        {running ? (
          <button type="button" onClick={() => void call('downloads:cancel', { downloadId })}>
            {strings.downloads.cancel}
          </button>
        ) : null}
        {download.state === 'completed' ? (
          <>
            <button type="button" onClick={() => void call('downloads:open', { downloadId })}>
              {strings.downloads.open}
            </button>
            <button
              type="button"
              onClick={() => void call('downloads:show-in-folder', { downloadId })}
            >
              {strings.downloads.showInFolder}
            </button>
          </>
        ) : null}
      </div>
    </li>
  );
}
