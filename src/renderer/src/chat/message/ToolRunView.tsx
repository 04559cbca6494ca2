// What happens to a tool call after its arguments: the inline approval (Allow once / for this
// conversation / always, or Deny with a reason for the model), the running state with elapsed
// time, progress and Stop, and the result, collapsed, shown strictly as data.
import { useEffect, useState } from 'react';
import type { ToolDecision, ToolResult } from '../../../../shared/tool-calls';
import type { ToolRun } from '../store/tool-calls';
import { JsonValueView } from './JsonValueView';

interface Props {
  callId: string;
  run: ToolRun;
  onDecide?: (callId: string, decision: ToolDecision) => void;
  onStop?: () => void;
}

export function ToolRunView({ callId, run, onDecide, onStop }: Props) {
  switch (run.phase) {
    case 'asking':
      return <Approval callId={callId} server={run.server} tool={run.tool} onDecide={onDecide} />;
    case 'running':
      return (
        <div className="tool-running" role="status" aria-label="Tool running">
          <span className="spinner" aria-hidden="true" />
          <span>
            Running on {run.server} · <Elapsed since={run.startedAt} />
            {run.progress && ` · ${run.progress.total ? `${run.progress.progress}/${run.progress.total}` : run.progress.progress}${run.progress.message ? ` ${run.progress.message}` : ''}`}
          </span>
          {onStop && <button type="button" className="link-button" onClick={onStop} aria-label="Stop the tool and the reply">Stop</button>}
        </div>
      );
    case 'done':
      return <ResultView result={run.result} />;
    case 'skipped':
      return <p className="tool-skipped" role="status">Not run: {run.reason}</p>;
  }
}

function Approval({ callId, server, tool, onDecide }: { callId: string; server: string; tool: string; onDecide: Props['onDecide'] }) {
  const [reason, setReason] = useState('');
  const decide = (decision: ToolDecision) => onDecide?.(callId, decision);
  return (
    <div className="tool-approval" role="group" aria-label={`Run ${tool}?`}>
      <p>
        Run <code>{tool}</code> from <strong>{server}</strong> with the arguments above?
      </p>
      <div className="tool-approval-buttons">
        <button type="button" className="primary" disabled={!onDecide} onClick={() => decide({ kind: 'once' })}>Allow once</button>
        <button type="button" disabled={!onDecide} onClick={() => decide({ kind: 'conversation' })}>Allow for this conversation</button>
        <button type="button" disabled={!onDecide} onClick={() => decide({ kind: 'always' })}>Always allow this tool</button>
      </div>
      <div className="tool-deny">
        <input aria-label="Reason for denying (optional, sent to the model)" placeholder="Reason (optional, sent to the model)" value={reason} onChange={(e) => setReason(e.target.value)} />
        <button type="button" disabled={!onDecide} onClick={() => decide(reason.trim() ? { kind: 'deny', reason: reason.trim() } : { kind: 'deny' })}>Deny</button>
      </div>
    </div>
  );
}

function Elapsed({ since }: { since: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return <>{Math.max(0, Math.round((now - since) / 1000))} s</>;
}

const SAFE_IMAGE = /^image\/(png|jpeg|gif|webp)$/;

function ResultView({ result }: { result: ToolResult }) {
  return (
    <details className="tool-result" data-error={result.isError || undefined}>
      <summary>{result.isError ? 'Tool error' : 'Result'}</summary>
      <div className="tool-result-body" aria-label={result.isError ? 'Tool error' : 'Tool result'}>
        {result.parts.map((part, i) => {
          if (part.type === 'text') return <pre key={i}>{part.text}</pre>;
          if (part.type === 'image') {
            return SAFE_IMAGE.test(part.mimeType) ? <img key={i} alt={`Image from the tool (${part.mimeType})`} src={`data:${part.mimeType};base64,${part.data}`} /> : <pre key={i}>[{part.mimeType} image not shown]</pre>;
          }
          return <JsonValueView key={i} value={part.value as never} />;
        })}
      </div>
    </details>
  );
}
