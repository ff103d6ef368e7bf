import type { BackupEntry } from '../../../shared/api';
import { splitFrontMatter } from '../../../shared/post/split-front-matter';
import type { DocumentsModel } from '../../state/document-store';

/**
 * Opens the backed-up post and puts the backup's text in its editor as unsaved changes (the file
 * on disk is untouched until the user saves); answers false when the post could not be opened.
 */
export async function restoreBackup(documents: DocumentsModel, entry: BackupEntry): Promise<boolean> {
  await documents.open(entry.id);
  const documentStore = documents.active;
  const state = documentStore.get();
  if (state.status !== 'open' || state.doc.id !== entry.id) return false;
  documentStore.set({
    status: 'open',
    doc: { ...state.doc, text: entry.text, bodyStart: splitFrontMatter(entry.text).bodyStart },
  });
  return true;
}
