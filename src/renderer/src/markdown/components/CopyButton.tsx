import { useEffect, useState } from 'react';

/** Copies `text` to the clipboard and says so for a moment. Reusable for whole messages too. */
export function CopyButton({ text, label = 'Copy' }: { text: string; label?: string }) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const t = setTimeout(() => setCopied(false), 1500);
    return () => clearTimeout(t);
  }, [copied]);
  const onClick = (): void => {
    void navigator.clipboard.writeText(text).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <button type="button" className="md-copy" onClick={onClick} aria-label={`${label} to clipboard`}>
      {copied ? 'Copied' : label}
    </button>
  );
}
