import { createStore, type Store } from '../../state/create-store';

/** One action of the app, reachable from the menu, the command palette and (some) shortcuts. */
export interface Command {
  /** Stable id; the native menu's commands use the contract's `MenuCommand` names. */
  id: string;
  /** What the palette shows. */
  title: string;
  /** The shortcut shown beside the title (informative). */
  keys?: string;
  /** The setting's current state, for toggles (shown beside the title, e.g. "on"). */
  detail?: () => string;
  /** False hides the command from the palette (e.g. desktop-only actions in the browser). */
  available?: () => boolean;
  run(): void | Promise<void>;
}

/** The registry of commands: register them, list them, run one by id. */
export interface CommandRegistry {
  /** Adds commands (replacing same ids); the returned function removes them. */
  register(commands: readonly Command[]): () => void;
  /** The available commands, in registration order. */
  list(): Command[];
  /** Runs command `id`; answers false when there is no such command. A failure is reported, not thrown. */
  run(id: string): Promise<boolean>;
  /** The message of the last failed command (null once cleared). */
  failure: Store<string | null>;
}

/** Creates an empty command registry. */
export function createCommandRegistry(): CommandRegistry {
  const commands = new Map<string, Command>();
  const failure = createStore<string | null>(null);
  return {
    failure,
    register(added) {
      for (const command of added) commands.set(command.id, command);
      return () => {
        for (const command of added) if (commands.get(command.id) === command) commands.delete(command.id);
      };
    },
    list() {
      return [...commands.values()].filter((command) => command.available?.() ?? true);
    },
    async run(id) {
      const command = commands.get(id);
      if (!command || !(command.available?.() ?? true)) return false;
      failure.set(null);
      try {
        await command.run();
      } catch (error) {
        failure.set(`${command.title}: ${(error as Error).message}`);
      }
      return true;
    },
  };
}

/** The window's one registry. */
export const commandRegistry = createCommandRegistry();

/** Shortcuts a browser keeps for its own windows and tabs: a page never receives them. */
const browserReservedKeys = new Set([
  'Ctrl+N',
  'Ctrl+Shift+N',
  'Ctrl+T',
  'Ctrl+Shift+T',
  'Ctrl+W',
  'Ctrl+Shift+W',
  'Ctrl+Tab',
  'Ctrl+Shift+Tab',
  'Ctrl+PageDown',
  'Ctrl+PageUp',
]);

/** The shortcut to show for a command: none in the browser mode when the browser keeps that key. */
export function shownKeys(keys: string | undefined, desktop: boolean): string | undefined {
  if (keys === undefined || desktop) return keys;
  return browserReservedKeys.has(keys) ? undefined : keys;
}
