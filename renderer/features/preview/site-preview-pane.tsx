import { useEffect, useRef, useState } from 'react';
import type { PostdeskApi } from '../../../shared/api';
import type { SitePreviewState } from '../../../shared/api-site-preview';

/** How long typing must pause before the Site preview asks the generator for the page again. */
export const sitePreviewDelayMs = 400;

/**
 * The Site preview: the post's page as the site's generator serves it (a loopback dev server),
 * shown in a frame that may run no scripts. The editor's text (saved or not) is sent after each
 * pause; the frame reloads when the server has rebuilt. Shows the server's errors, or how to get
 * the generator when it is not installed.
 */
export function SitePreviewPane({ api, postId, text }: { api: PostdeskApi; postId: string; text: string }) {
  const [state, setState] = useState<SitePreviewState | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const sequence = useRef(0);

  useEffect(() => {
    const mine = ++sequence.current;
    const timer = window.setTimeout(
      () => {
        api
          .sitePreviewShow({ postId, text })
          .then((answer) => {
            if (mine === sequence.current) {
              setState(answer);
              setFailure(null);
            }
          })
          .catch((error: unknown) => {
            if (mine === sequence.current) setFailure(error instanceof Error ? error.message : String(error));
          });
      },
      state === null ? 0 : sitePreviewDelayMs,
    );
    return () => window.clearTimeout(timer);
    // The first call goes at once; later ones after a pause (state is read, not followed).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, postId, text]);

  if (failure !== null)
    return (
      <p className="site-preview-message" role="alert">
        {failure}
      </p>
    );
  if (state === null) return <p className="site-preview-message">Starting the site's server…</p>;
  if (state.status === 'unavailable') {
    return (
      <p className="site-preview-message" data-testid="site-preview-unavailable">
        {state.message}
      </p>
    );
  }
  const errors = state.errors;
  return (
    <div className="site-preview">
      {state.status === 'failed' ? (
        <p className="site-preview-message" role="alert">
          {state.message}
        </p>
      ) : (
        <iframe
          key={`${state.url}#${state.build}`}
          title="Site preview"
          className="preview-frame site-preview-frame"
          sandbox=""
          referrerPolicy="no-referrer"
          src={state.url}
          data-build={state.build}
        />
      )}
      {errors.length > 0 ? (
        <ul className="site-preview-problems" aria-label="Problems from the site's generator">
          {errors.map((error, index) => (
            <li key={index}>{error}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
