import { createContext } from 'react';

// One value per block, fixed for the block's life (it changes once, when the block settles), so
// it never re-renders a block while the reply streams.
export interface BlockInfo {
  /** Unique across messages: the highlight cache key prefix. */
  readonly key: string;
  readonly settled: boolean;
}

export const BlockContext = createContext<BlockInfo>({ key: 'unkeyed', settled: true });
