import { FlowDeskError, toFlowDeskError } from '@flowdesk/shared/core';

/**
 * Errors of the license API: a FlowDeskError (stable code, actionable message) with the HTTP
 * status it answers with. Anything else thrown becomes a 500 whose message says nothing inside.
 */
export function apiError(
  status: number,
  code: string,
  message: string,
  details: Record<string, unknown> = {},
): FlowDeskError {
  return new FlowDeskError(code, message, { details: { ...details, status } });
}

export function statusOf(error: FlowDeskError): number {
  const status = error.details.status;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : 500;
}

/** The one error shape of the API: {"error": {"code", "message"}}. */
export function errorResponse(thrown: unknown, headers: HeadersInit = {}): Response {
  const error = toFlowDeskError(
    thrown,
    'SERVER_ERROR',
    'The license server could not answer. Try again in a minute.',
  );
  return Response.json(
    { error: { code: error.code, message: error.message } },
    { status: statusOf(error), headers: { 'Cache-Control': 'no-store', ...headers } },
  );
}
