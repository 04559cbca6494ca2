// The MCP servers of this app: their settings, the consent a local server needs before it
// first runs (and again after its command or environment changed), and the running
// connections. Servers start lazily: when a chat first uses them, or when the user presses
// Start / Restart in Settings; never at launch. All of them stop with the app.
import type { McpServerView, McpStatus, McpToolPolicy } from '../../shared/mcp';
import type { ReplyTools } from '../stream/tool-step';
import { replyTools, type OfferedServer, type PolicyMemory } from './reply-tools';
import { keyHint } from '../settings/key-hint';
import type { KeyVault } from '../settings/key-vault';
import { commandLine, consentFingerprint } from './command-line';
import { ConversationServers } from './conversation-servers';
import { McpConnection, DEFAULT_TIMEOUTS, type ConnectionTarget, type ConnectionTimeouts } from './connection';
import { McpInputError, McpServerRecords, type McpSecrets, type McpServerRecord } from './server-records';
import type { StdioLimits, StdioServerSpec } from './stdio-transport';

/** Model steps in one reply before Plume stops asking for more (each step may call tools). */
export const DEFAULT_MAX_TOOL_STEPS = 10;

export interface McpServersOptions {
  dataDir: string;
  vault: KeyVault;
  timeouts?: ConnectionTimeouts;
  stdioLimits?: StdioLimits;
}

export class McpServers {
  private readonly records: McpServerRecords;
  private readonly connections = new Map<string, { connection: McpConnection; fingerprint: string }>();
  /** "Allow for this conversation" decisions: conversation id → server id + tool name. */
  private readonly allowed = new Map<string, Set<string>>();
  /** Per conversation: the servers whose tools it does not offer. */
  readonly perConversation: ConversationServers;

  constructor(private readonly options: McpServersOptions) {
    this.records = new McpServerRecords(options.dataDir, options.vault);
    this.perConversation = new ConversationServers(options.dataDir);
  }

  async list(): Promise<McpServerView[]> {
    return Promise.all((await this.records.list()).map((record) => this.view(record)));
  }

  async save(input: unknown): Promise<McpServerView> {
    const record = await this.records.save(input);
    // Whatever changed, the running copy is the old one: stop it; it starts again when used.
    await this.stop(record.id);
    return this.view(record);
  }

  async remove(id: string): Promise<void> {
    await this.stop(id);
    await this.records.remove(id);
  }

  /** Records consent to run exactly what the user was shown (the fingerprint of its view). */
  async consent(id: string, fingerprint: unknown): Promise<McpServerView> {
    const record = await this.require(id);
    const spec = await this.stdioSpec(record);
    if (fingerprint !== consentFingerprint(spec)) {
      throw new McpInputError('The server’s command changed since it was shown to you. Look at it again before allowing it.');
    }
    const next = { ...record, consentedFingerprint: fingerprint };
    await this.records.put(next);
    return this.view(next);
  }

  /** Stops the server if it runs and starts it again; resolves once it is ready or has failed. */
  async restart(id: string): Promise<McpServerView> {
    await this.stop(id);
    await this.connection(id);
    return this.view(await this.require(id));
  }

  async setTool(id: string, tool: string, change: { enabled?: boolean; policy?: McpToolPolicy }): Promise<McpServerView> {
    const record = await this.require(id);
    const disabled = new Set(record.disabledTools);
    if (change.enabled === true) disabled.delete(tool);
    if (change.enabled === false) disabled.add(tool);
    const policies = { ...record.toolPolicies };
    if (change.policy === 'ask') delete policies[tool];
    else if (change.policy === 'allow' || change.policy === 'deny') policies[tool] = change.policy;
    const next = { ...record, disabledTools: [...disabled], toolPolicies: policies };
    await this.records.put(next);
    return this.view(next);
  }

  /**
   * The tools a reply may offer: every enabled server the user has allowed to run and has not
   * switched off for this conversation, started now if needed (one that fails to start is left
   * out), with its switched-on tools.
   */
  async replyTools(conversationId: string, maxSteps = DEFAULT_MAX_TOOL_STEPS): Promise<ReplyTools | undefined> {
    const off = new Set(await this.perConversation.off(conversationId));
    const usable = (await this.records.list()).filter((r) => r.enabled && !off.has(r.id) && (r.transport === 'http' || r.consentedFingerprint !== undefined));
    const started = await Promise.all(
      usable.map(async (record): Promise<OfferedServer | undefined> => {
        const connection = await this.connection(record.id).catch(() => undefined);
        if (!connection || connection.status.state !== 'ready') return undefined;
        const disabled = new Set(record.disabledTools);
        return {
          id: record.id,
          name: record.name,
          connection,
          tools: connection.tools.filter((t) => !disabled.has(t.name)),
          policy: (tool) => this.policyOf(record.id, tool),
        };
      }),
    );
    const memory: PolicyMemory = {
      allowedInConversation: (serverId, tool) => this.allowed.get(conversationId)?.has(`${serverId}\n${tool}`) ?? false,
      allowForConversation: (serverId, tool) => {
        const set = this.allowed.get(conversationId) ?? new Set<string>();
        set.add(`${serverId}\n${tool}`);
        this.allowed.set(conversationId, set);
      },
      allowAlways: async (serverId, tool) => {
        await this.setTool(serverId, tool, { policy: 'allow' });
      },
    };
    return replyTools(started.filter((s): s is OfferedServer => s !== undefined), memory, maxSteps);
  }

  private policyOf(id: string, tool: string): McpToolPolicy {
    const record = this.records.cached(id);
    return record?.toolPolicies?.[tool] ?? 'ask';
  }

  /** The running connection of a server, started now if needed (consent permitting). */
  async connection(id: string): Promise<McpConnection> {
    const record = await this.require(id);
    if (!record.enabled) throw new McpInputError(`The MCP server “${record.name}” is switched off.`);
    const { target, fingerprint } = await this.target(record);
    if (record.transport === 'stdio' && record.consentedFingerprint !== fingerprint) {
      throw new McpInputError(`Allow the MCP server “${record.name}” to run in Settings first: Plume never starts a local command you have not seen.`);
    }
    let entry = this.connections.get(id);
    if (entry && entry.fingerprint !== fingerprint) {
      await this.stop(id);
      entry = undefined;
    }
    if (!entry) {
      entry = { connection: new McpConnection(target, this.options.timeouts ?? DEFAULT_TIMEOUTS), fingerprint };
      this.connections.set(id, entry);
    }
    await entry.connection.start();
    return entry.connection;
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.connections.keys()].map((id) => this.stop(id)));
  }

  private async stop(id: string): Promise<void> {
    const entry = this.connections.get(id);
    this.connections.delete(id);
    await entry?.connection.close();
  }

  private async require(id: unknown): Promise<McpServerRecord> {
    const record = typeof id === 'string' ? await this.records.get(id) : undefined;
    if (!record) throw new McpInputError('That MCP server no longer exists.');
    return record;
  }

  private async stdioSpec(record: McpServerRecord, secrets?: McpSecrets): Promise<StdioServerSpec> {
    const { env } = secrets ?? (await this.records.secrets(record.id));
    const spec: StdioServerSpec = { command: record.command, args: record.args, env };
    if (record.cwd) spec.cwd = record.cwd;
    return spec;
  }

  private async target(record: McpServerRecord): Promise<{ target: ConnectionTarget; fingerprint: string }> {
    const secrets = await this.records.secrets(record.id);
    if (record.transport === 'stdio') {
      const spec = await this.stdioSpec(record, secrets);
      const target: ConnectionTarget = { kind: 'stdio', spec };
      if (this.options.stdioLimits) target.limits = this.options.stdioLimits;
      return { target, fingerprint: consentFingerprint(spec) };
    }
    const headers = { ...secrets.headers };
    if (secrets.bearerToken) headers['Authorization'] = `Bearer ${secrets.bearerToken}`;
    const target: ConnectionTarget = { kind: 'http', url: record.url ?? '', headers, sseFallback: record.sseFallback };
    return { target, fingerprint: JSON.stringify([record.url, record.sseFallback, headers]) };
  }

  private async view(record: McpServerRecord): Promise<McpServerView> {
    const secrets = await this.records.secrets(record.id).catch((): McpSecrets => ({ env: {}, headers: {} }));
    const spec = await this.stdioSpec(record, secrets);
    const fingerprint = record.transport === 'stdio' ? consentFingerprint(spec) : '';
    const needed = record.transport === 'stdio' && record.consentedFingerprint !== fingerprint;
    const connection = this.connections.get(record.id)?.connection;
    const status: McpStatus = needed ? { state: 'needs-consent' } : (connection?.status ?? { state: 'stopped' });
    const disabled = new Set(record.disabledTools);
    const view: McpServerView = {
      id: record.id,
      name: record.name,
      enabled: record.enabled,
      transport: record.transport,
      command: record.command,
      args: record.args,
      env: Object.entries(secrets.env).map(([name, value]) => ({ name, hint: value === '' ? '(empty)' : keyHint(value) })),
      headerNames: Object.keys(secrets.headers),
      hasBearerToken: !!secrets.bearerToken,
      sseFallback: record.sseFallback,
      commandLine: record.transport === 'stdio' ? commandLine(spec) : '',
      consent: { needed, fingerprint },
      status,
      tools: (connection?.status.state === 'ready' ? connection.tools : []).map((tool) => {
        const out: McpServerView['tools'][number] = { name: tool.name, inputSchema: tool.inputSchema, enabled: !disabled.has(tool.name), policy: record.toolPolicies?.[tool.name] ?? 'ask' };
        if (tool.title) out.title = tool.title;
        if (tool.description) out.description = tool.description;
        return out;
      }),
    };
    if (record.cwd) view.cwd = record.cwd;
    if (record.url) view.url = record.url;
    return view;
  }
}
