// The provider setting for models that write `<think>…</think>` on purpose (e.g. a model that
// explains XML-like markup): with it off, such tags stay in the answer.
interface Props {
  checked: boolean;
  onChange(checked: boolean): void;
}

export function ThinkTagsChoice({ checked, onChange }: Props) {
  return (
    <label className="checkbox">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {/* One text item, so the flex row does not stack the code between two columns at phone width. */}
      <span>
        Show <code>&lt;think&gt;…&lt;/think&gt;</code> at the start of a reply as reasoning
      </span>
    </label>
  );
}
