/** Why a conversation row carries a mark: its reply is streaming, or it finished or failed while away. */
export type ReplyMark = 'streaming' | 'finished' | 'failed';
