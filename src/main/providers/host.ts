// How a provider is named in messages when all we have is its base URL.

/** `api.openai.com`, `127.0.0.1:11434`; the raw text when it is not a URL at all. */
export function hostOf(baseURL: string): string {
  try {
    return new URL(baseURL).host || baseURL;
  } catch {
    return baseURL;
  }
}
