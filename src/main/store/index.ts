// The store's public surface for the main process (the contract wiring imports from here).
export { openStore, type Store, type StoreOptions } from './store.ts';
export { ReplyCheckpointer, DEFAULT_CHECKPOINT_INTERVAL_MS, type CheckpointOptions } from './checkpointer.ts';
export { StoreNotFoundError, type ConversationPage, type NewConversation } from './conversations.ts';
export type { BeginReply, ReplyTarget } from './messages.ts';
export { MigrationError } from './migrate.ts';
export { exportAll, exportConversation } from './export/index.ts';
export { ImportError, importFile, parseImport } from './import/index.ts';
export { titleFromFirstExchange } from './title.ts';
