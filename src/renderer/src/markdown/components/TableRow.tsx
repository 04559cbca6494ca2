import type { ComponentProps } from 'react';
import type { ExtraProps } from 'react-markdown';
import { renderStats } from '../render-stats.ts';

/** react-markdown's `tr`, counted: the tests check that a growing table renders only new rows. */
export function TableRow({ node: _node, ...props }: ComponentProps<'tr'> & ExtraProps) {
  renderStats.rowRenders++;
  return <tr {...props} />;
}
