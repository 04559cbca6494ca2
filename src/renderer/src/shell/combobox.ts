// The ARIA wiring of a text field that filters a list below it (command palette, model picker,
// search): options are ids `${listId}-${index}`, and the highlighted one is announced.
export function comboboxProps(listId: string, active: number, expanded = true) {
  return {
    role: 'combobox',
    'aria-expanded': expanded,
    'aria-controls': listId,
    'aria-autocomplete': 'list',
    'aria-activedescendant': active >= 0 ? `${listId}-${active}` : undefined,
  } as const;
}
