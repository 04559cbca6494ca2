// The chat's one header row: sidebar toggle, conversation title, the model picker and an overflow
// menu holding everything else (chat options, export, import, providers, settings).
import { Ellipsis, PanelLeft, Search, Server, Settings, SlidersHorizontal, SquarePen } from 'lucide-react';
import { useRef } from 'react';
import type { ProviderView } from '../../../shared/contract';
import { useTransferMenu } from '../conversations/ConversationMenu';
import { ModelPicker } from '../providers/ModelPicker';
import { IconButton } from '../shell/IconButton';
import { Menu } from '../shell/Menu';
import { shortcutHint } from '../shell/shortcut-hint';
import { useCommand } from '../shell/use-command';

export type HeaderTarget = 'providers' | 'add-provider' | 'settings' | 'search' | 'new-chat' | 'options';

interface Props {
  title: string;
  providers: ProviderView[];
  selected: ProviderView | null;
  model: string | null;
  conversationId: string | null;
  sidebarOpen: boolean;
  onToggleSidebar(): void;
  onChoose(providerId: string, model: string): void;
  onOpen(target: HeaderTarget): void;
  onNotice(text: string): void;
  onImported(): void;
  menuRef?: React.RefObject<(() => void) | null>;
  modelRef?: React.RefObject<(() => void) | null>;
}

export function ChatToolbar(props: Props) {
  const { providers, selected, model } = props;
  const transfer = useTransferMenu({ conversationId: props.conversationId, onNotice: props.onNotice, onImported: props.onImported });
  const ownModelRef = useRef<(() => void) | null>(null);
  const modelRef = props.modelRef ?? ownModelRef;
  useCommand('switch-model', selected && model ? () => modelRef.current?.() : null);
  return (
    <header className="app-header">
      <IconButton
        icon={PanelLeft}
        label={props.sidebarOpen ? 'Hide conversations' : 'Show conversations'}
        aria-expanded={props.sidebarOpen}
        aria-controls="conversation-sidebar"
        tipAlign="start"
        onClick={props.onToggleSidebar}
      />
      {!props.sidebarOpen && <IconButton icon={SquarePen} label="New chat" shortcut={shortcutHint('new-chat')} tipAlign="start" onClick={() => props.onOpen('new-chat')} />}
      <h1 className="header-title" title={props.title}>{props.title}</h1>
      {selected && model && <ModelPicker providers={providers} selected={selected} model={model} onChoose={props.onChoose} openRef={modelRef} />}
      <Menu
        label="More actions"
        icon={Ellipsis}
        openRef={props.menuRef}
        groups={[
          {
            items: [
              { label: 'Chat options', icon: SlidersHorizontal, onSelect: () => props.onOpen('options'), disabled: !selected },
              { label: 'Search conversations', icon: Search, shortcut: shortcutHint('search'), onSelect: () => props.onOpen('search') },
            ],
          },
          ...transfer.groups,
          {
            items: [
              { label: 'Providers', icon: Server, onSelect: () => props.onOpen('providers') },
              { label: 'Settings', icon: Settings, shortcut: shortcutHint('settings'), onSelect: () => props.onOpen('settings') },
            ],
          },
        ]}
      />
      {transfer.elements}
    </header>
  );
}
