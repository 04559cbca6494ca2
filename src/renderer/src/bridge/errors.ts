import type { PlumeError } from '../../../shared/provider-events';

/** An `invoke` that main answered with an error: keeps the kind so the UI can explain it. */
export class BridgeError extends Error {
  constructor(readonly plume: PlumeError) {
    super(plume.message);
  }
}
