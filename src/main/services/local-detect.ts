// First run: is a model server already answering on this machine? Only loopback addresses are
// ever probed, with a short timeout, so the check costs nothing when none is running and never
// leaves the computer.
import type { LocalServer } from '../../shared/contract';
import { fetchReportingBytes } from '../providers/byte-reporting-fetch';
import { findPreset } from '../providers/presets';

export interface LocalProbe {
  /** A local preset (ollama, lmstudio, llamacpp): gives the label and the kind. */
  presetId: string;
  port: number;
}

export const DEFAULT_LOCAL_PROBES: readonly LocalProbe[] = [
  { presetId: 'ollama', port: 11434 },
  { presetId: 'lmstudio', port: 1234 },
];

/** A server on loopback answers in milliseconds; anything slower is not worth a first-run wait. */
const PROBE_TIMEOUT_MS = 800;

/**
 * `PLUME_LOCAL_PROBES=ollama=11434,lmstudio=1234` replaces the probed ports (the e2e harness
 * points it at a fake server); an empty value turns probing off.
 */
export function localProbesFromEnv(value: string | undefined): LocalProbe[] | undefined {
  if (value === undefined) return undefined;
  return value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry) => {
      const [presetId = '', port = ''] = entry.split('=');
      const number = Number(port);
      if (!findPreset(presetId)?.local || !Number.isInteger(number) || number < 1 || number > 65535) {
        throw new Error(`PLUME_LOCAL_PROBES: "${entry}" should look like ollama=11434.`);
      }
      return { presetId, port: number };
    });
}

export function probeBaseURL(probe: LocalProbe): string {
  return `http://127.0.0.1:${probe.port}/v1`;
}

/** Servers that answered `GET /v1/models` with at least one model, in probe order. */
export async function detectLocalServers(probes: readonly LocalProbe[], timeoutMs = PROBE_TIMEOUT_MS): Promise<LocalServer[]> {
  const found = await Promise.all(probes.map((probe) => probeOne(probe, timeoutMs)));
  return found.filter((server): server is LocalServer => server !== null);
}

async function probeOne(probe: LocalProbe, timeoutMs: number): Promise<LocalServer | null> {
  const preset = findPreset(probe.presetId);
  if (!preset) return null;
  const baseURL = probeBaseURL(probe);
  try {
    const response = await fetchReportingBytes(undefined)(`${baseURL}/models`, { signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) return null;
    const models = modelIds(await response.json());
    return models.length ? { presetId: preset.id, label: preset.label, baseURL, models } : null;
  } catch {
    return null; // not running, not a model server, or too slow: all mean "nothing to offer"
  }
}

function modelIds(body: unknown): string[] {
  const data = (body as { data?: unknown } | null)?.data;
  if (!Array.isArray(data)) return [];
  const ids = data.map((m: { id?: unknown } | null) => m?.id).filter((id): id is string => typeof id === 'string' && id !== '');
  return [...new Set(ids)];
}
