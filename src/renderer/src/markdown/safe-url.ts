// The rule lives in shared so main's export renderer applies exactly the same one.
export { safeUrl } from '../../../shared/markdown/safe-url.ts';
