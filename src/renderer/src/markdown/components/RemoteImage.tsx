import { useState } from 'react';
import type { ComponentProps } from 'react';
import type { ExtraProps } from 'react-markdown';
import { loadImage } from '../image-loader.ts';

type State = { kind: 'idle' } | { kind: 'loading' } | { kind: 'loaded'; dataUrl: string } | { kind: 'failed'; message: string };

/** Remote images are not fetched until the user asks: fetching one tells its server you read it. */
export function RemoteImage({ src, alt, title }: ComponentProps<'img'> & ExtraProps) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const label = alt ? `Image: ${alt}` : 'Image';
  if (typeof src !== 'string' || src === '') return <span className="md-image-blocked">[{label}]</span>;
  if (state.kind === 'loaded') return <img className="md-image" src={state.dataUrl} alt={alt ?? ''} title={title} />;
  const load = () => {
    setState({ kind: 'loading' });
    loadImage(src).then(
      (dataUrl) => setState({ kind: 'loaded', dataUrl }),
      (error: Error) => setState({ kind: 'failed', message: error.message }),
    );
  };
  return (
    <button type="button" className="md-image-placeholder" title={src} onClick={load} disabled={state.kind === 'loading'}>
      {state.kind === 'loading' ? `Loading ${label.toLowerCase()}…` : `${label} — click to load from ${hostOf(src)}`}
      {state.kind === 'failed' && <span className="md-image-error" role="alert"> {state.message}</span>}
    </button>
  );
}

function hostOf(src: string): string {
  try {
    return new URL(src).host;
  } catch {
    return 'the web';
  }
}
