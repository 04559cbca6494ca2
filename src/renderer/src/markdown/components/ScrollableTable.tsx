import type { ComponentProps } from 'react';
import type { ExtraProps } from 'react-markdown';

/**
 * A table scrolls sideways inside its message rather than breaking words; being focusable lets a
 * keyboard user scroll it too.
 */
export function ScrollableTable({ node: _node, ...props }: ComponentProps<'table'> & ExtraProps) {
  return <table {...props} tabIndex={0} />;
}
