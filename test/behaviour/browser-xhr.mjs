// A browser's XMLHttpRequest, FormData, Blob and File for a program run by Node: jsdom's, whose XHR
// sends real HTTP(S) through undici, so the request reaches the TikTok mock by the same DNS preload
// and CA as every other client in the behaviour tests (NODE_OPTIONS / NODE_EXTRA_CA_CERTS).
//
// One thing is not a browser's: CORS. The page is served from APP_ORIGIN, so every TikTok URL is
// cross-origin and jsdom, like a browser, would send an OPTIONS preflight (PUT, Authorization,
// Content-Range, an upload listener) and then refuse any response without Access-Control-Allow-Origin.
// The mock models TikTok's API, not its CORS policy (the contract says nothing of one), so the
// interceptor below plays a browser with web security off (Chromium's --disable-web-security): it
// answers preflights itself, without the network, and marks real responses as allowed. Everything
// else, the XHR state machine, multipart encoding of FormData, Blob slices, headers, the TLS
// connection and the bytes on the wire, is jsdom's and undici's own code.
import { JSDOM, requestInterceptor } from 'jsdom';

export const APP_ORIGIN = 'https://app.example.com';

/** Requests seen by the CORS stand-in: `preflights` answered locally, `requests` sent to the network. */
export const corsLog = { preflights: [], requests: [] };

const hasHeader = (headers, name) => headers != null && Object.keys(headers).some((key) => key.toLowerCase() === name);

const answerPreflight = requestInterceptor(async (request) => {
  corsLog.preflights.push(`${request.headers.get('access-control-request-method')} ${request.url}`);
  return new Response(null, {
    status: 204,
    headers: {
      'Access-Control-Allow-Origin': request.headers.get('origin') ?? '*',
      'Access-Control-Allow-Methods': request.headers.get('access-control-request-method') ?? 'GET',
      'Access-Control-Allow-Headers': request.headers.get('access-control-request-headers') ?? '',
    },
  });
});

/** Undici interceptor: preflights answered here; every other request goes out, its answer CORS-allowed. */
const webSecurityOff = (dispatch) => {
  const preflight = answerPreflight(dispatch);
  return (options, handler) => {
    if (options.method === 'OPTIONS' && hasHeader(options.headers, 'access-control-request-method')) {
      return preflight(options, handler);
    }
    corsLog.requests.push(`${options.method} ${options.opaque?.url ?? options.origin + options.path}`);
    return dispatch(options, {
      onRequestStart: (...args) => handler.onRequestStart?.(...args),
      onRequestUpgrade: (...args) => handler.onRequestUpgrade?.(...args),
      onResponseStart: (controller, status, headers, statusText) =>
        handler.onResponseStart?.(
          controller,
          status,
          { ...headers, 'access-control-allow-origin': APP_ORIGIN, 'access-control-expose-headers': '*' },
          statusText,
        ),
      onResponseData: (...args) => handler.onResponseData?.(...args),
      onResponseEnd: (...args) => handler.onResponseEnd?.(...args),
      onResponseError: (...args) => handler.onResponseError?.(...args),
    });
  };
};

/**
 * A jsdom window at APP_ORIGIN whose XMLHttpRequest, FormData, Blob, File and ProgressEvent become
 * the program's globals (jsdom's FormData only takes jsdom's own Blobs, so they go together).
 */
export function installBrowserGlobals() {
  const dom = new JSDOM('<!doctype html><html><body></body></html>', {
    url: `${APP_ORIGIN}/`,
    resources: { interceptors: [webSecurityOff] },
  });
  const { window } = dom;
  for (const name of ['XMLHttpRequest', 'FormData', 'Blob', 'File', 'ProgressEvent']) {
    Object.defineProperty(globalThis, name, { value: window[name], configurable: true, writable: true });
  }
  return window;
}
