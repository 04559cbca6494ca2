import { useContext } from 'react';
import type { ComponentProps, ReactNode } from 'react';
import type { ExtraProps } from 'react-markdown';
import { normalizeUri } from 'micromark-util-sanitize-uri';
import { LateDefinitionsContext } from '../late-references.ts';
import { safeUrl } from '../safe-url.ts';
import { SafeLink } from './SafeLink.tsx';

interface ReferenceLinkProps {
  /** The label as mdast identifies it. */
  id: string;
  /** What follows the text in the source: "[label]" (full), "[]" (collapsed) or "" (shortcut). */
  suffix: string;
  /** Attributes the parser gave the link, if it made one. */
  link?: ComponentProps<'a'> & ExtraProps;
  children: ReactNode;
}

/**
 * A reference, looked up in the message's definitions (late-references.ts) when rendered, so a
 * definition arriving at the end of a reply re-renders only its links: the link its definition
 * makes, or until then its text.
 */
export function ReferenceLink({ id, suffix, link, children }: ReferenceLinkProps) {
  const defs = useContext(LateDefinitionsContext);
  const def = defs.byId.get(id);
  if (!def) {
    // A full or collapsed reference waiting for its definition (late-references.ts, pendingReferences).
    if (!defs.final && suffix) return <SafeLink>{children}</SafeLink>;
    // What mdast-util-to-hast shows for a reference without a definition.
    return (
      <>
        [{children}]{suffix}
      </>
    );
  }
  // As react-markdown would have made it from the definition itself.
  const href = safeUrl(normalizeUri(def.url), 'href');
  const title = def.title ?? undefined;
  return (
    <SafeLink {...link} href={href} title={title}>
      {children}
    </SafeLink>
  );
}
