import type { Handlers } from '../../../shared/api';
import type { DiagnosticsLog } from './diagnostics-log';

/** The handlers of the diagnostics methods, reading the library's log. */
export function diagnosticsHandlers(log: DiagnosticsLog): Pick<Handlers, 'listDiagnostics'> {
  return {
    async listDiagnostics() {
      await log.loaded();
      return { entries: log.recent(), logFile: log.file };
    },
  };
}
