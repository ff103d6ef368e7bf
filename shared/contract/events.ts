/** The core event table: each row an event the hosts push, with its payload type (type-only). */
import type {
  CloseRequestedEvent,
  IndexProgressEvent,
  MenuCommandEvent,
  PostChangedEvent,
  PostProblemsEvent,
  SiteOpenedEvent,
} from './model';
import { returns } from './schemas';

/** The core events of the contract and their (type-only) payloads. */
export const coreEvents = {
  postChanged: returns<PostChangedEvent>(),
  menuCommand: returns<MenuCommandEvent>(),
  closeRequested: returns<CloseRequestedEvent>(),
  siteOpened: returns<SiteOpenedEvent>(),
  indexProgress: returns<IndexProgressEvent>(),
  postProblems: returns<PostProblemsEvent>(),
} as const;
