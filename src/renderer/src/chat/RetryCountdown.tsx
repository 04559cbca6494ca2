// "Rate limited — retrying in 7 s (attempt 2 of 3)", counting down each second while main waits
// to send the request again, instead of a silent "…".
import { useEffect, useState } from 'react';
import { retryText, type RetryNotice } from '../../../shared/retry';

interface Props {
  retry: RetryNotice & { until: number };
}

export function RetryCountdown({ retry }: Props) {
  const secondsLeft = () => Math.max(0, Math.ceil((retry.until - Date.now()) / 1000));
  const [left, setLeft] = useState(secondsLeft);
  useEffect(() => {
    setLeft(secondsLeft());
    const timer = setInterval(() => setLeft(secondsLeft()), 250);
    return () => clearInterval(timer);
  }, [retry]); // restarts for each new notice
  return (
    <div className="retry-notice" role="status" data-testid="retry-notice" data-reason={retry.reason}>
      {retryText(retry, left)}
    </div>
  );
}
