/**
 * A fresh nonce for a webview's Content-Security-Policy (`script-src 'nonce-…'`), in the desktop and
 * the browser extension alike: Web Crypto where the host has it (browsers, Node 19+), else
 * Math.random (older Node extension hosts; a webview nonce only has to be unguessable by the page's
 * content, which never sees it before the script tag). No Node built-in: the browser bundle has none.
 */
interface WebCrypto {
  getRandomValues(array: Uint8Array): Uint8Array;
}

export function webviewNonce(): string {
  const bytes = new Uint8Array(18);
  const crypto = (globalThis as { crypto?: Partial<WebCrypto> }).crypto;
  if (typeof crypto?.getRandomValues === 'function') crypto.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
