import { useState } from 'react';
import type { ComponentProps } from 'react';
import type { ExtraProps } from 'react-markdown';

/** Remote images are not fetched until the user asks: fetching one tells its server you read it. */
export function RemoteImage({ src, alt, title }: ComponentProps<'img'> & ExtraProps) {
  const [load, setLoad] = useState(false);
  const label = alt ? `Image: ${alt}` : 'Image';
  if (typeof src !== 'string' || src === '') return <span className="md-image-blocked">[{label}]</span>;
  if (!load) {
    return (
      <button type="button" className="md-image-placeholder" title={src} onClick={() => setLoad(true)}>
        {label} — click to load from {hostOf(src)}
      </button>
    );
  }
  return <img className="md-image" src={src} alt={alt ?? ''} title={title} referrerPolicy="no-referrer" />;
}

function hostOf(src: string): string {
  try {
    return new URL(src).host;
  } catch {
    return 'the web';
  }
}
