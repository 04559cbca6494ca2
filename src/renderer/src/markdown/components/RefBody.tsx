import { useContext, useMemo, useRef } from 'react';
import type { ComponentProps } from 'react';
import type { Components, ExtraProps } from 'react-markdown';
import type { PluggableList } from 'unified';
import type { BlockInfo } from '../block-context.ts';
import { definitionsFor } from '../definitions-for.ts';
import { REMARK_PLUGINS } from '../grammar.ts';
import { LateDefinitionsContext, markReferences, placeholders, placeholdersHold } from '../late-references.ts';
import { MarkdownBody } from '../MarkdownBody.tsx';
import { COMPONENTS } from '../plugins.ts';
import { SafeLink } from './SafeLink.tsx';
import { ReferenceLink } from './ReferenceLink.tsx';

/**
 * A settled block whose references take their destinations from context (late-references.ts):
 * parsed once, whatever definitions arrive later. Once the reply has ended, a block whose
 * placeholder parse may differ from the exact one (late-references.ts, placeholdersHold) is
 * parsed the exact way, with the definitions appended.
 */
export function RefBody({ info, raw }: { info: BlockInfo; raw: string }) {
  const defs = useContext(LateDefinitionsContext);
  const held = useMemo(() => placeholders(raw), [raw]);
  // Filled by the parse below (it runs while MarkdownBody renders, after this component), and
  // read when the reply ends, which re-renders this component through the context.
  const linked = useRef<ReadonlySet<string> | undefined>(undefined);
  const plugins = useMemo<PluggableList>(() => [...REMARK_PLUGINS, [markReferences, (ids: ReadonlySet<string>) => (linked.current = ids)]], []);
  const exact = defs.final && (linked.current === undefined || !placeholdersHold(linked.current, held.inlineOnly, defs));
  if (exact) return <MarkdownBody info={info} source={withDefinitions(raw, defs.text)} />;
  return <MarkdownBody info={info} source={held.source} components={REF_COMPONENTS} remarkPlugins={plugins} />;
}

function withDefinitions(raw: string, text: string): string {
  const kept = definitionsFor(raw, text);
  return kept ? raw + '\n\n' + kept : raw;
}

type LinkProps = ComponentProps<'a'> & ExtraProps & { 'data-late-ref'?: string; 'data-late-suffix'?: string };

/** A reference marked by the placeholder parse; any other link as it is. */
function LateRefLink({ 'data-late-ref': id, 'data-late-suffix': suffix = '', ...props }: LinkProps) {
  if (id === undefined) return <SafeLink {...props} />;
  return (
    <ReferenceLink id={id} suffix={suffix} link={props}>
      {props.children}
    </ReferenceLink>
  );
}

const REF_COMPONENTS: Components = { ...COMPONENTS, a: LateRefLink };
