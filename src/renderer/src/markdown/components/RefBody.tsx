import { useContext, useMemo } from 'react';
import type { ComponentProps } from 'react';
import type { Components, ExtraProps } from 'react-markdown';
import type { PluggableList } from 'unified';
import { normalizeUri } from 'micromark-util-sanitize-uri';
import type { BlockInfo } from '../block-context.ts';
import { definitionsFor } from '../definitions-for.ts';
import { REMARK_PLUGINS } from '../grammar.ts';
import { LateDefinitionsContext, markReferences, placeholderSource, referencesIn } from '../late-references.ts';
import { MarkdownBody } from '../MarkdownBody.tsx';
import { reuseParse } from '../reuse-parse.ts';
import { COMPONENTS } from '../plugins.ts';
import { safeUrl } from '../safe-url.ts';
import { SafeLink } from './SafeLink.tsx';

const PLUGINS: PluggableList = [...REMARK_PLUGINS, markReferences];
const MATH_PLUGINS: PluggableList = [...REMARK_PLUGINS, reuseParse, markReferences];

/**
 * A settled block whose references take their destinations from context (late-references.ts):
 * parsed once, whatever definitions arrive later. Once the reply has ended, a block whose parse
 * linked a label that nobody defines is parsed the exact way, with the definitions appended.
 */
export function RefBody({ info, raw }: { info: BlockInfo; raw: string }) {
  const defs = useContext(LateDefinitionsContext);
  const source = useMemo(() => placeholderSource(raw), [raw]);
  const ids = referencesIn(source);
  const math = raw.includes('$');
  const exact = !defs.final || (ids !== undefined && [...ids].every((id) => defs.byId.has(id)));
  if (!exact) return <MarkdownBody info={info} source={withDefinitions(raw, defs.text)} math={math} />;
  return <MarkdownBody info={info} source={source} math={math} components={REF_COMPONENTS} remarkPlugins={math ? MATH_PLUGINS : PLUGINS} />;
}

function withDefinitions(raw: string, text: string): string {
  const kept = definitionsFor(raw, text);
  return kept ? raw + '\n\n' + kept : raw;
}

type LinkProps = ComponentProps<'a'> & ExtraProps & { 'data-late-ref'?: string; 'data-late-suffix'?: string };

/** A reference: the link its definition makes, or its source text until that definition comes. */
function LateRefLink({ 'data-late-ref': id, 'data-late-suffix': suffix, ...props }: LinkProps) {
  const defs = useContext(LateDefinitionsContext);
  if (id === undefined) return <SafeLink {...props} />;
  const def = defs.byId.get(id);
  // What mdast-util-to-hast shows for a reference without a definition.
  if (!def) return <>[{props.children}]{suffix}</>;
  // As react-markdown would have made it from the definition itself.
  const href = safeUrl(normalizeUri(def.url), 'href');
  const title = def.title ?? undefined;
  return <SafeLink {...props} href={href} title={title} />;
}

const REF_COMPONENTS: Components = { ...COMPONENTS, a: LateRefLink };
