import { createContext, createElement, useContext, type ReactNode } from 'react';
import type { AppState } from './app-state';

const AppStateContext = createContext<AppState | null>(null);

/** Gives the components below it the window's state (built once with createAppState). */
export function AppStateProvider({ state, children }: { state: AppState; children: ReactNode }) {
  return createElement(AppStateContext.Provider, { value: state }, children);
}

/** The window's state; throws when a component is rendered outside an AppStateProvider. */
export function useAppState(): AppState {
  const state = useContext(AppStateContext);
  if (!state) throw new Error('useAppState() needs an <AppStateProvider> above the component.');
  return state;
}
