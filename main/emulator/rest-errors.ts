// Error codes the emulator can answer with, and the HTTP status and text the
// real portal pairs with each (https://apidocs.bitrix24.com/error-codes.html). Unknown codes get 400, which is what
// Bitrix24 uses for method-level errors.

export interface RestError {
  code: string;
  status: number;
  description: string;
}

const KNOWN: Record<string, { status: number; description: string }> = {
  ACCESS_ERROR: { status: 400, description: 'You do not have access to the specified dialog' },
  IM_NOT_INSTALLED: { status: 400, description: 'Messenger is not installed.' },
  OPERATION_TIME_LIMIT: { status: 429, description: 'Method is blocked due to operation time limit.' },
  QUERY_LIMIT_EXCEEDED: { status: 503, description: 'Too many requests' },
  OVERLOAD_LIMIT: { status: 503, description: 'REST API is blocked due to overload' },
  INTERNAL_SERVER_ERROR: { status: 500, description: 'Internal server error' },
  ERROR_UNEXPECTED_ANSWER: { status: 500, description: 'Server returned an unexpected response' },
  PORTAL_DELETED: { status: 500, description: 'Portal was deleted' },
  ERROR_BATCH_METHOD_NOT_ALLOWED: { status: 405, description: 'Method is not allowed for batch usage' },
  ERROR_BATCH_LENGTH_EXCEEDED: { status: 400, description: 'Max batch length exceeded' },
  ERROR_METHOD_NOT_FOUND: { status: 404, description: 'Method not found!' },
  ERROR_MANIFEST_IS_NOT_AVAILABLE: { status: 404, description: 'Manifest is not available' },
  NO_AUTH_FOUND: { status: 401, description: 'Wrong authorization data' },
  INVALID_REQUEST: { status: 400, description: 'Https required' },
  ACCESS_DENIED: { status: 403, description: 'REST API is available only on commercial plans' },
  INVALID_CREDENTIALS: { status: 403, description: 'Invalid request credentials' },
  WRONG_AUTH_TYPE: { status: 403, description: 'Current authorization type is denied for this method' },
  insufficient_scope: {
    status: 403,
    description: 'The request requires higher privileges than provided by the webhook token',
  },
  // The docs' table drops the final period; the portal's own answers carry it.
  expired_token: { status: 401, description: 'The access token provided has expired.' },
  invalid_token: { status: 401, description: 'The access token provided is invalid.' },
  user_access_error: { status: 403, description: 'The user does not have access to the application' },
};

export function restError(code: string, status?: number, description?: string): RestError {
  const known = Object.hasOwn(KNOWN, code) ? KNOWN[code] : undefined;
  return {
    code,
    status: status ?? known?.status ?? 400,
    description: description ?? known?.description ?? code,
  };
}

export function errorBody(error: RestError): { error: string; error_description: string } {
  return { error: error.code, error_description: error.description };
}
