import { useId, useState } from 'react';
import type { ScreenShareSource } from '@flowdesk/shared/ipc';
import type { ScreenShareQuestion } from '../state/use-flowdesk';
import { useFlowDesk } from '../state/use-flowdesk';
import { strings } from '../strings';
import { Dialog } from './Dialog';

/**
 * The screen-share picker: screens and windows with a picture of each, as radio buttons (arrow
 * keys move between them). Closing it, Escape or "Don't share" refuses.
 */
export function ScreenSharePicker({
  question,
  serviceName,
}: {
  question: ScreenShareQuestion;
  serviceName: string;
}) {
  const { call } = useFlowDesk();
  const id = useId();
  const words = strings.screenShare;
  const [chosen, setChosen] = useState<string | undefined>();
  const [audio, setAudio] = useState(false);
  const answer = (sourceId: string | null) =>
    void call('screen-share:choose', {
      requestId: question.requestId,
      sourceId,
      shareAudio: sourceId !== null && audio,
    });
  const screens = question.sources.filter((source) => source.kind === 'screen');
  const windows = question.sources.filter((source) => source.kind === 'window');
  const chosenName = question.sources.find((source) => source.id === chosen)?.name;

  return (
    <Dialog
      label={words.title(serviceName)}
      onClose={() => answer(null)}
      className="screen-share"
      role="alertdialog"
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (chosen) answer(chosen);
        }}
      >
        <h2>{words.title(serviceName)}</h2>
        <p className="hint">{words.origin(question.origin)}</p>
        <SourceGroup
          legend={words.screens}
          name={`${id}-source`}
          sources={screens}
          chosen={chosen}
          onChoose={setChosen}
        />
        <SourceGroup
          legend={words.windows}
          name={`${id}-source`}
          sources={windows}
          chosen={chosen}
          onChoose={setChosen}
          empty={words.noWindows}
        />
        {question.audioAvailable ? (
          <label className="toggle">
            <input
              type="checkbox"
              checked={audio}
              onChange={(event) => setAudio(event.target.checked)}
            />
            {words.audio}
          </label>
        ) : null}
        <p className="visually-hidden" aria-live="polite">
          {chosenName ? words.chosen(chosenName) : ''}
        </p>
        <div className="actions">
          <button type="button" onClick={() => answer(null)}>
            {words.cancel}
          </button>
          <button type="submit" className="primary" disabled={chosen === undefined}>
            {words.share}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function SourceGroup({
  legend,
  name,
  sources,
  chosen,
  onChoose,
  empty,
}: {
  legend: string;
  name: string;
  sources: ScreenShareSource[];
  chosen: string | undefined;
  onChoose: (sourceId: string) => void;
  empty?: string;
}) {
  if (sources.length === 0 && empty === undefined) return null;
  return (
    <fieldset className="share-sources">
      <legend>{legend}</legend>
      {sources.length === 0 ? <p className="empty">{empty}</p> : null}
      <div className="share-grid">
        {sources.map((source) => (
          <label
            key={source.id}
            className={source.id === chosen ? 'share-source chosen' : 'share-source'}
          >
            <input
              type="radio"
              name={name}
              value={source.id}
              checked={source.id === chosen}
              onChange={() => onChoose(source.id)}
            />
            {source.thumbnail ? (
              <img src={source.thumbnail} alt="" width={160} height={90} />
            ) : (
              <span className="no-picture" aria-hidden="true">
                {strings.screenShare.noPicture}
              </span>
            )}
            <span className="share-name">
              {source.appIcon ? <img src={source.appIcon} alt="" width={16} height={16} /> : null}
              {source.name}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
