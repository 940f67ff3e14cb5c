import { apiError, errorResponse } from '../../../src/http/api-error';

/**
 * Any /api/ address no route serves answers in the API's own error shape, not with the site's
 * HTML "not found" page: the desktop and mobile apps read the code.
 */
export const dynamic = 'force-dynamic';

function notFound(): Response {
  return errorResponse(
    apiError(
      404,
      'NOT_FOUND',
      'Flow Desk’s API has no such address. If the app shows this, update Flow Desk.',
    ),
  );
}

export {
  notFound as GET,
  notFound as POST,
  notFound as PUT,
  notFound as PATCH,
  notFound as DELETE,
  notFound as HEAD,
  notFound as OPTIONS,
};
