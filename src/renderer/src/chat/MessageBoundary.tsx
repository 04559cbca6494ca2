// One stored message the window cannot draw (a damaged row, a field of the wrong type) must not
// blank the whole conversation: this boundary replaces just that message with its raw text.
import { Component, type ReactNode } from 'react';
import type { ChatItem } from './store/chat-store';

interface Props {
  item: ChatItem;
  children: ReactNode;
}

interface State {
  /** The item last drawn: a new version of it (a new frame, a fixed row) gets another try. */
  item: ChatItem;
  failed: boolean;
}

/** The message's text as stored; the whole row when even the text is not a string. */
function rawTextOf(item: ChatItem): string {
  if (typeof item.text === 'string') return item.text;
  try {
    return JSON.stringify(item, null, 2);
  } catch {
    return String(item.text);
  }
}

export class MessageBoundary extends Component<Props, State> {
  override state: State = { item: this.props.item, failed: false };

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.item === state.item ? null : { item: props.item, failed: false };
  }

  static getDerivedStateFromError(): Partial<State> {
    return { failed: true };
  }

  override componentDidCatch(error: Error): void {
    console.warn(`[plume] message ${this.props.item.id} could not be displayed: ${error.message}`);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    const { item } = this.props;
    return (
      <article className={`message ${item.role} broken`} data-testid="message-broken" aria-label="Message that could not be displayed">
        <p className="inline-error" role="alert">This message could not be displayed. Its raw text:</p>
        <pre className="broken-raw">{rawTextOf(item)}</pre>
      </article>
    );
  }
}
