import { describe, expect, it, vi } from 'vitest';
import {
  apiFromOutcomes,
  desktopOnlyMethods,
  dispatch,
  eventNames,
  events,
  hostCapabilities,
  methodNames,
  methods,
  type Outcome,
} from '../../../../shared/api';
import { errorCodes, isPostdeskError } from '../../../../shared/errors';
import { sendEvent } from '../../../../electron/host/ipc-host';
import { httpFailure } from '../../../../shared/contract/client';

describe('contract v2', () => {
  it('carries results and event payloads in types only: no row holds undefined', () => {
    for (const name of methodNames) expect(methods[name].result, name).not.toBeUndefined();
    for (const name of eventNames) expect(events[name], name).not.toBeUndefined();
  });

  it('has the forbidden, unsupported and transport codes', () => {
    expect(errorCodes).toEqual(expect.arrayContaining(['forbidden', 'unsupported', 'transport']));
  });

  it('answers unsupported for a method the host has no handler for (desktop-only in the browser)', async () => {
    for (const name of desktopOnlyMethods) {
      const args = name === 'revealPost' ? { id: 'a.md' } : { requestId: 1, proceed: true };
      expect(await dispatch({}, name, args)).toMatchObject({ ok: false, error: { code: 'unsupported' } });
    }
  });

  it('maps HTTP refusals to forbidden and every other failure of the transport to transport', async () => {
    expect(httpFailure(401, 'Unauthorized: this Postdesk host needs its token.')).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringContaining('token') },
    });
    expect(httpFailure(403, '')).toMatchObject({ error: { code: 'forbidden' } });
    expect(httpFailure(421, '')).toMatchObject({ error: { code: 'forbidden' } });
    expect(httpFailure(500, 'boom')).toMatchObject({
      error: { code: 'transport', message: expect.stringContaining('500') },
    });
    const offline = apiFromOutcomes(
      () => Promise.reject(new TypeError('Failed to fetch')),
      () => () => undefined,
    );
    const failed = await offline.listPosts({}).catch((error: unknown) => error);
    expect(isPostdeskError(failed, 'transport')).toBe(true);
    const garbage = apiFromOutcomes(
      () => Promise.resolve('<html>' as unknown as Outcome),
      () => () => undefined,
    );
    expect(isPostdeskError(await garbage.listPosts({}).catch((error: unknown) => error), 'transport')).toBe(
      true,
    );
  });

  it("declares each host's capabilities in the contract", () => {
    expect(hostCapabilities.desktop).toMatchObject({ host: 'desktop', reveal: true, nativeWindow: true });
    expect(hostCapabilities.browser).toMatchObject({ host: 'browser', reveal: false, nativeWindow: false });
  });

  it('sends typed events on their channel, and nothing to a destroyed window', () => {
    const contents = { send: vi.fn(), isDestroyed: vi.fn(() => false) };
    sendEvent(contents, 'menuCommand', { command: 'post.save' });
    expect(contents.send).toHaveBeenCalledWith('postdesk-event:menuCommand', { command: 'post.save' });
    contents.isDestroyed.mockReturnValue(true);
    sendEvent(contents, 'menuCommand', { command: 'post.new' });
    expect(contents.send).toHaveBeenCalledTimes(1);
  });
});
