import { FlowDeskError, err, ok } from '@flowdesk/shared/core';
import type { Result } from '@flowdesk/shared/core';
import { screenShareSourceSchema } from '@flowdesk/shared/ipc';
import type { IpcEvent, IpcRequest, ScreenShareSource } from '@flowdesk/shared/ipc';

/**
 * Screen sharing (getDisplayMedia): the user picks a screen or a window in the app UI, or says
 * no. Only a source that was offered can be chosen; a question left unanswered is a "no"; sound
 * is shared only when the page asked for it, the system supports it and the user ticked it.
 */

export interface ScreenShareRequest {
  workspaceId: string;
  serviceId: string;
  origin: string;
  audioRequested: boolean;
  sources: ScreenShareSource[];
}

export interface ScreenShareChoice {
  sourceId: string;
  name: string;
  audio: boolean;
}

export interface ScreenSharePickerDependencies {
  send: (event: IpcEvent<'screen-share:requested'>) => void;
  ended: (event: IpcEvent<'screen-share:ended'>) => void;
  /** Whether this system can share its sound (Electron supports it on Windows). */
  audioSupported: boolean;
  newId: () => string;
  timeoutMs?: number;
  setTimer?: (task: () => void, ms: number) => () => void;
}

interface Pending {
  request: ScreenShareRequest;
  resolve: (choice: ScreenShareChoice | undefined) => void;
  cancelTimer: () => void;
}

export class ScreenSharePicker {
  private readonly pending = new Map<string, Pending>();
  private readonly setTimer: (task: () => void, ms: number) => () => void;

  constructor(private readonly deps: ScreenSharePickerDependencies) {
    this.setTimer =
      deps.setTimer ??
      ((task, ms) => {
        const timer = setTimeout(task, ms);
        return () => clearTimeout(timer);
      });
  }

  /** Resolves with the chosen source, or undefined when the user refused or did not answer. */
  ask(asked: ScreenShareRequest): Promise<ScreenShareChoice | undefined> {
    // A source the contract would refuse (an odd id, an oversized picture) is left out, so one
    // bad window cannot keep the picker from opening.
    const request = {
      ...asked,
      sources: asked.sources.filter((source) => screenShareSourceSchema.safeParse(source).success),
    };
    if (request.sources.length === 0) return Promise.resolve(undefined);
    // One picker per service: a page asking again replaces its earlier question.
    for (const [requestId, existing] of this.pending) {
      if (existing.request.serviceId === request.serviceId) this.settle(requestId, undefined);
    }
    const requestId = this.deps.newId();
    return new Promise((resolve) => {
      const cancelTimer = this.setTimer(
        () => this.settle(requestId, undefined),
        this.deps.timeoutMs ?? 120_000,
      );
      this.pending.set(requestId, { request, resolve, cancelTimer });
      this.deps.send({
        requestId,
        workspaceId: request.workspaceId,
        serviceId: request.serviceId,
        origin: request.origin.slice(0, 2048),
        audioAvailable: request.audioRequested && this.deps.audioSupported,
        sources: request.sources,
      });
    });
  }

  choose({ requestId, sourceId, shareAudio }: IpcRequest<'screen-share:choose'>): Result<null> {
    const pending = this.pending.get(requestId);
    if (!pending) {
      return err(
        new FlowDeskError(
          'SCREEN_SHARE_REQUEST_UNKNOWN',
          'This screen-sharing request has ended. Start sharing again from the service.',
        ),
      );
    }
    if (sourceId === null) {
      this.settle(requestId, undefined);
      return ok(null);
    }
    const source = pending.request.sources.find((candidate) => candidate.id === sourceId);
    if (!source) {
      return err(
        new FlowDeskError(
          'SCREEN_SHARE_SOURCE_UNKNOWN',
          'That screen or window is not in the list any more. Pick another one.',
        ),
      );
    }
    this.settle(requestId, {
      sourceId: source.id,
      name: source.name,
      audio: shareAudio && pending.request.audioRequested && this.deps.audioSupported,
    });
    return ok(null);
  }

  /** Refuses every open question (of one service, when given): it was removed, or the app quits. */
  refuseAll(serviceId?: string): void {
    for (const [requestId, pending] of this.pending) {
      if (serviceId === undefined || pending.request.serviceId === serviceId) {
        this.settle(requestId, undefined);
      }
    }
  }

  private settle(requestId: string, choice: ScreenShareChoice | undefined): void {
    const pending = this.pending.get(requestId);
    if (!pending) return;
    this.pending.delete(requestId);
    pending.cancelTimer();
    pending.resolve(choice);
    this.deps.ended({ requestId });
  }
}
