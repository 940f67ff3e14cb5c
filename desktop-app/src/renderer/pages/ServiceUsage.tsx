import { useCallback, useEffect, useId, useState } from 'react';
import type { IpcResponse } from '@flowdesk/shared/ipc';
import { strings } from '../strings';
import { useFlowDesk } from '../state/use-flowdesk';

type Row = IpcResponse<'diagnostics:services'>[number];

const words = strings.pages.diagnostics;

/** A small line of a service's recent memory, scaled to its own peak. */
export function Sparkline({ values, label }: { values: readonly number[]; label: string }) {
  const width = 80;
  const height = 20;
  const peak = Math.max(1, ...values);
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  const points = values
    .map(
      (value, index) =>
        `${(index * step).toFixed(1)},${(height - (value / peak) * height).toFixed(1)}`,
    )
    .join(' ');
  return (
    <svg
      className="sparkline"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={label}
    >
      {values.length > 1 ? (
        <polyline points={points} fill="none" stroke="currentColor" strokeWidth="1.5" />
      ) : null}
    </svg>
  );
}

/**
 * Which service uses how much memory and CPU now (issue 8), the heaviest first, from the main
 * process's samples of each minute.
 */
export function ServiceUsage() {
  const { call, store, inform } = useFlowDesk();
  const id = useId();
  const [rows, setRows] = useState<Row[] | undefined>();
  const refresh = useCallback(() => {
    void call('diagnostics:services', undefined).then((answer) => setRows(answer ?? []));
  }, [call]);
  useEffect(refresh, [refresh]);

  const nameOf = (serviceId: string) => {
    for (const workspace of store?.workspaces ?? []) {
      const service = workspace.services.find((candidate) => candidate.id === serviceId);
      if (service) return { service: service.name, workspace: workspace.name };
    }
    return { service: strings.aServiceFallback, workspace: '' };
  };

  return (
    <section aria-labelledby={`${id}-title`} className="service-usage">
      <h3 id={`${id}-title`}>{words.usageTitle}</h3>
      <p className="hint">{words.usageHint}</p>
      <div className="actions start">
        <button type="button" onClick={refresh}>
          {words.refresh}
        </button>
        <button
          type="button"
          title={words.freeMemoryHint}
          onClick={() =>
            void call('diagnostics:free-memory', { idleMinutes: 5 }).then((answer) => {
              if (!answer) return;
              inform(words.freedMemory(answer.hibernated.length));
              refresh();
            })
          }
        >
          {words.freeMemory}
        </button>
      </div>
      {rows === undefined ? null : rows.length === 0 ? (
        <p className="empty">{words.usageEmpty}</p>
      ) : (
        <table>
          <caption className="sr-only">{words.usageTitle}</caption>
          <thead>
            <tr>
              <th scope="col">{words.service}</th>
              <th scope="col">{words.memory}</th>
              <th scope="col">{words.cpu}</th>
              <th scope="col">{words.peak}</th>
              <th scope="col">{words.loadTime}</th>
              <th scope="col">{words.requests}</th>
              <th scope="col">{words.trend}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const names = nameOf(row.serviceId);
              return (
                <tr key={row.serviceId}>
                  <th scope="row">
                    {names.service}
                    {names.workspace ? <span className="hint"> · {names.workspace}</span> : null}
                  </th>
                  <td>{words.megabytes(row.memoryMb)}</td>
                  <td>{words.percent(row.cpuPercent)}</td>
                  <td>{words.megabytes(row.peakMemoryMb)}</td>
                  <td>{row.loadTimeMs === undefined ? '—' : words.milliseconds(row.loadTimeMs)}</td>
                  <td>
                    {row.requestCount === undefined ? '—' : row.requestCount.toLocaleString('en')}
                  </td>
                  <td>
                    <Sparkline values={row.memoryHistory} label={words.trendLabel(names.service)} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

type Launch = IpcResponse<'diagnostics:startup'>[number];

const phaseText = (ms: number | undefined) => (ms === undefined ? '—' : words.milliseconds(ms));

/** How long the recent launches took to show the window, the UI and the first service. */
export function StartupTimes() {
  const { call } = useFlowDesk();
  const id = useId();
  const [launches, setLaunches] = useState<Launch[] | undefined>();
  useEffect(() => {
    void call('diagnostics:startup', undefined).then((answer) => setLaunches(answer ?? []));
  }, [call]);
  if (!launches?.length) return null;
  return (
    <section aria-labelledby={`${id}-title`} className="service-usage">
      <h3 id={`${id}-title`}>{words.startupTitle}</h3>
      <p className="hint">{words.startupHint}</p>
      <table>
        <caption className="sr-only">{words.startupTitle}</caption>
        <thead>
          <tr>
            <th scope="col">{words.launch}</th>
            <th scope="col">{words.windowShown}</th>
            <th scope="col">{words.uiInteractive}</th>
            <th scope="col">{words.firstServicePainted}</th>
          </tr>
        </thead>
        <tbody>
          {launches.map((launch, index) => (
            <tr key={`${launch.startedAt}-${index}`}>
              <th scope="row">
                {index === 0
                  ? words.thisLaunch
                  : new Date(launch.startedAt).toLocaleString(undefined, {
                      dateStyle: 'medium',
                      timeStyle: 'short',
                    })}
              </th>
              <td>{phaseText(launch.phases.windowShown)}</td>
              <td>{phaseText(launch.phases.uiInteractive)}</td>
              <td>{phaseText(launch.phases.firstServicePainted)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
