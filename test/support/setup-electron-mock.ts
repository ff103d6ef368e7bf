// The one place the `electron` module is mocked: every test of test/unit/electron/shell gets the recording
// fakes of ./fake-electron instead (the real module cannot even load where its binary is missing).
import { beforeEach, vi } from 'vitest';
import { resetFakes } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronFake);

beforeEach(() => resetFakes());
