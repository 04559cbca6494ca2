// MCP server configurations: the settings in mcp-servers.json in the data folder, the secrets
// (environment values, header values, bearer token) in the key vault beside the API keys.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { McpServerBasics, McpServerInput, McpToolPolicy } from '../../shared/mcp';
import type { PlumeError } from '../../shared/provider-events';
import { readJsonFile, writeJsonFile } from '../settings/json-file';
import type { KeyVault } from '../settings/key-vault';

export interface McpServerRecord extends McpServerBasics {
  envNames: string[];
  headerNames: string[];
  hasBearerToken: boolean;
  /** The fingerprint the user approved (command-line.ts); absent until they do. */
  consentedFingerprint?: string;
  /** Tools switched off by the user; new tools a server adds are on. */
  disabledTools: string[];
  /** Per-tool policy where it is not the default `ask`. */
  toolPolicies?: Record<string, McpToolPolicy>;
}

export interface McpSecrets {
  env: Record<string, string>;
  headers: Record<string, string>;
  bearerToken?: string;
}

export class McpInputError extends Error {
  readonly plume: PlumeError;
  constructor(message: string) {
    super(message);
    this.plume = { kind: 'config', message };
  }
}

const secretsSlot = (id: string) => `mcp:${id}#secrets`;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export class McpServerRecords {
  private records: McpServerRecord[] | undefined;

  constructor(
    private readonly dir: string,
    private readonly vault: KeyVault,
  ) {}

  async list(): Promise<McpServerRecord[]> {
    if (!this.records) {
      const parsed = await readJsonFile(this.path());
      this.records = Array.isArray(parsed) ? (parsed as McpServerRecord[]) : [];
    }
    return this.records;
  }

  /** A record already read (policies are looked up while a reply runs, synchronously). */
  cached(id: string): McpServerRecord | undefined {
    return this.records?.find((r) => r.id === id);
  }

  async get(id: string): Promise<McpServerRecord | undefined> {
    return (await this.list()).find((r) => r.id === id);
  }

  async secrets(id: string): Promise<McpSecrets> {
    const text = await this.vault.get(secretsSlot(id));
    return text ? (JSON.parse(text) as McpSecrets) : { env: {}, headers: {} };
  }

  /** Checks the input, keeps stored secrets the input leaves out, and saves both parts. */
  async save(input: unknown): Promise<McpServerRecord> {
    const clean = parseInput(input);
    const before = clean.id ? await this.get(clean.id) : undefined;
    if (clean.id && !before) throw new McpInputError('That MCP server no longer exists.');
    const id = before?.id ?? randomUUID();
    const old = before ? await this.secrets(id) : { env: {}, headers: {} };
    const secrets: McpSecrets = { env: clean.env ?? old.env, headers: clean.headers ?? old.headers };
    const bearer = clean.bearerToken === undefined ? old.bearerToken : clean.bearerToken;
    if (bearer) secrets.bearerToken = bearer;
    const record: McpServerRecord = {
      id,
      name: clean.name,
      enabled: clean.enabled,
      transport: clean.transport,
      command: clean.command ?? '',
      args: clean.args ?? [],
      envNames: Object.keys(secrets.env),
      headerNames: Object.keys(secrets.headers),
      hasBearerToken: !!secrets.bearerToken,
      sseFallback: clean.sseFallback ?? false,
      disabledTools: before?.disabledTools ?? [],
    };
    if (clean.cwd) record.cwd = clean.cwd;
    if (clean.url) record.url = clean.url;
    if (before?.consentedFingerprint) record.consentedFingerprint = before.consentedFingerprint;
    if (before?.toolPolicies) record.toolPolicies = before.toolPolicies;
    await this.vault.set(secretsSlot(id), JSON.stringify(secrets));
    await this.put(record);
    return record;
  }

  async put(record: McpServerRecord): Promise<void> {
    const records = await this.list();
    const at = records.findIndex((r) => r.id === record.id);
    this.records = at === -1 ? [...records, record] : records.map((r, i) => (i === at ? record : r));
    await writeJsonFile(this.path(), this.records, { pretty: true });
  }

  async remove(id: string): Promise<void> {
    this.records = (await this.list()).filter((r) => r.id !== id);
    await writeJsonFile(this.path(), this.records, { pretty: true });
    await this.vault.delete(secretsSlot(id)).catch(() => {});
  }

  private path(): string {
    return join(this.dir, 'mcp-servers.json');
  }
}

function parseInput(value: unknown): McpServerInput {
  const v = value as Partial<McpServerInput> | null;
  if (typeof v !== 'object' || v === null) throw new McpInputError('The MCP server settings were empty.');
  const name = typeof v.name === 'string' ? v.name.trim() : '';
  if (name === '') throw new McpInputError('Give the MCP server a name.');
  if (v.transport !== 'stdio' && v.transport !== 'http') throw new McpInputError('Choose how Plume talks to the server: a local command or a URL.');
  const out: McpServerInput = { name, enabled: v.enabled !== false, transport: v.transport };
  if (typeof v.id === 'string' && v.id !== '') out.id = v.id;
  if (v.transport === 'stdio') {
    const command = typeof v.command === 'string' ? v.command.trim() : '';
    if (command === '') throw new McpInputError('Enter the command that starts the server, e.g. npx.');
    out.command = command;
    if (v.args !== undefined && (!Array.isArray(v.args) || !v.args.every((a) => typeof a === 'string'))) throw new McpInputError('Arguments must be a list of texts.');
    out.args = v.args ?? [];
    if (typeof v.cwd === 'string' && v.cwd.trim() !== '') out.cwd = v.cwd.trim();
    if (v.env !== undefined) out.env = parseMap(v.env, ENV_NAME, 'environment variable');
  } else {
    let url: URL;
    try {
      url = new URL(String(v.url ?? ''));
    } catch {
      throw new McpInputError('Enter the server’s full URL, e.g. https://example.com/mcp.');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new McpInputError('The server URL must start with http:// or https://.');
    out.url = url.href;
    if (v.headers !== undefined) out.headers = parseMap(v.headers, HEADER_NAME, 'header');
    if (typeof v.bearerToken === 'string') out.bearerToken = v.bearerToken.trim();
    out.sseFallback = v.sseFallback === true;
  }
  return out;
}

function parseMap(value: unknown, pattern: RegExp, what: string): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new McpInputError(`The ${what}s must be name/value pairs.`);
  const out: Record<string, string> = {};
  for (const [name, text] of Object.entries(value)) {
    if (!pattern.test(name)) throw new McpInputError(`“${name}” is not a valid ${what} name.`);
    if (typeof text !== 'string' || /[\0\r\n]/.test(text)) throw new McpInputError(`The value of ${name} must be one line of text.`);
    out[name] = text;
  }
  return out;
}
